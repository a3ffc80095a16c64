package dev.godwit.shell.tui;

import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.AttemptLedgers;
import dev.godwit.engine.migrate.FailureLog;
import dev.godwit.shell.render.RecoveryText;
import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.Provider;
import dev.godwit.shell.render.Durations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detail pane for one migration: its state, attempts (a summary, or every
 * attempt with its logs when expanded), checksums when they differ, resolve
 * reasons, and its SQL with the statement that failed marked.
 */
final class TimelineDetail {
    /** What {@code FailureLog} writes: "failed at statement N of M (migration.sql line L, column C)". */
    static final Pattern FAILED_AT = Pattern.compile("(?:failed|was cancelled) at statement (\\d+) of (\\d+) \\(migration\\.sql line (\\d+), column (\\d+)\\)");
    private static final Pattern RESOLVED = Pattern.compile("^\\[[^\\]]+\\] resolved as .*");

    private final MigrationStatus m;
    private final boolean expanded;
    private final int width;
    private final Provider provider;
    private final DateTimeFormatter when;
    private final List<Line> lines = new ArrayList<>();
    private final Optional<AttemptLedger> ledger;
    private int markedLine = -1;

    TimelineDetail(MigrationStatus m, boolean expanded, int width, Provider provider, ZoneId zone) {
        this(m, expanded, width, provider, zone, m.isApplied() || m.failedAttempt().isEmpty() ? Optional.empty()
                : Optional.of(AttemptLedgers.of(m.failedAttempt().get(), Optional.empty(),
                        dev.godwit.engine.dialect.Dialect.of(provider).transactionalDdl())));
    }

    /** {@code ledger}: which statements of the unresolved failed attempt took effect, when there is one. */
    TimelineDetail(MigrationStatus m, boolean expanded, int width, Provider provider, ZoneId zone, Optional<AttemptLedger> ledger) {
        this.ledger = ledger;
        this.m = m;
        this.expanded = expanded;
        this.width = width;
        this.provider = provider;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        build();
    }

    boolean isFor(MigrationStatus other, boolean open, int w) {
        return other == m && open == expanded && w == width;
    }

    List<Line> lines() {
        return lines;
    }

    /** Index in {@link #lines()} of the first line of the failing statement, or -1. */
    int markedLine() {
        return markedLine;
    }

    private void build() {
        Tone tone = TimelineModel.tone(m.state());
        int n = m.attempts().size();
        lines.add(new Line.Builder().add(m.name(), Tone.BOLD).add("  ")
                .add(TimelineModel.mark(m.state()) + " " + m.state().label(), tone)
                .add(n == 0 ? "  never attempted" : n == 1 ? "  1 attempt" : "  " + n + " attempts", Tone.DIM).build());

        Optional<HistoryRecord> marked = attemptToMark();
        if (expanded) {
            for (int i = 0; i < n; i++) {
                attempt(i + 1, m.attempts().get(i));
            }
        } else if (n > 0) {
            HistoryRecord a = m.decisiveAttempt().orElseThrow();
            lines.add(new Line.Builder().add("Attempt " + (m.attempts().indexOf(a) + 1) + " of " + n + ": ", Tone.DIM)
                    .add(outcome(a), outcomeTone(a)).build());
            if (a.isFailed()) {
                wrap(databaseError(a), Tone.FAILED, "  ");
            }
        }
        // one line, to leave the pane to the error and the SQL (where ✔ marks what is in effect)
        ledger.ifPresent(l -> lines.add(new Line.Builder().add("Took effect: ", Tone.DIM)
                .add(!l.known() ? "unknown" : l.nothingTookEffect() ? "nothing" : "statements " + AttemptLedger.range(1, l.tookEffect())
                        + (l.stoppedMayHaveTakenEffect() ? ", maybe " + l.stoppedAt() : ""), l.nothingTookEffect() ? Tone.NORMAL : Tone.EDITED)
                .add(!l.known() ? " · u undoes what the database holds of it" : l.nothingTookEffect() ? " · t retries once the cause is fixed"
                        : " (✔) · f finishes the rest · u undoes them", Tone.HEADER).build()));
        checksums();
        resolveReasons();
        sql(marked);
    }

    private void attempt(int number, HistoryRecord a) {
        Line.Builder head = new Line.Builder().add("Attempt " + number + "  ", Tone.HEADER)
                .add(outcome(a), outcomeTone(a));
        lines.add(head.build());
        lines.add(Line.of("  started  " + time(a.startedAt()) + "   finished " + time(a.finishedAt())
                + (a.rolledBackAt() != null ? "   rolled back " + time(a.rolledBackAt()) : "")
                + "   steps " + a.appliedStepsCount(), Tone.DIM));
        if (a.logs() == null || a.logs().isBlank()) {
            lines.add(Line.of("  (no logs)", Tone.DIM));
        } else {
            for (String l : a.logs().strip().split("\\R")) {
                wrap(l, RESOLVED.matcher(l).matches() ? Tone.HEADER : a.isFailed() ? Tone.FAILED : Tone.NORMAL, "  ");
            }
        }
    }

    /** The database's message from a failed attempt's logs, else the engine's one-line summary. */
    private static String databaseError(HistoryRecord a) {
        if (a.logs() != null) {
            String[] ls = a.logs().strip().split("\\R");
            for (int i = 0; i + 1 < ls.length; i++) {
                if ((ls[i].startsWith("Database error:") || ls[i].startsWith("Cancelled:")) && !ls[i + 1].isBlank()) {
                    return ls[i + 1].strip();
                }
            }
        }
        return FailureLog.summary(a);
    }

    private String outcome(HistoryRecord a) {
        if (a.isApplied()) {
            return "applied " + time(a.finishedAt()) + " in " + Durations.format(a.duration());
        }
        if (a.isRolledBack()) {
            return "rolled back " + time(a.rolledBackAt()) + " (started " + time(a.startedAt()) + ")";
        }
        return "failed, started " + time(a.startedAt()) + ", never finished";
    }

    private static Tone outcomeTone(HistoryRecord a) {
        return a.isApplied() ? Tone.APPLIED : a.isRolledBack() ? Tone.ROLLED_BACK : Tone.FAILED;
    }

    private void checksums() {
        Optional<String> local = m.local().map(LocalMigration::checksum);
        Optional<String> recorded = m.decisiveAttempt().map(HistoryRecord::checksum);
        if (local.isPresent() && recorded.isPresent() && !local.get().equalsIgnoreCase(recorded.get())) {
            lines.add(Line.of("Checksums differ: the file changed after it was recorded", Tone.EDITED));
            lines.add(Line.of("  local    " + local.get()));
            lines.add(Line.of("  recorded " + recorded.get()));
        }
    }

    private void resolveReasons() {
        if (expanded) {
            return; // already in the logs above
        }
        for (HistoryRecord a : m.attempts()) {
            if (a.logs() == null) {
                continue;
            }
            for (String l : a.logs().split("\\R")) {
                if (RESOLVED.matcher(l.strip()).matches()) {
                    wrap(l.strip(), Tone.HEADER, "");
                }
            }
        }
    }

    /** The unresolved failed attempt, else the latest attempt whose logs say where it failed. */
    private Optional<HistoryRecord> attemptToMark() {
        return m.failedAttempt().or(() -> {
            HistoryRecord found = null;
            for (HistoryRecord a : m.attempts()) {
                if (a.logs() != null && FAILED_AT.matcher(a.logs()).find()) {
                    found = a;
                }
            }
            return Optional.ofNullable(found);
        });
    }

    private void sql(Optional<HistoryRecord> marked) {
        lines.add(Line.empty());
        if (m.local().isEmpty()) {
            lines.add(Line.of("No migration.sql here: the migration is only recorded in the database.", Tone.MISSING));
            return;
        }
        String sql;
        try {
            sql = m.local().get().sql();
        } catch (GodwitException e) {
            lines.add(Line.of("Cannot show migration.sql: " + e.getMessage(), Tone.ERROR));
            return;
        }
        int markFrom = -1;
        int markTo = -1;
        String markNote = null;
        if (marked.isPresent() && marked.get().logs() != null) {
            Matcher fm = FAILED_AT.matcher(marked.get().logs());
            if (fm.find()) {
                int index = Integer.parseInt(fm.group(1));
                int line = Integer.parseInt(fm.group(3));
                markFrom = line;
                markTo = line;
                for (SqlStatement st : SqlSplitter.split(sql, provider)) {
                    if (st.index() == index && st.line() == line) {
                        markTo = line + (int) st.text().chars().filter(c -> c == '\n').count();
                    }
                }
                markNote = "statement " + fm.group(1) + " of " + fm.group(2) + (fm.group().startsWith("was") ? " cancelled" : " failed")
                        + " (line " + line + ")";
            }
        }
        List<SqlStatement> statements = ledger.isPresent() ? SqlSplitter.split(sql, provider) : List.of();
        Line.Builder title = new Line.Builder().add("migration.sql", Tone.HEADER);
        if (markNote != null) {
            title.add("  ▶ " + markNote, Tone.FAILED_MARK);
        }
        lines.add(title.build());
        List<Line> code = SqlHighlight.lines(sql);
        int digits = String.valueOf(code.size()).length();
        for (int i = 0; i < code.size(); i++) {
            int number = i + 1;
            boolean hit = number >= markFrom && number <= markTo;
            if (hit && markedLine < 0) {
                markedLine = lines.size();
            }
            Line.Builder b = new Line.Builder();
            AttemptLedger.Fate fate = fateStartingAt(statements, number);
            if (!hit && (fate == AttemptLedger.Fate.TOOK_EFFECT || fate == AttemptLedger.Fate.MAY_HAVE_TAKEN_EFFECT)) {
                // what is in the database now: the mark that changes what to do next
                b.add(RecoveryText.mark(fate), fate == AttemptLedger.Fate.TOOK_EFFECT ? Tone.APPLIED : Tone.EDITED);
            } else {
                b.add(hit ? "▶" : " ", Tone.FAILED_MARK);
            }
            b.add(TimelineModel.left(String.valueOf(number), digits) + " ", hit ? Tone.FAILED_MARK : Tone.DIM);
            for (Line.Span s : code.get(i).spans()) {
                b.add(s.text(), s.tone());
            }
            lines.add(b.build());
        }
    }

    /** The fate of the statement that starts on this line of the file, when a failed attempt's ledger is known. */
    private AttemptLedger.Fate fateStartingAt(List<SqlStatement> statements, int line) {
        if (ledger.isEmpty() || !ledger.get().known()) {
            return null;
        }
        for (SqlStatement st : statements) {
            if (st.line() == line) {
                return ledger.get().fate(st.index());
            }
        }
        return null;
    }

    private void wrap(String text, Tone tone, String indent) {
        int room = Math.max(10, width - indent.length());
        String rest = text.replace("\t", "    ");
        do {
            int cut = Math.min(rest.length(), room);
            if (cut < rest.length()) {
                int space = rest.lastIndexOf(' ', cut);
                if (space > room / 2) {
                    cut = space + 1;
                }
            }
            lines.add(Line.of(indent + rest.substring(0, cut).stripTrailing(), tone));
            rest = rest.substring(cut);
        } while (!rest.isEmpty());
    }

    private String time(Instant t) {
        return t == null ? "—" : when.format(t);
    }
}
