package dev.godwit.engine.migrate;

import dev.godwit.engine.migrate.AttemptLedger.Outcome;
import dev.godwit.engine.migrate.AttemptLedger.Source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out an attempt's {@link AttemptLedger}: the block godwit wrote when it stopped, else what the row
 * and the migration file say. A process killed mid-migration writes nothing, but its row counts the
 * statements that committed (statement by statement), and a transaction dies with its connection. Prisma
 * sends a migration as one script: PostgreSQL runs it as one implicit transaction (nothing took effect),
 * MySQL commits each DDL statement, and nothing records how far it got.
 */
public final class AttemptLedgers {
    /** What {@link FailureLog} wrote before the ledger block existed. */
    private static final Pattern FAILED_AT = Pattern.compile("failed at statement (\\d+) of (\\d+) \\(migration\\.sql line (\\d+)");
    private static final Pattern BY_STATEMENT = Pattern.compile("ran statement by statement: (\\d+) statements? took effect");

    private AttemptLedgers() {
    }

    /**
     * @param plan             how the migration's file runs today, when known and readable
     * @param transactionalDdl whether the database can roll DDL back (PostgreSQL)
     */
    public static AttemptLedger of(HistoryRecord attempt, Optional<PlannedMigration> plan, boolean transactionalDdl) {
        Optional<AttemptLedger> recorded = AttemptLedger.parse(attempt.logs());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        String logs = attempt.logs() == null ? "" : attempt.logs();
        Matcher at = FAILED_AT.matcher(logs);
        if (at.find()) {
            int index = Integer.parseInt(at.group(1));
            int total = Integer.parseInt(at.group(2));
            int line = Integer.parseInt(at.group(3));
            Matcher sbs = BY_STATEMENT.matcher(logs);
            if (sbs.find()) {
                return new AttemptLedger(Outcome.FAILED, ExecutionMode.STATEMENT_BY_STATEMENT, total, Integer.parseInt(sbs.group(1)),
                        index, line, false, Source.DERIVED);
            }
            return new AttemptLedger(Outcome.FAILED, ExecutionMode.TRANSACTION, total, 0, index, line, false, Source.DERIVED);
        }
        // the file as it runs today tells the mode only if it is the file that was attempted
        Optional<PlannedMigration> same = plan.filter(p -> p.migration().checksum().equalsIgnoreCase(attempt.checksum()));
        int total = same.map(p -> p.statements().size()).orElse(0);
        if (logs.isBlank()) {
            int steps = attempt.appliedStepsCount();
            ExecutionMode mode = same.map(PlannedMigration::mode)
                    .orElse(transactionalDdl && steps == 0 ? ExecutionMode.TRANSACTION : ExecutionMode.STATEMENT_BY_STATEMENT);
            if (mode == ExecutionMode.TRANSACTION) {
                return new AttemptLedger(Outcome.KILLED, mode, total, 0, 0, 0, false, Source.DERIVED);
            }
            int running = total == 0 || steps < total ? steps + 1 : 0;
            int line = running == 0 ? 0 : same.map(p -> p.statements().get(running - 1).line()).orElse(0);
            return new AttemptLedger(Outcome.KILLED, mode, total, steps, running, line, running > 0, Source.DERIVED);
        }
        if (transactionalDdl) {
            return new AttemptLedger(Outcome.FAILED, ExecutionMode.TRANSACTION, total, 0, 0, 0, false, Source.DERIVED);
        }
        return new AttemptLedger(Outcome.UNKNOWN, ExecutionMode.STATEMENT_BY_STATEMENT, total, -1, 0, 0, false, Source.UNKNOWN);
    }
}
