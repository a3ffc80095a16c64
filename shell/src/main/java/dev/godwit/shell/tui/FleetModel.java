package dev.godwit.shell.tui;

import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.fleet.FleetGrid;
import dev.godwit.engine.fleet.FleetTarget;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.StatusReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the fleet screen shows: targets × migrations, each cell the migration's state on that target, a drift mark per
 * target once drift was checked, and the selection, the migration column and the filters (name text and state).
 */
public final class FleetModel implements ScreenFrame.Selection {

    /** Which targets the grid lists. */
    enum Filter {
        ALL("all targets"), ATTENTION("not up to date"), FAILED("failed"), DRIFTED("drifted");

        private final String label;

        Filter(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        Filter next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    /** Where one target stands, as the grid's state column says it. */
    enum RowState {
        UP_TO_DATE("up to date", Tone.OK), PENDING("pending", Tone.PENDING), FAILED("failed", Tone.FAILED),
        UNREADABLE("unreadable", Tone.ERROR);

        final String label;
        final Tone tone;

        RowState(String label, Tone tone) {
            this.label = label;
            this.tone = tone;
        }
    }

    /** Lines of a failed attempt's logs in the detail. */
    private static final int LOG_LINES = 4;

    private final List<String> migrations;
    private final List<FleetTarget> targets = new ArrayList<>();
    private final Map<String, FleetGrid.Row> rows = new HashMap<>();
    /** Drift per target once checked: the report, or null for a target that could not be checked (see driftErrors). */
    private final Map<String, DriftReport> drift = new HashMap<>();
    private final Map<String, String> driftErrors = new HashMap<>();
    private List<FleetTarget> visible = List.of();
    private Filter filter = Filter.ALL;
    private String text = "";
    private int selected;
    private int column;
    private int detailScroll;

    public FleetModel(List<LocalMigration> migrations, List<FleetGrid.Row> rows) {
        this.migrations = migrations.stream().map(LocalMigration::name).toList();
        rows.forEach(r -> targets.add(r.target()));
        replace(rows);
    }

    // ---- data ----

    /** New status for some targets (all of them, or the one just retried). */
    void replace(List<FleetGrid.Row> fresh) {
        fresh.forEach(r -> rows.put(r.target().name(), r));
        refilter();
    }

    void drift(String target, DriftReport report, String error) {
        if (report != null) {
            drift.put(target, report);
            driftErrors.remove(target);
        } else {
            drift.remove(target);
            driftErrors.put(target, error);
        }
        refilter();
    }

    boolean driftChecked() {
        return !drift.isEmpty() || !driftErrors.isEmpty();
    }

    List<String> migrations() {
        return migrations;
    }

    List<FleetTarget> targets() {
        return List.copyOf(targets);
    }

    int targetCount() {
        return targets.size();
    }

    // ---- what a row and a cell show ----

    FleetGrid.Row row(FleetTarget t) {
        return rows.get(t.name());
    }

    RowState state(FleetTarget t) {
        FleetGrid.Row r = rows.get(t.name());
        if (r == null || r.report() == null) {
            return RowState.UNREADABLE;
        }
        StatusReport s = r.report();
        return !s.failed().isEmpty() ? RowState.FAILED : s.upToDate() ? RowState.UP_TO_DATE : RowState.PENDING;
    }

    /** The migration's state on the target; empty when the target could not be read. */
    Optional<MigrationState> cell(FleetTarget t, int migration) {
        FleetGrid.Row r = rows.get(t.name());
        if (r == null || r.report() == null) {
            return Optional.empty();
        }
        String name = migrations.get(migration);
        return r.report().migrations().stream().filter(m -> m.name().equals(name)).findFirst().map(MigrationStatus::state);
    }

    static String glyph(MigrationState s) {
        return switch (s) {
            case APPLIED -> "●";
            case PENDING, ROLLED_BACK -> "·";
            case FAILED -> "✗";
            case RUNNING -> "▶";
            case EDITED -> "~";
            case OUT_OF_ORDER -> "↓";
            case MISSING_LOCALLY -> "?";
        };
    }

    static Tone tone(MigrationState s) {
        return switch (s) {
            case APPLIED -> Tone.APPLIED;
            case PENDING, ROLLED_BACK -> Tone.PENDING;
            case FAILED, RUNNING -> Tone.FAILED;
            case EDITED -> Tone.EDITED;
            case OUT_OF_ORDER -> Tone.OUT_OF_ORDER;
            case MISSING_LOCALLY -> Tone.MISSING;
        };
    }

    /** "drifted", "none" or "" (not checked), with its tone. */
    Line.Span driftMark(FleetTarget t) {
        if (driftErrors.containsKey(t.name())) {
            return new Line.Span("?", Tone.ERROR);
        }
        DriftReport r = drift.get(t.name());
        if (r == null) {
            return new Line.Span("", Tone.DIM);
        }
        return r.hasDrift() ? new Line.Span("drifted", Tone.EDITED) : new Line.Span("none", Tone.OK);
    }

    /** The detail of the selected target: where it is, its counts, drift, and the selected migration there. */
    List<Line> detail() {
        Optional<FleetTarget> sel = selected();
        if (sel.isEmpty()) {
            return List.of(Line.of("No target matches the filter (" + describeFilter() + ").", Tone.DIM));
        }
        FleetTarget t = sel.get();
        FleetGrid.Row r = rows.get(t.name());
        List<Line> out = new ArrayList<>();
        out.add(new Line.Builder().add(t.name(), Tone.BOLD).add("  " + t.url().display(), Tone.DIM).build());
        if (r == null || r.report() == null) {
            out.add(Line.of("could not be read: " + (r == null ? "not read yet" : r.error()), Tone.ERROR));
            return out;
        }
        StatusReport s = r.report();
        long applied = s.migrations().stream().filter(MigrationStatus::isApplied).count();
        out.add(Line.of(applied + " applied, " + s.pending().size() + " pending, " + s.failed().size() + " failed"
                + (s.historyTableExists() ? "" : " (no _prisma_migrations table yet)")));
        DriftReport d = drift.get(t.name());
        if (d != null) {
            out.add(Line.of("drift: " + d.summary(), d.hasDrift() ? Tone.EDITED : Tone.OK));
        } else if (driftErrors.containsKey(t.name())) {
            out.add(Line.of("drift could not be checked: " + driftErrors.get(t.name()), Tone.ERROR));
        }
        if (!migrations.isEmpty()) {
            String name = migrations.get(column);
            Optional<MigrationStatus> m = s.migrations().stream().filter(x -> x.name().equals(name)).findFirst();
            out.add(Line.empty());
            out.add(new Line.Builder().add(name, Tone.BOLD).add("  ")
                    .add(m.map(x -> x.state().label()).orElse("not in the history"), m.map(x -> tone(x.state())).orElse(Tone.DIM)).build());
            m.flatMap(MigrationStatus::failedAttempt).ifPresent(a -> {
                String logs = a.logs() == null ? "" : a.logs().strip();
                if (logs.isEmpty()) {
                    out.add(Line.of("stopped without a word (killed, or the connection was lost)", Tone.ERROR));
                }
                // the head of the logs: where it stopped and the database's message (the timeline shows them whole)
                logs.lines().filter(l -> !l.isBlank()).limit(LOG_LINES).forEach(l -> out.add(Line.of(l, Tone.ERROR)));
            });
        }
        return out;
    }

    // ---- filter and selection ----

    Filter filter() {
        return filter;
    }

    void cycleFilter() {
        filter = filter.next();
        refilter();
    }

    String text() {
        return text;
    }

    void text(String t) {
        text = t == null ? "" : t;
        refilter();
    }

    String describeFilter() {
        return filter.label() + (text.isEmpty() ? "" : ", name contains \"" + text + "\"");
    }

    private void refilter() {
        String current = selected().map(FleetTarget::name).orElse(null);
        String needle = text.toLowerCase(Locale.ROOT);
        visible = targets.stream().filter(t -> t.name().toLowerCase(Locale.ROOT).contains(needle)).filter(this::passes).toList();
        selected = 0;
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).name().equals(current)) {
                selected = i;
            }
        }
    }

    private boolean passes(FleetTarget t) {
        return switch (filter) {
            case ALL -> true;
            case ATTENTION -> state(t) != RowState.UP_TO_DATE || driftMark(t).tone() == Tone.EDITED;
            case FAILED -> state(t) == RowState.FAILED || state(t) == RowState.UNREADABLE;
            case DRIFTED -> driftMark(t).tone() == Tone.EDITED;
        };
    }

    List<FleetTarget> visible() {
        return visible;
    }

    Optional<FleetTarget> selected() {
        return visible.isEmpty() ? Optional.empty() : Optional.of(visible.get(Math.min(selected, visible.size() - 1)));
    }

    int selectedIndex() {
        return selected;
    }

    public void moveBy(int delta) {
        if (!visible.isEmpty()) {
            selected = Math.max(0, Math.min(visible.size() - 1, selected + delta));
            detailScroll = 0;
        }
    }

    public void home() {
        selected = 0;
        detailScroll = 0;
    }

    public void end() {
        selected = Math.max(0, visible.size() - 1);
        detailScroll = 0;
    }

    int column() {
        return column;
    }

    void columnBy(int delta) {
        if (!migrations.isEmpty()) {
            column = Math.max(0, Math.min(migrations.size() - 1, column + delta));
        }
    }

    /** The first row of a list {@code height} rows high that keeps the selection in view. */
    int top(int height) {
        return Math.max(0, Math.min(selected - height / 2, visible.size() - height));
    }

    /** The first migration column of {@code width} columns that keeps the selected one in view. */
    int left(int width) {
        return Math.max(0, Math.min(column - width / 2, migrations.size() - width));
    }

    int detailScroll() {
        return detailScroll;
    }

    void scrollDetail(int delta, int lines, int height) {
        detailScroll = Math.max(0, Math.min(Math.max(0, lines - height), detailScroll + delta));
    }
}
