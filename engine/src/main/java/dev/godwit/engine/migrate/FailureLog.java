package dev.godwit.engine.migrate;

import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.project.Secrets;

import java.sql.SQLException;

/** The text written to {@code logs} for a failed attempt, and short forms of it. */
public final class FailureLog {
    private static final int MAX_STATEMENT_CHARS = 2000;

    private FailureLog() {
    }

    static String compose(PlannedMigration plan, SqlStatement failed, String databaseMessage, AttemptLedger ledger, OwnTransactions own) {
        StringBuilder sb = new StringBuilder();
        boolean cancelled = ledger.outcome() == AttemptLedger.Outcome.CANCELLED;
        sb.append("Migration `").append(plan.migration().name()).append(cancelled ? "` was cancelled at statement " : "` failed at statement ")
                .append(failed.index()).append(" of ").append(plan.statements().size())
                .append(" (migration.sql line ").append(failed.line()).append(", column ").append(failed.column()).append(").\n\n");
        sb.append(cancelled ? "Cancelled:\n" : "Database error:\n").append(databaseMessage).append("\n\n");
        String text = failed.text();
        if (text.length() > MAX_STATEMENT_CHARS) {
            text = text.substring(0, MAX_STATEMENT_CHARS) + "\n…";
        }
        sb.append("Statement:\n").append(text).append("\n\n");
        int tookEffect = ledger.tookEffect();
        if (own != null) {
            sb.append("migration.sql controls its own transactions (BEGIN/COMMIT in the file), so it ran as written, statement by statement: ")
                    .append(tookEffect).append(tookEffect == 1 ? " statement took effect" : " statements took effect")
                    .append(" before the failure (outside a transaction, or kept by a COMMIT) and ").append(tookEffect == 1 ? "was" : "were")
                    .append(" not undone.\n");
            if (own.pending() > 0) {
                sb.append("The ").append(own.pending()).append(own.pending() == 1 ? " statement" : " statements")
                        .append(" of the transaction it opened at line ").append(own.openedAtLine())
                        .append(" were rolled back with the failure.\n");
            }
        } else if (plan.mode() == ExecutionMode.TRANSACTION) {
            sb.append("The migration ran in one transaction, which was rolled back: none of it took effect.\n");
        } else {
            sb.append("The migration ran statement by statement: ").append(tookEffect)
                    .append(tookEffect == 1 ? " statement took effect before the " : " statements took effect before the ")
                    .append(cancelled ? "cancel" : "failure").append(tookEffect == 1 ? " and was not undone.\n" : " and were not undone.\n");
        }
        sb.append('\n').append(ledger.trailer());
        return Secrets.mask(sb.toString());
    }

    /** The database's message with its error code, never a password. */
    public static String databaseMessage(SQLException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        String state = e.getSQLState();
        if (state != null && !msg.contains(state)) {
            msg = msg + " (SQLSTATE " + state + ")";
        }
        return Secrets.mask(msg);
    }

    /** A one-line summary of a failed attempt, saying how far it got when nothing was logged. */
    public static String summary(HistoryRecord attempt) {
        if ((attempt.logs() == null || attempt.logs().isBlank()) && attempt.appliedStepsCount() > 0) {
            return "no error was recorded: the process applying it stopped after " + attempt.appliedStepsCount()
                    + (attempt.appliedStepsCount() == 1 ? " statement" : " statements") + " had taken effect (killed, or the connection was lost)";
        }
        return summary(attempt.logs());
    }

    /** A one-line summary of a failed attempt's logs, for lists. */
    public static String summary(String logs) {
        if (logs == null || logs.isBlank()) {
            return "no error was recorded: the process applying it stopped before it could finish (killed, or the connection was lost)";
        }
        String[] lines = logs.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if ((lines[i].startsWith("Database error:") || lines[i].startsWith("Cancelled:")) && i + 1 < lines.length) {
                return lines[0] + " " + lines[i + 1].strip();
            }
        }
        return lines[0];
    }
}
