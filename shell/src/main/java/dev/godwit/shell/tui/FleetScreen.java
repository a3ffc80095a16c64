package dev.godwit.shell.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.fleet.FleetDrift;
import dev.godwit.engine.fleet.FleetGrid;
import dev.godwit.engine.fleet.FleetTarget;
import dev.godwit.engine.fleet.TargetOutcome;
import dev.godwit.engine.migrate.MigrationState;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fleet at a glance: targets × migrations as a grid of states (● applied, · pending, ✗ failed), a drift column
 * once {@code d} checked it, filters by name ({@code /}) and by state ({@code f}), Enter for the selected target's
 * timeline, and {@code r} to apply on that one target again after a confirmation. Opened by
 * {@code timeline --fleet NAME}.
 */
public final class FleetScreen implements ScreenFrame.View, ScreenFrame.Pane {
    public static final int MIN_COLUMNS = 80;
    public static final int MIN_ROWS = 24;
    /** Columns of the target names at most; longer names are cut in the grid (the detail shows them whole). */
    private static final int NAME_WIDTH = 24;

    /** What the screen can ask of the fleet. */
    public interface Actions {
        /** Every target's status, read again. */
        List<FleetGrid.Row> reload();

        /** One target's status, read again. */
        FleetGrid.Row reload(FleetTarget target);

        /** Applies the pending migrations on one target. */
        TargetOutcome apply(FleetTarget target);

        /** Drift of every target (slow: one replay per distinct history). */
        List<FleetDrift.Result> drift();

        /** Shows the target's timeline on this screen until the user leaves it. */
        void timeline(FleetTarget target, Screen screen) throws IOException;

        /** Whether the target is a production database (its name is then typed to confirm). */
        boolean production(FleetTarget target);
    }

    private enum Mode { GRID, FILTER, HELP, DIALOG }

    private final Screen screen;
    private final FleetModel model;
    private final Actions actions;
    private final String fleet;
    private final Paint paint;
    private final ScreenFrame frame = new ScreenFrame();
    private final StringBuilder input = new StringBuilder();
    private Mode mode = Mode.GRID;
    private ConfirmDialog dialog;
    private FleetTarget retrying;
    private int rowsDrawn;

    public FleetScreen(Screen screen, FleetModel model, Actions actions, String fleet, boolean color) {
        this.screen = screen;
        this.model = model;
        this.actions = actions;
        this.fleet = fleet;
        this.paint = new Paint(color);
    }

    /** Opens the screen on the shell's JLine terminal and returns when the user leaves it. */
    public static void open(org.jline.terminal.Terminal jline, FleetModel model, Actions actions, String fleet, boolean color) throws IOException {
        TimelineScreen.onJLine(jline, screen -> new FleetScreen(screen, model, actions, fleet, color).run());
    }

    FleetModel model() {
        return model;
    }

    int rowsDrawn() {
        return rowsDrawn;
    }

    public void run() throws IOException {
        ScreenFrame.run(screen, this);
    }

    public boolean processPending() throws IOException {
        return ScreenFrame.processPending(screen, this);
    }

    @Override
    public boolean isDone() {
        return frame.isDone();
    }

    // ---- keys ----

    @Override
    public void handle(KeyStroke k) {
        if (k.getKeyType() == com.googlecode.lanterna.input.KeyType.EOF) {
            frame.finish();
            return;
        }
        frame.clearMessage();
        switch (mode) {
            case GRID -> grid(k);
            case FILTER -> filterKey(k);
            case HELP -> mode = Mode.GRID;
            case DIALOG -> frame.answer(dialog.key(k), dialog, dialog.databaseName(), () -> mode = Mode.GRID, this::retry,
                    "Nothing applied.", "Nothing applied");
        }
    }

    private void grid(KeyStroke k) {
        if (frame.navigate(k, this)) {
            return;
        }
        switch (k.getKeyType()) {
            case ArrowLeft -> model.columnBy(-1);
            case ArrowRight -> model.columnBy(1);
            case Enter -> timeline();
            case Escape -> frame.finish();
            case Character -> {
                switch (k.getCharacter()) {
                    case 'h' -> model.columnBy(-1);
                    case 'l' -> model.columnBy(1);
                    case '/' -> {
                        input.setLength(0);
                        input.append(model.text());
                        mode = Mode.FILTER;
                    }
                    case 'f' -> {
                        model.cycleFilter();
                        frame.say("Showing " + model.describeFilter() + ": " + model.visible().size() + " of " + model.targetCount()
                                + " targets.", Tone.DIM);
                    }
                    case 'r' -> startRetry();
                    case 'd' -> checkDrift();
                    case 'g' -> {
                        model.replace(actions.reload());
                        frame.say("Read every target again.", Tone.DIM);
                    }
                    case '?' -> mode = Mode.HELP;
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
    }

    private void filterKey(KeyStroke k) {
        switch (k.getKeyType()) {
            case Character -> {
                if (k.isCtrlDown()) {
                    mode = Mode.GRID;
                    return;
                }
                input.append(k.getCharacter());
                model.text(input.toString());
            }
            case Backspace -> {
                if (input.length() > 0) {
                    input.setLength(input.length() - 1);
                    model.text(input.toString());
                }
            }
            case Escape -> {
                input.setLength(0);
                model.text("");
                mode = Mode.GRID;
            }
            case Enter -> mode = Mode.GRID;
            default -> {
            }
        }
    }

    private void timeline() {
        Optional<FleetTarget> t = model.selected();
        if (t.isEmpty()) {
            return;
        }
        try {
            actions.timeline(t.get(), screen);
            model.replace(List.of(actions.reload(t.get())));
            screen.clear();
        } catch (GodwitException e) {
            frame.say(e.getMessage(), Tone.ERROR);
        } catch (IOException | RuntimeException e) {
            frame.say("cannot open the timeline of " + t.get().name() + ": " + e, Tone.ERROR);
        }
    }

    private void startRetry() {
        Optional<FleetTarget> t = model.selected();
        if (t.isEmpty()) {
            return;
        }
        if (model.state(t.get()) == FleetModel.RowState.UP_TO_DATE) {
            frame.say(t.get().name() + " is up to date: nothing to apply.", Tone.DIM);
            return;
        }
        retrying = t.get();
        dialog = ConfirmDialog.question(actions.production(retrying), retrying.name());
        mode = Mode.DIALOG;
    }

    private void retry() {
        FleetTarget t = retrying;
        frame.say("Applying on " + t.name() + "…", Tone.DIM);
        drawQuietly();
        try {
            TargetOutcome o = actions.apply(t);
            model.replace(List.of(actions.reload(t)));
            if (o.state() == TargetOutcome.State.FAILED) {
                frame.say(t.name() + ": " + o.error(), Tone.ERROR);
            } else {
                frame.say(t.name() + ": " + (o.applied().isEmpty() ? "up to date, nothing applied" : "applied " + o.applied().size()
                        + " migration(s)") + ".", Tone.OK);
            }
        } catch (GodwitException e) {
            frame.say(e.getMessage(), Tone.ERROR);
        } catch (RuntimeException e) {
            frame.say("cannot apply on " + t.name() + ": " + e, Tone.ERROR);
        }
    }

    private void checkDrift() {
        frame.say("Checking drift of " + model.targetCount() + " targets (each distinct history is replayed once)…", Tone.DIM);
        drawQuietly();
        try {
            List<FleetDrift.Result> results = actions.drift();
            long drifted = 0;
            for (FleetDrift.Result r : results) {
                model.drift(r.outcome().target(), r.report(), r.report() == null ? r.outcome().error() : null);
                drifted += r.report() != null && r.report().hasDrift() ? 1 : 0;
            }
            frame.say("Drift checked: " + drifted + " of " + results.size() + " targets drifted.", drifted > 0 ? Tone.EDITED : Tone.OK);
        } catch (GodwitException e) {
            frame.say(e.getMessage(), Tone.ERROR);
        } catch (RuntimeException e) {
            frame.say("cannot check drift: " + e, Tone.ERROR);
        }
    }

    private void drawQuietly() {
        try {
            draw();
        } catch (IOException ignored) {
            // the next draw reports it
        }
    }

    @Override
    public ScreenFrame.Selection selection() {
        return model;
    }

    @Override
    public void scrollDetail(int delta) {
        model.scrollDetail(delta, model.detail().size(), frame.detailHeight());
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
            paint.tooSmall(g, w, h, "fleet screen", MIN_COLUMNS, MIN_ROWS);
            screen.refresh();
            return;
        }
        List<Line> header = ScreenFrame.header(w, 7, new Line.Builder().add(" Fleet ", Tone.HEADER).add(fleet, Tone.BOLD)
                .add("  " + model.targetCount() + " targets × " + model.migrations().size() + " migrations  ")
                .add(counts(), Tone.DIM).build());
        header.add(Line.of(" showing " + model.describeFilter() + ": " + model.visible().size() + " targets   "
                + "● applied · pending ✗ failed ~ edited", Tone.DIM));
        int head = header.size();
        for (int i = 0; i < head; i++) {
            paint.put(g, 0, i, w, header.get(i));
        }
        // the column header takes one row of the list's share
        frame.layout(h, head + 1, 3, model.visible().size(), 1);
        int listHeight = frame.listHeight();
        int nameWidth = Math.min(NAME_WIDTH, Math.max(6, model.visible().stream().mapToInt(t -> t.name().length()).max().orElse(6)));
        int gridX = 2 + nameWidth + 1 + 11 + 8;
        int cells = Math.max(1, (w - gridX - 1) / 2);
        int left = model.left(cells);
        paint.put(g, 0, head, w, columnHeader(nameWidth, gridX, cells, left));

        int top = model.top(listHeight);
        rowsDrawn = 0;
        for (int i = 0; i < listHeight; i++) {
            int index = top + i;
            if (index >= model.visible().size()) {
                if (i == 0) {
                    paint.put(g, 2, head + 1, w - 2, Line.of("No target matches the filter (" + model.describeFilter() + ").", Tone.DIM));
                }
                continue;
            }
            Line row = rowLine(model.visible().get(index), nameWidth, cells, left);
            rowsDrawn++;
            if (index == model.selectedIndex()) {
                paint.selectedRow(g, head + 1 + i, w, 2, row);
            } else {
                paint.put(g, 2, head + 1 + i, w - 2, row);
            }
        }
        int sepRow = head + 1 + listHeight;
        List<Line> detail = new ArrayList<>();
        model.detail().forEach(l -> detail.addAll(l.wrap(w - 2, 2)));
        int from = Math.min(model.detailScroll(), Math.max(0, detail.size() - 1));
        String where = model.visible().isEmpty() ? "0/0" : (model.selectedIndex() + 1) + "/" + model.visible().size();
        paint.put(g, 0, sepRow, w, ScreenFrame.separator(w, where, from, detail.size(), frame.detailHeight()));
        for (int i = 0; i < frame.detailHeight() && from + i < detail.size(); i++) {
            paint.put(g, 1, sepRow + 1 + i, w - 1, detail.get(from + i));
        }
        Line foot = mode == Mode.FILTER ? new Line.Builder().add("/", Tone.HEADER).add(input + "█").add("   Enter keeps · Esc clears", Tone.DIM).build()
                : frame.message() != null ? Line.of(frame.message(), frame.messageTone())
                : Line.of("↑↓ ←→  / name  f state  Enter timeline  r apply  d drift  ? keys  q back", Tone.DIM);
        paint.put(g, 0, h - 1, w, foot);
        if (mode == Mode.HELP) {
            help(g, w, h);
        } else if (mode == Mode.DIALOG) {
            dialog(g, w, h);
        }
        screen.refresh();
    }

    private String counts() {
        int up = 0;
        int pending = 0;
        int failed = 0;
        for (FleetTarget t : model.targets()) { // the whole fleet, whatever the filter shows
            switch (model.state(t)) {
                case UP_TO_DATE -> up++;
                case PENDING -> pending++;
                default -> failed++;
            }
        }
        return up + " up to date, " + pending + " pending, " + failed + " failed or unreadable";
    }

    /** " target      state        drift   12345…" with the selected migration's column marked ▼. */
    private Line columnHeader(int nameWidth, int gridX, int cells, int left) {
        StringBuilder sb = new StringBuilder("  ").append(pad("target", nameWidth)).append(' ').append(pad("state", 11)).append(pad("drift", 8));
        for (int c = 0; c < cells && left + c < model.migrations().size(); c++) {
            int n = left + c + 1;
            sb.append(left + c == model.column() ? "▼" : String.valueOf(n % 10)).append(' ');
        }
        return Line.of(sb.toString(), Tone.DIM);
    }

    private Line rowLine(FleetTarget t, int nameWidth, int cells, int left) {
        FleetModel.RowState s = model.state(t);
        FleetGrid.Row r = model.row(t);
        String label = s == FleetModel.RowState.PENDING && r != null && r.report() != null
                ? "pending " + r.report().pending().size() : s.label;
        Line.Span drift = model.driftMark(t);
        Line.Builder b = new Line.Builder().add(pad(cut(t.name(), nameWidth), nameWidth) + " ").add(pad(label, 11), s.tone)
                .add(pad(drift.text(), 8), drift.tone());
        for (int c = 0; c < cells && left + c < model.migrations().size(); c++) {
            Optional<MigrationState> m = model.cell(t, left + c);
            b.add(m.map(FleetModel::glyph).orElse(" "), m.map(FleetModel::tone).orElse(Tone.DIM)).add(" ");
        }
        return b.build();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private void help(TextGraphics g, int w, int h) {
        paint.box(g, w, h, List.of(
                Line.of("Keys", Tone.HEADER),
                Line.of("↑ ↓  j k          select the previous / next target"),
                Line.of("← →  h l          select the previous / next migration (▼)"),
                Line.of("PgUp PgDn         a page up / down; Home End first / last"),
                Line.of("/                 filter targets by name; f cycles: all, not up to date, failed, drifted"),
                Line.of("Enter             the selected target's timeline (q there comes back)"),
                Line.of("r                 apply the pending migrations on the selected target, after a confirmation"),
                Line.of("d                 check every target's drift; g read every target again"),
                Line.of("J K  Space b      scroll the detail"),
                Line.of("q  Esc            back"),
                Line.empty(),
                Line.of("Any key closes this help.", Tone.DIM)));
    }

    private void dialog(TextGraphics g, int w, int h) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of("Apply on " + retrying.name(), Tone.HEADER));
        FleetGrid.Row r = model.row(retrying);
        int pending = r == null || r.report() == null ? 0 : r.report().pending().size();
        lines.add(Line.of("Applies its " + pending + " pending migration(s), as `apply --fleet` would on this target alone.", Tone.DIM));
        lines.add(Line.empty());
        switch (dialog.step()) {
            case TEXT -> {
            }
            case CONFIRM -> {
                lines.add(new Line.Builder().add("Apply on " + retrying.name() + "? ").add("[y/N]", Tone.BOLD).build());
                lines.add(Line.empty());
                lines.add(Line.of("y applies · any other key (Enter, n, Esc) cancels", Tone.DIM));
            }
            case TYPE_NAME -> {
                lines.add(Line.of("This is a production database. Type the target's name, " + retrying.name() + ", to confirm:", Tone.ERROR));
                lines.add(dialog.inputLine());
                lines.add(Line.empty());
                lines.add(Line.of("Enter applies if the name matches · Esc cancels", Tone.DIM));
            }
        }
        paint.box(g, w, h, lines);
    }
}
