package dev.godwit.engine.migrate;

import dev.godwit.engine.migrate.sql.SqlStatement;

import java.util.List;

/**
 * The statements of a failed attempt that may have changed the database: those its ledger knows took
 * effect, plus the one that stopped a killed process; the whole file when the ledger tells nothing. Both
 * the undo of an attempt and the drift report look for what these statements name.
 */
public final class StatementsInEffect {
    private StatementsInEffect() {
    }

    /** Their SQL, one statement after another. */
    public static String text(PlannedMigration plan, AttemptLedger ledger) {
        List<SqlStatement> all = plan.statements();
        int upTo = !ledger.known() ? all.size()
                : ledger.tookEffect() + (ledger.stoppedMayHaveTakenEffect() ? 1 : 0);
        StringBuilder sb = new StringBuilder();
        for (SqlStatement s : all.subList(0, Math.min(upTo, all.size()))) {
            sb.append(s.text()).append('\n');
        }
        return sb.toString();
    }
}
