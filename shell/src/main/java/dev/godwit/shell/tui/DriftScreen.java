package dev.godwit.shell.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.migrate.MigrationFolderName;
import dev.godwit.engine.drift.DriftReport;
import dev.godwit.shell.session.Session;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The drift report: how the live database differs from its migration history, as a tree by
 * table with both scripts for the selection (revert to history, adopt as migration), and
 * {@code w} to write the adopt migration after confirmation. Opened by {@code drift} on a
 * terminal and by {@code d} in the timeline.
 */
public final class DriftScreen implements ScreenFrame.View, ScreenFrame.Pane {
    public static final int MIN_COLUMNS = 80;
    public static final int MIN_ROWS = 24;

    /** What the screen can ask of the database. */
    public interface Actions {
        /** Replays the history into a shadow database and compares (slow: seconds). */
        DriftReport check();

        /** Writes the report's adopt script as migration {@code <timestamp of at>_name}, marks it applied, returns the folder name. */
        String adopt(String name, Instant at, DriftReport report);

        /** The database's DDL for some changes. */
        String script(List<Change> changes);
    }

    private enum Mode { TREE, HELP, DIALOG }

    private final Screen screen;
    private final DriftModel model;
    private final Actions actions;
    private final TimelineScreen.Options options;
    private final Paint paint;
    private final ScreenFrame frame;
    private Mode mode = Mode.TREE;
    private ConfirmDialog dialog;
    private String folder;
    private Instant at;
    private int rowsDrawn;

    public DriftScreen(Screen screen, DriftModel model, Actions actions, TimelineScreen.Options options) {
        this.screen = screen;
        this.model = model;
        this.actions = actions;
        this.options = options;
        this.paint = new Paint(options.color());
        this.frame = new ScreenFrame();
    }

    /** The drift screen for a report already checked on this session. */
    public static DriftScreen create(Session session, Screen screen, DriftReport report) {
        Actions actions = new SessionActions(session);
        return new DriftScreen(screen, new DriftModel(report, actions::script), actions, SessionActions.options(session));
    }

    /** Opens the report on the shell's JLine terminal; returns the report as it is when the user leaves (after an adopt: fresh). */
    public static DriftReport open(Session session, org.jline.terminal.Terminal jline, DriftReport report) throws IOException {
        DriftReport[] last = {report};
        TimelineScreen.onJLine(jline, screen -> {
            DriftScreen s = create(session, screen, report);
            s.run();
            last[0] = s.model.report();
        });
        return last[0];
    }

    public DriftModel model() {
        return model;
    }

    @Override
    public boolean isDone() {
        return frame.isDone();
    }

    int rowsDrawn() {
        return rowsDrawn;
    }

    /** Draws, then handles keys and resizes until the user leaves. */
    public void run() throws IOException {
        ScreenFrame.run(screen, this);
    }

    /** Handles every key already typed and any resize, then redraws once. False when there was nothing to do. */
    public boolean processPending() throws IOException {
        return ScreenFrame.processPending(screen, this);
    }

    // ---- keys ----

    @Override
    public void handle(KeyStroke k) {
        if (k.getKeyType() == KeyType.EOF) {
            frame.finish();
            return;
        }
        frame.clearMessage();
        switch (mode) {
            case TREE -> tree(k);
            case HELP -> mode = Mode.TREE;
            case DIALOG -> dialogKey(k);
        }
    }

    private void tree(KeyStroke k) {
        if (frame.navigate(k, this)) {
            return;
        }
        switch (k.getKeyType()) {
            case ArrowLeft -> model.collapse();
            case ArrowRight -> model.expand();
            case Enter -> model.toggle();
            case Tab, ReverseTab -> model.switchScript();
            case Escape -> frame.finish();
            case Character -> {
                switch (k.getCharacter()) {
                    case '?' -> mode = Mode.HELP;
                    case 'h' -> model.collapse();
                    case 'l' -> model.expand();
                    case 's' -> model.switchScript();
                    case 'c' -> model.toggleAll();
                    case 'w' -> startAdopt();
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
    }

    @Override
    public ScreenFrame.Selection selection() {
        return model;
    }

    @Override
    public void scrollDetail(int delta) {
        model.scrollDetail(delta, model.detail(screen.getTerminalSize().getColumns() - 1).size(), frame.detailHeight());
    }

    private void startAdopt() {
        if (model.report().drift().isEmpty()) {
            say("No schema drift: there is nothing to write as a migration.", Tone.DIM);
            return;
        }
        dialog = new ConfirmDialog(options.production(), options.databaseName(), 100, typed -> {
            try {
                at = Instant.now(); // the folder asked about is the folder written
                folder = MigrationFolderName.of(typed, at);
                return null;
            } catch (GodwitException e) {
                return typed.isEmpty() ? "A name is needed, e.g. hotfix_index." : e.getMessage();
            }
        });
        mode = Mode.DIALOG;
    }

    private void dialogKey(KeyStroke k) {
        frame.answer(dialog.key(k), dialog, options.databaseName(), () -> mode = Mode.TREE, this::adopt,
                "Nothing written.", "Nothing written");
    }

    private void adopt() {
        try {
            String written = actions.adopt(dialog.text(), at, model.report());
            say("Wrote " + written + ", marked it applied. Checking again…", Tone.OK);
            drawQuietly();
            model.replace(actions.check());
            say("Wrote " + written + ", marked it applied. Drift now: " + model.report().summary() + ".", Tone.OK);
        } catch (GodwitException e) {
            say(e.getMessage(), Tone.ERROR);
        } catch (RuntimeException e) {
            say("cannot adopt the drift: " + e, Tone.ERROR);
        }
    }

    private void drawQuietly() {
        try {
            draw();
        } catch (IOException ignored) {
            // the next draw reports it
        }
    }

    private void say(String text, Tone tone) {
        frame.say(text, tone);
    }

    // ---- drawing ----

    @Override
    public void draw() throws IOException {
        TerminalSize size = screen.getTerminalSize();
        int w = size.getColumns();
        int h = size.getRows();
        TextGraphics g = screen.newTextGraphics();
        paint.style(g, Tone.NORMAL, false);
        g.fill(' ');
        if (w < MIN_COLUMNS || h < MIN_ROWS) {
            paint.tooSmall(g, w, h, "drift report", MIN_COLUMNS, MIN_ROWS);
            screen.refresh();
            return;
        }
        DriftReport r = model.report();
        List<Line> header = ScreenFrame.header(w, 7,
                new Line.Builder().add(" Drift ", Tone.HEADER).add(r.database(), Tone.BOLD).add("  ")
                        .add(r.hasDrift() ? r.summary() : "none", r.hasDrift() ? Tone.EDITED : Tone.OK).build());
        header.addAll(ScreenFrame.header(w, 10,
                Line.of(" history: " + r.replayed().size() + " applied migration(s), replayed into the " + r.shadow(), Tone.DIM)));
        int head = header.size();
        frame.layout(h, head, 3, model.size(), 1);
        int listHeight = frame.listHeight();
        int detailHeight = frame.detailHeight();
        for (int i = 0; i < head; i++) {
            paint.put(g, 0, i, w, header.get(i));
        }

        int top = model.top(listHeight);
        rowsDrawn = 0;
        for (int i = 0; i < listHeight; i++) {
            int index = top + i;
            if (index >= model.size()) {
                if (i == 0) {
                    paint.put(g, 2, head, w - 2, Line.of("No drift: the database matches its history.", Tone.OK));
                }
                continue;
            }
            Line row = model.rowLine(model.row(index));
            rowsDrawn++;
            if (index == model.selectedIndex()) {
                paint.selectedRow(g, head + i, w, 2, row);
            } else {
                paint.put(g, 2, head + i, w - 2, row);
            }
        }

        int sepRow = head + listHeight;
        String where = model.size() == 0 ? "0/0" : (model.selectedIndex() + 1) + "/" + model.size();
        List<Line> detail = model.detail(w - 1);
        int from = Math.min(model.detailScroll(), Math.max(0, detail.size() - 1));
        paint.put(g, 0, sepRow, w, ScreenFrame.separator(w, where, from, detail.size(), detailHeight));
        Line.Builder tabs = new Line.Builder().add(" ");
        for (DriftModel.Script s : DriftModel.Script.values()) {
            boolean on = s == model.script();
            tabs.add(on ? "[" + s.title() + "]" : " " + s.title() + " ", on ? Tone.HEADER : Tone.DIM).add("  ");
        }
        tabs.add("Tab switches", Tone.DIM);
        paint.put(g, 0, sepRow + 1, w, tabs.build());
        for (int i = 0; i < detailHeight && from + i < detail.size(); i++) {
            paint.put(g, 1, sepRow + 2 + i, w - 1, detail.get(from + i));
        }

        Line foot = frame.message() != null ? Line.of(frame.message(), frame.messageTone())
                : Line.of("↑↓ PgUp PgDn  ←→ Enter fold  Tab script  w write migration  ? keys  q back", Tone.DIM);
        paint.put(g, 0, h - 1, w, foot);
        switch (mode) {
            case HELP -> help(g, w, h);
            case DIALOG -> dialog(g, w, h);
            default -> {
            }
        }
        screen.refresh();
    }

    private void help(TextGraphics g, int w, int h) {
        paint.box(g, w, h, List.of(
                Line.of("Keys", Tone.HEADER),
                Line.of("↑ ↓  j k          select the previous / next line"),
                Line.of("PgUp PgDn         a page up / down; Home End first / last"),
                Line.of("← →  h l          close / open a table (← on a detail: its table)"),
                Line.of("Enter             close or open the selected table; c all of them"),
                Line.of("Tab  s            show the revert or the adopt script"),
                Line.of("J K  Shift+↑ ↓    scroll the script; Space / b a page"),
                Line.of("w                 write the adopt script as a migration, marked applied"),
                Line.of("q  Esc            back"),
                Line.empty(),
                Line.of("Any key closes this help.", Tone.DIM)));
    }

    private void dialog(TextGraphics g, int w, int h) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of("Adopt the drift as a migration", Tone.HEADER));
        lines.add(Line.of("Writes the adopt script (" + model.report().drift().size() + " difference(s)) to a new migration folder", Tone.DIM));
        lines.add(Line.of("and marks it applied: the database already has these changes.", Tone.DIM));
        lines.add(Line.empty());
        switch (dialog.step()) {
            case TEXT -> {
                lines.add(Line.of("Migration name (letters, digits, _):"));
                lines.add(dialog.inputLine());
                lines.add(Line.empty());
                lines.add(Line.of("Enter continues · Esc cancels", Tone.DIM));
            }
            case CONFIRM -> {
                lines.add(new Line.Builder().add("Write " + folder + " and mark it applied? ").add("[y/N]", Tone.BOLD).build());
                lines.add(Line.empty());
                lines.add(Line.of("y writes · any other key (Enter, n, Esc) cancels", Tone.DIM));
            }
            case TYPE_NAME -> {
                lines.add(Line.of("Folder: " + folder));
                lines.add(Line.of("This is a production database. Type its name, " + options.databaseName() + ", to confirm:", Tone.ERROR));
                lines.add(dialog.inputLine());
                lines.add(Line.empty());
                lines.add(Line.of("Enter writes if the name matches · Esc cancels", Tone.DIM));
            }
        }
        paint.box(g, w, h, lines);
    }
}
