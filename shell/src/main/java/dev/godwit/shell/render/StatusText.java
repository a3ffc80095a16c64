package dev.godwit.shell.render;

import dev.godwit.shell.session.Out;

import dev.godwit.engine.migrate.FailureLog;
import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.RecoveryAdvice;
import dev.godwit.engine.migrate.StatusReport;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The status report for people: one line per migration, then what to do. */
public final class StatusText {
    private final DateTimeFormatter when;
    private final Out out;

    public StatusText(Out out) {
        this(out, ZoneId.systemDefault());
    }

    /** Times shown in {@code zone} (tests: a fixed one). */
    public StatusText(Out out, ZoneId zone) {
        this.out = out;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    public void render(StatusReport r) {
        out.println(out.style(Out.Style.BOLD, r.database()) + " (" + r.serverVersion() + ")");
        r.cluster().ifPresent(c -> out.println(c.healthy() ? c.describe() : out.style(Out.Style.YELLOW, c.describe())));
        if (!r.historyTableExists()) {
            out.println("No _prisma_migrations table yet: nothing has been applied.");
        }
        int width = r.migrations().stream().mapToInt(m -> m.name().length()).max().orElse(10);
        for (MigrationStatus m : r.migrations()) {
            out.println(line(m, width));
            m.failedAttempt().filter(f -> !m.isApplied() && m.state() != MigrationState.RUNNING).ifPresent(f -> out.println("      " + out.style(Out.Style.RED, FailureLog.summary(f))));
            r.ledger(m).ifPresent(l -> out.println("      " + l.describe()));
            if (m.state() == MigrationState.EDITED) {
                out.println("      file checksum " + m.local().orElseThrow().checksum().substring(0, 12) + "…, applied "
                        + m.decisiveAttempt().map(HistoryRecord::checksum).map(c -> c.substring(0, Math.min(12, c.length()))).orElse("?") + "…");
            }
        }
        r.lockHolder().ifPresent(h -> out.println("Migration lock held by " + h.describe()
                + (h.idle() ? "; if its process is gone, `godwit unlock` ends it" : "")));
        out.println("");
        out.println(r.summary());
        if (!r.failed().isEmpty()) {
            MigrationStatus first = r.failed().get(0);
            out.println("Next: " + RecoveryAdvice.next(first.name(), r.ledger(first).orElseThrow()) + ".");
        } else if (r.applyInProgress()) {
            out.println("An apply is running" + r.lockHolder().map(h -> " (" + h.describe() + ")").orElse("")
                    + ": run `godwit status` again when it has finished.");
        } else if (!r.pending().isEmpty()) {
            out.println("Next: `godwit apply` applies the pending migrations.");
        }
    }

    private String line(MigrationStatus m, int width) {
        String mark = switch (m.state()) {
            case APPLIED -> out.style(Out.Style.GREEN, "✔");
            case PENDING -> out.style(Out.Style.CYAN, "…");
            case ROLLED_BACK -> out.style(Out.Style.CYAN, "↺");
            case OUT_OF_ORDER -> out.style(Out.Style.YELLOW, "↯");
            case FAILED -> out.style(Out.Style.RED_BOLD, "✘");
            case RUNNING -> out.style(Out.Style.CYAN, "▶");
            case EDITED -> out.style(Out.Style.YELLOW, "✎");
            case MISSING_LOCALLY -> out.style(Out.Style.MAGENTA, "?");
        };
        StringBuilder sb = new StringBuilder("  ").append(mark).append(' ').append(pad(m.name(), width)).append("  ");
        sb.append(pad(m.state().label(), 19)); // the longest label, "edited after apply", and a space
        m.decisiveAttempt().filter(HistoryRecord::isApplied).ifPresent(a -> sb.append(when.format(a.finishedAt()))
                .append("  ").append(Durations.format(a.duration())));
        if (m.attempts().size() > 1) {
            sb.append("  (").append(m.attempts().size()).append(" attempts)");
        }
        return sb.toString().stripTrailing();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
