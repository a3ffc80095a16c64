package dev.godwit.shell.tui;

import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.Provider;
import dev.godwit.shell.render.Durations;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the timeline shows, without drawing it: the rows (one per migration, oldest
 * first), the filter, the selection, which migrations have their attempts expanded,
 * and which rows fit in the window. Everything here is plain data, so it is tested
 * without a terminal.
 */
public final class TimelineModel implements ScreenFrame.Selection {
    private final Provider provider;
    private final ZoneId zone;
    private final DateTimeFormatter whenShort;
    private StatusReport report;
    private List<MigrationStatus> all;
    private int[] visible = new int[0];
    private String filter = "";
    private int selected;
    private int top;
    private int detailScroll;
    private boolean focusPending = true;
    private final Set<String> expanded = new HashSet<>();
    private TimelineDetail detailCache;
    private String filterDropped;

    public TimelineModel(StatusReport report, Provider provider, ZoneId zone) {
        this.provider = provider;
        this.zone = zone;
        this.whenShort = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        replace(report);
    }

    public StatusReport report() {
        return report;
    }

    /** A fresh report (after a resolve): keeps the filter, and the selection on the same migration when it is still there. */
    public void replace(StatusReport fresh) {
        String keep = selected().map(MigrationStatus::name).orElse(null);
        this.report = fresh;
        this.all = fresh.migrations();
        this.detailCache = null;
        applyFilter();
        if (keep != null && !select(keep) && !filter.isEmpty()) {
            // the migration just acted on no longer matches the filter (resolved under "failed"): rather than an
            // empty or unrelated list, show everything with the selection where it was
            filterDropped = filter;
            filter = "";
            applyFilter();
            select(keep);
        }
    }

    /** The filter that the last {@link #replace} dropped to keep the selection, once; null when none. */
    public String takeDroppedFilter() {
        String f = filterDropped;
        filterDropped = null;
        return f;
    }

    private boolean select(String name) {
        for (int i = 0; i < visible.length; i++) {
            if (all.get(visible[i]).name().equals(name)) {
                selected = i;
                return true;
            }
        }
        return false;
    }

    /** Something the user has to act on: failed, edited after apply, missing locally, out of order. */
    public static boolean isProblem(MigrationStatus m) {
        return (m.failedAttempt().isPresent() && !m.isApplied()) || switch (m.state()) {
            case FAILED, EDITED, MISSING_LOCALLY, OUT_OF_ORDER -> true;
            default -> false;
        };
    }

    /**
     * Moves the selection to the next (1) or previous (-1) problem among the visible rows, wrapping around;
     * {@code fromStart}: the first problem from the top. False when there is none.
     */
    public boolean nextProblem(int direction, boolean fromStart) {
        int n = visible.length;
        for (int step = fromStart ? 0 : 1; step <= n; step++) {
            int i = fromStart ? step : Math.floorMod(selected + direction * step, Math.max(n, 1));
            if (i < n && isProblem(all.get(visible[i]))) {
                if (i != selected) {
                    selected = i;
                    detailScroll = 0;
                    focusPending = true;
                }
                return true;
            }
        }
        return false;
    }

    /** How many visible rows are problems. */
    public int problems() {
        int count = 0;
        for (int v : visible) {
            if (isProblem(all.get(v))) {
                count++;
            }
        }
        return count;
    }

    // ---- filter ----

    public String filter() {
        return filter;
    }

    /** Rows whose name or state contains {@code text} (any case); empty shows all. */
    public void setFilter(String text) {
        String keep = selected().map(MigrationStatus::name).orElse(null);
        filter = text == null ? "" : text;
        applyFilter();
        selected = 0;
        if (keep != null) {
            for (int i = 0; i < visible.length; i++) {
                if (all.get(visible[i]).name().equals(keep)) {
                    selected = i;
                }
            }
        }
        top = Math.min(top, Math.max(0, visible.length - 1));
    }

    private void applyFilter() {
        String q = filter.strip().toLowerCase(Locale.ROOT);
        int[] v = new int[all.size()];
        int n = 0;
        for (int i = 0; i < all.size(); i++) {
            if (q.isEmpty() || matches(all.get(i), q)) {
                v[n++] = i;
            }
        }
        visible = java.util.Arrays.copyOf(v, n);
        selected = Math.max(0, Math.min(selected, n - 1));
        detailScroll = 0;
        focusPending = true;
    }

    private static boolean matches(MigrationStatus m, String q) {
        return m.name().toLowerCase(Locale.ROOT).contains(q)
                || m.state().label().contains(q)
                || m.state().name().toLowerCase(Locale.ROOT).contains(q);
    }

    // ---- rows and selection ----

    public int size() {
        return visible.length;
    }

    public int total() {
        return all.size();
    }

    public MigrationStatus row(int visibleIndex) {
        return all.get(visible[visibleIndex]);
    }

    public int selectedIndex() {
        return selected;
    }

    public Optional<MigrationStatus> selected() {
        return visible == null || visible.length == 0 ? Optional.empty() : Optional.of(row(selected));
    }

    public void moveBy(int delta) {
        if (visible.length == 0) {
            return;
        }
        int to = Math.max(0, Math.min(visible.length - 1, selected + delta));
        if (to != selected) {
            selected = to;
            detailScroll = 0;
            focusPending = true;
        }
    }

    public void home() {
        moveBy(-selected);
    }

    public void end() {
        moveBy(visible.length);
    }

    /** The first row to draw in a list {@code height} rows high, moved just enough to show the selection. */
    public int top(int height) {
        if (height <= 0) {
            return top;
        }
        if (selected < top) {
            top = selected;
        } else if (selected >= top + height) {
            top = selected - height + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, visible.length - height)));
        return top;
    }

    // ---- expanded attempts, detail ----

    public boolean isExpanded(String name) {
        return expanded.contains(name);
    }

    public void toggleExpanded() {
        selected().ifPresent(m -> {
            if (!expanded.remove(m.name())) {
                expanded.add(m.name());
            }
            detailScroll = 0;
            focusPending = false;
        });
    }

    public int detailScroll() {
        return detailScroll;
    }

    /**
     * The first detail line to show in a pane {@code height} lines high. When a migration has
     * just been selected and its failing statement would be below the pane, the pane starts a
     * little above that statement instead of at the top.
     */
    public int detailScroll(int width, int height) {
        if (focusPending) {
            focusPending = false;
            List<Line> lines = detail(width);
            int marked = selected().isPresent() && detailCache != null ? detailCache.markedLine() : -1;
            if (marked >= height) {
                detailScroll = Math.max(0, Math.min(marked - height / 3, lines.size() - height));
            }
        }
        return detailScroll;
    }

    public void scrollDetail(int delta, int detailLines, int height) {
        detailScroll = Math.max(0, Math.min(detailScroll + delta, Math.max(0, detailLines - height)));
    }

    /** The detail pane's lines for the selection, {@code width} columns wide (cached). */
    public List<Line> detail(int width) {
        Optional<MigrationStatus> m = selected();
        if (m.isEmpty()) {
            return List.of(Line.of(filter.isEmpty() ? "No migrations: the folder is empty and nothing is recorded."
                    : "No migration matches \"" + filter + "\".", Tone.DIM));
        }
        boolean open = isExpanded(m.get().name());
        if (detailCache == null || !detailCache.isFor(m.get(), open, width)) {
            detailCache = new TimelineDetail(m.get(), open, width, provider, zone, report.ledger(m.get()));
        }
        return detailCache.lines();
    }

    // ---- row text ----

    public static final int STATE_WIDTH = 12;
    public static final int WHEN_WIDTH = 16;
    public static final int DURATION_WIDTH = 10;
    public static final int ATTEMPTS_WIDTH = 3;

    /** Name column width for a screen {@code width} wide. */
    public static int nameWidth(int width) {
        return Math.max(10, width - 2 - 2 - STATE_WIDTH - 1 - WHEN_WIDTH - 1 - DURATION_WIDTH - 1 - ATTEMPTS_WIDTH - 1);
    }

    /** The column headings, aligned with {@link #rowLine}. */
    public static String heading(int width) {
        return "    " + fit("Migration", nameWidth(width)) + " " + fit("State", STATE_WIDTH) + " " + fit("When", WHEN_WIDTH) + " "
                + left("Took", DURATION_WIDTH) + " " + left("Att", ATTEMPTS_WIDTH);
    }

    /** One row: mark, name, state, when applied, how long it took, attempts. */
    public Line rowLine(MigrationStatus m, int width) {
        Optional<HistoryRecord> decisive = m.decisiveAttempt();
        String when = decisive.map(a -> a.finishedAt() != null ? a.finishedAt() : a.startedAt())
                .map(whenShort::format).orElse("");
        String took = decisive.map(HistoryRecord::duration).map(Durations::format).orElse("");
        String attempts = m.attempts().isEmpty() ? "" : String.valueOf(m.attempts().size());
        Tone tone = tone(m.state());
        return new Line.Builder()
                .add(mark(m.state()), tone)
                .add(" ")
                .add(fit(m.name(), nameWidth(width)) + " ")
                .add(fit(shortLabel(m.state()), STATE_WIDTH), tone)
                .add(" " + fit(when, WHEN_WIDTH) + " " + left(took, DURATION_WIDTH) + " " + left(attempts, ATTEMPTS_WIDTH))
                .build();
    }

    /** State names short enough for the list; the detail pane uses the full label. */
    public static String shortLabel(MigrationState s) {
        return switch (s) {
            case EDITED -> "edited";
            case MISSING_LOCALLY -> "missing";
            default -> s.label();
        };
    }

    public static String mark(MigrationState s) {
        return switch (s) {
            case APPLIED -> "✔";
            case PENDING -> "…";
            case ROLLED_BACK -> "↺";
            case OUT_OF_ORDER -> "↯";
            case FAILED -> "✘";
            case RUNNING -> "▶";
            case EDITED -> "✎";
            case MISSING_LOCALLY -> "?";
        };
    }

    public static Tone tone(MigrationState s) {
        return switch (s) {
            case APPLIED -> Tone.APPLIED;
            case PENDING -> Tone.PENDING;
            case ROLLED_BACK -> Tone.ROLLED_BACK;
            case OUT_OF_ORDER -> Tone.OUT_OF_ORDER;
            case FAILED -> Tone.FAILED;
            case RUNNING -> Tone.PENDING;
            case EDITED -> Tone.EDITED;
            case MISSING_LOCALLY -> Tone.MISSING;
        };
    }

    static String fit(String s, int width) {
        if (width <= 0) {
            return "";
        }
        if (s.length() > width) {
            return s.substring(0, Math.max(0, width - 1)) + "…";
        }
        return s + " ".repeat(width - s.length());
    }

    static String left(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
