package dev.godwit.shell.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.shell.session.Session;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration timeline: a full-screen view of every migration, oldest first, with
 * a detail pane for the selected one (attempts, logs, the failing statement in its SQL)
 * and resolve actions for failed migrations. It draws on any Lanterna {@link Screen};
 * {@link #open(Session, org.jline.terminal.Terminal)} runs it on the shell's terminal.
 */
public final class TimelineScreen implements ScreenFrame.View, ScreenFrame.Pane {
    public static final int MIN_COLUMNS = 80;
    public static final int MIN_ROWS = 24;

    /** What the screen can ask of the database. */
    public interface Actions {
        StatusReport reload();

        void resolveRolledBack(String name, String reason);

        void resolveApplied(String name, String reason);

        /** The drift report's actions on the same database, or null where there is no drift report (d says so). */
        default DriftScreen.Actions drift() {
            return null;
        }

        /** Retry, finish and undo of a failed migration, or null where they are not offered. */
        default TimelineRecovery.Actions recovery() {
            return null;
        }
    }

    /** How to draw and how careful to be: colours, and whether resolving needs the database name typed. */
    public record Options(boolean color, boolean production, String databaseName) {
    }

    private enum Mode { LIST, FILTER, HELP, DIALOG, RECOVERY }

    private final Screen screen;
    private final Paint paint;
    private final TimelineModel model;
    private final Actions actions;
    private final Options options;
    private final ScreenFrame frame = new ScreenFrame();
    private Mode mode = Mode.LIST;
    private final StringBuilder input = new StringBuilder();
    private String target;
    private boolean asApplied;
    private ConfirmDialog dialog;
    private TimelineRecovery recovery;
    private int rowsDrawn;
    private DriftScreen drift;

    public TimelineScreen(Screen screen, TimelineModel model, Actions actions, Options options) {
        this.paint = new Paint(options.color());
        this.screen = screen;
        this.model = model;
        this.actions = actions;
        this.options = options;
    }

    /**
     * Opens the timeline on the shell's JLine terminal and returns when the user leaves it.
     * Call it only between two {@code readLine} calls. The history is read before the screen
     * opens, so connection errors are reported as for any command. Echo, canonical mode and
     * the normal screen are restored afterwards, also when something fails.
     */
    public static void open(Session session, org.jline.terminal.Terminal jline) throws IOException {
        SessionActions actions = new SessionActions(session);
        StatusReport first = actions.reload();
        onJLine(jline, screen -> create(session, screen, actions, first).run());
    }

    /** Something drawn on a Lanterna screen. */
    public interface ScreenBody {
        void run(Screen screen) throws IOException;
    }

    /**
     * Runs {@code body} on a Lanterna screen over the JLine terminal, then leaves the alternate
     * screen and restores the terminal (echo, canonical mode, cursor, window-size handler),
     * whatever happens in the body.
     */
    public static void onJLine(org.jline.terminal.Terminal jline, ScreenBody body) throws IOException {
        org.jline.utils.Status status = org.jline.utils.Status.getStatus(jline, false);
        if (status != null) {
            status.suspend(); // a shell status bar keeps a scroll region that would cut the screen
        }
        try {
            onScreen(jline, body);
        } finally {
            if (status != null) {
                status.restore();
            }
        }
    }

    private static void onScreen(org.jline.terminal.Terminal jline, ScreenBody body) throws IOException {
        JLineBackedTerminal terminal = new JLineBackedTerminal(jline);
        try {
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            try {
                screen.setCursorPosition(null);
                body.run(screen);
            } finally {
                screen.stopScreen();
            }
        } finally {
            terminal.close();
        }
    }

    /** The timeline of a session's project and database, on any screen (tests use a virtual terminal). */
    public static TimelineScreen create(Session session, Screen screen) {
        SessionActions actions = new SessionActions(session);
        return create(session, screen, actions, actions.reload());
    }

    private static TimelineScreen create(Session session, Screen screen, SessionActions actions, StatusReport first) {
        Options options = SessionActions.options(session);
        TimelineModel model = new TimelineModel(first, actions.provider(), ZoneId.systemDefault());
        model.nextProblem(1, true); // the screen opens where there is something to do, not on the oldest row
        return new TimelineScreen(screen, model, actions, options);
    }

    /** Draws, then handles keys and resizes until the user leaves. */
    public void run() throws IOException {
        ScreenFrame.run(screen, this);
    }

    /** Handles every key already typed and any resize, then redraws once. False when there was nothing to do. */
    public boolean processPending() throws IOException {
        return ScreenFrame.processPending(screen, this);
    }

    /** How many migration rows the last frame formatted: only the visible ones. */
    int rowsDrawn() {
        return rowsDrawn;
    }

    @Override
    public boolean isDone() {
        return frame.isDone();
    }

    /** The drift report opened with d, while it is open. */
    DriftScreen driftScreen() {
        return drift;
    }

    private void openDrift() {
        DriftScreen.Actions driftActions = actions.drift();
        if (driftActions == null) {
            say("The drift report is not available here.", Tone.ERROR);
            return;
        }
        say("Replaying the applied migrations into a shadow database to compare…", Tone.DIM);
        try {
            draw();
            DriftModel driftModel = new DriftModel(driftActions.check(), driftActions::script);
            frame.clearMessage();
            drift = new DriftScreen(screen, driftModel, driftActions, options);
        } catch (GodwitException e) {
            say("drift: " + e.getMessage(), Tone.ERROR);
        } catch (IOException | RuntimeException e) {
            say("cannot check drift: " + e, Tone.ERROR);
        }
    }

    private void closeDrift() {
        drift = null;
        try {
            model.replace(actions.reload()); // an adopt adds a migration
        } catch (RuntimeException e) {
            say("cannot reload the history: " + e.getMessage(), Tone.ERROR);
        }
    }

    // ---- keys ----

    /** A key: for the drift report while it is open over the timeline, else the timeline's. */
    @Override
    public void handle(KeyStroke k) {
        if (drift != null) {
            drift.handle(k);
            if (drift.isDone()) {
                closeDrift();
            }
            return;
        }
        if (k.getKeyType() == KeyType.EOF) {
            frame.finish();
            return;
        }
        frame.clearMessage();
        switch (mode) {
            case LIST -> list(k);
            case FILTER -> filter(k);
            case HELP -> mode = Mode.LIST;
            case DIALOG -> dialogKey(k);
            case RECOVERY -> recoveryKey(k);
        }
    }

    private void list(KeyStroke k) {
        if (frame.navigate(k, this)) {
            return;
        }
        switch (k.getKeyType()) {
            case Enter -> model.toggleExpanded();
            case Escape -> {
                if (!model.filter().isEmpty()) {
                    model.setFilter("");
                } else {
                    frame.finish();
                }
            }
            case Character -> {
                char c = k.getCharacter();
                switch (c) {
                    case '/' -> {
                        mode = Mode.FILTER;
                        input.setLength(0);
                        input.append(model.filter());
                    }
                    case '?' -> mode = Mode.HELP;
                    case 'r' -> startResolve(false);
                    case 'a' -> startResolve(true);
                    case 'd' -> openDrift();
                    case 'n' -> problem(1);
                    case 'N' -> problem(-1);
                    case 't', 'f', 'u' -> startRecovery(TimelineRecovery.Kind.of(c));
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
        model.scrollDetail(delta, model.detail(screenWidth()).size(), frame.detailHeight());
    }

    private void filter(KeyStroke k) {
        switch (k.getKeyType()) {
            case Character -> {
                input.append(k.getCharacter());
                model.setFilter(input.toString());
            }
            case Backspace -> {
                if (input.length() > 0) {
                    input.setLength(input.length() - 1);
                    model.setFilter(input.toString());
                }
            }
            case Enter -> mode = Mode.LIST;
            case Escape -> {
                model.setFilter("");
                mode = Mode.LIST;
            }
            case ArrowUp -> model.moveBy(-1);
            case ArrowDown -> model.moveBy(1);
            default -> {
            }
        }
    }

    private void startResolve(boolean applied) {
        MigrationStatus m = model.selected().orElse(null);
        if (m == null) {
            return;
        }
        boolean failed = m.failedAttempt().isPresent() && !m.isApplied();
        if (!failed) {
            say((applied ? "a" : "r") + " resolves a failed migration; " + m.name() + " is " + m.state().label() + ".", Tone.ERROR);
            return;
        }
        if (applied && m.local().isEmpty()) {
            say(m.name() + " has no folder here: it cannot be marked applied (r marks it rolled back).", Tone.ERROR);
            return;
        }
        target = m.name();
        asApplied = applied;
        dialog = new ConfirmDialog(options.production(), options.databaseName(), 200, anyReason -> null);
        mode = Mode.DIALOG;
    }

    private void dialogKey(KeyStroke k) {
        frame.answer(dialog.key(k), dialog, options.databaseName(), () -> mode = Mode.LIST, this::resolve,
                "Not resolved: nothing changed.", "Not resolved");
    }

    private void resolve() {
        try {
            if (asApplied) {
                actions.resolveApplied(target, dialog.text());
                say("Marked " + target + " as applied.", Tone.OK);
            } else {
                actions.resolveRolledBack(target, dialog.text());
                say("Marked " + target + " as rolled back; the next apply runs it again.", Tone.OK);
            }
        } catch (GodwitException e) {
            say(e.getMessage(), Tone.ERROR);
        } catch (RuntimeException e) {
            say("cannot resolve " + target + ": " + e, Tone.ERROR);
        }
        reloadKeepingSelection();
    }

    private void problem(int direction) {
        if (!model.nextProblem(direction, false)) {
            say(model.filter().isEmpty() ? "No problem here: nothing failed, edited, missing or out of order."
                    : "No problem among the migrations the filter shows.", Tone.DIM);
        }
    }

    private void startRecovery(TimelineRecovery.Kind kind) {
        MigrationStatus m = model.selected().orElse(null);
        if (m == null) {
            return;
        }
        if (m.failedAttempt().isEmpty() || m.isApplied()) {
            say(kind.key + " recovers a failed migration; " + m.name() + " is " + m.state().label() + ".", Tone.ERROR);
            return;
        }
        TimelineRecovery.Actions a = actions.recovery();
        if (a == null) {
            say("Recovery is not available here.", Tone.ERROR);
            return;
        }
        try {
            recovery = new TimelineRecovery(kind, m.name(), a.preview(kind, m.name()), options.production(), options.databaseName());
            mode = Mode.RECOVERY;
        } catch (RuntimeException e) {
            say("cannot plan the " + kind.name().toLowerCase() + " of " + m.name() + ": " + e.getMessage(), Tone.ERROR);
        }
    }

    private void recoveryKey(KeyStroke k) {
        if (recovery.refused()) {
            mode = Mode.LIST;
            say("Nothing changed.", Tone.DIM);
            return;
        }
        frame.answer(recovery.key(k), null, options.databaseName(), () -> mode = Mode.LIST, () -> {
            try {
                say(actions.recovery().run(recovery.kind(), recovery.migration(), recovery.reason()), Tone.OK);
            } catch (RuntimeException e) {
                say(e.getMessage(), Tone.ERROR);
            }
            reloadKeepingSelection();
        }, "Nothing changed.", "Nothing changed");
    }

    /** After a change: the history again, and a word when the filter had to go to keep the selection in view. */
    private void reloadKeepingSelection() {
        try {
            model.replace(actions.reload());
            String dropped = model.takeDroppedFilter();
            if (dropped != null) {
                say((frame.message() == null ? "" : frame.message() + "  ") + "(filter \"" + dropped + "\" cleared to keep it in view)",
                        frame.messageTone());
            }
        } catch (RuntimeException e) {
            say("cannot reload the history: " + e.getMessage(), Tone.ERROR);
        }
    }

    private void say(String text, Tone tone) {
        frame.say(text, tone);
    }

    // ---- drawing ----

    private int screenWidth() {
        return screen.getTerminalSize().getColumns();
    }

    @Override
    public void draw() throws IOException {
        if (drift != null) {
            drift.draw();
            return;
        }
        TerminalSize size = screen.getTerminalSize();
        int w = size.getColumns();
        int h = size.getRows();
        TextGraphics g = screen.newTextGraphics();
        paint.style(g, Tone.NORMAL, false);
        g.fill(' '); // not screen.clear(): that forces a full redraw, where only changed cells need sending
        if (w < MIN_COLUMNS || h < MIN_ROWS) {
            paint.tooSmall(g, w, h, "timeline", MIN_COLUMNS, MIN_ROWS);
            screen.refresh();
            return;
        }
        StatusReport r = model.report();
        Line.Builder title = new Line.Builder().add(" Timeline ", Tone.HEADER).add(r.database(), Tone.BOLD)
                .add(" (" + shortVersion(r.serverVersion()) + ")  ", Tone.DIM)
                .add(model.total() + (model.total() == 1 ? " migration " : " migrations "));
        Line.Builder full = new Line.Builder();
        Line.Builder compact = new Line.Builder();
        for (MigrationState state : MigrationState.values()) {
            long n = r.count(state);
            if (n > 0) {
                full.add(" " + TimelineModel.mark(state) + " " + n + " " + TimelineModel.shortLabel(state), TimelineModel.tone(state));
                compact.add(" " + TimelineModel.mark(state) + " " + n, TimelineModel.tone(state));
            }
        }
        Line head = title.build();
        Line counts = head.text().length() + full.build().text().length() <= w ? full.build() : compact.build();
        List<Line.Span> spans = new ArrayList<>(head.spans());
        spans.addAll(counts.spans());
        List<Line> header = ScreenFrame.header(w, 10, new Line(spans));
        header.add(Line.of(TimelineModel.heading(w), Tone.DIM));
        int top0 = header.size();
        frame.layout(h, top0, 2, model.size(), 0);
        int listHeight = frame.listHeight();
        int detailHeight = frame.detailHeight();
        for (int i = 0; i < top0; i++) {
            paint.put(g, 0, i, w, header.get(i));
        }

        int top = model.top(listHeight);
        rowsDrawn = 0;
        for (int i = 0; i < listHeight; i++) {
            int index = top + i;
            if (index >= model.size()) {
                if (i == 0) {
                    paint.put(g, 2, top0, w - 2, Line.of(model.total() == 0 ? "No migrations yet." : "No migration matches \"" + model.filter() + "\".", Tone.DIM));
                }
                continue;
            }
            boolean sel = index == model.selectedIndex();
            Line row = model.rowLine(model.row(index), w);
            rowsDrawn++;
            if (sel) {
                paint.selectedRow(g, top0 + i, w, 2, row);
            } else {
                paint.put(g, 2, top0 + i, w - 2, row);
            }
        }

        int sepRow = top0 + listHeight;
        String where = model.size() == 0 ? "0/0" : (model.selectedIndex() + 1) + "/" + model.size();
        if (!model.filter().isEmpty()) {
            where = "filter \"" + model.filter() + "\"  " + where + " of " + model.total();
        }
        List<Line> detail = model.detail(w - 1);
        int from = Math.min(model.detailScroll(w - 1, detailHeight), Math.max(0, detail.size() - 1));
        paint.put(g, 0, sepRow, w, ScreenFrame.separator(w, where, from, detail.size(), detailHeight));
        for (int i = 0; i < detailHeight && from + i < detail.size(); i++) {
            paint.put(g, 1, sepRow + 1 + i, w - 1, detail.get(from + i));
        }

        footer(g, w, h);
        switch (mode) {
            case HELP -> help(g, w, h);
            case DIALOG -> dialog(g, w, h);
            case RECOVERY -> paint.box(g, w, h, recovery.lines(Math.max(3, h - 14)));
            default -> {
            }
        }
        screen.refresh();
    }

    /** "PostgreSQL 15.20 (Debian …) on x86_64…" → "PostgreSQL 15.20". */
    static String shortVersion(String version) {
        if (version == null) {
            return "?";
        }
        String v = version;
        for (String cut : new String[] {" (", " on ", ","}) {
            int at = v.indexOf(cut);
            if (at > 0) {
                v = v.substring(0, at);
            }
        }
        return v;
    }

    private void footer(TextGraphics g, int w, int h) {
        Line line;
        if (mode == Mode.FILTER) {
            line = new Line.Builder().add("/", Tone.HEADER).add(input + "█").add("   name or state · Enter keeps · Esc clears", Tone.DIM).build();
        } else if (frame.message() != null) {
            line = Line.of(frame.message(), frame.messageTone());
        } else {
            // 80 columns at most, so the way out shows on the smallest screen; d drift and the rest are under ?
            line = Line.of("n/N problems  / filter  ⏎ attempts  r/a resolve  t/f/u recover  ? keys  q back", Tone.DIM);
        }
        paint.put(g, 0, h - 1, w, line);
    }

    private void help(TextGraphics g, int w, int h) {
        paint.box(g, w, h, TimelineBoxes.help());
    }

    private void dialog(TextGraphics g, int w, int h) {
        paint.box(g, w, h, TimelineBoxes.resolve(model.report(), target, asApplied, dialog, options.databaseName()));
    }
}
