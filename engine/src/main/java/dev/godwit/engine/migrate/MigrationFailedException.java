package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.util.List;

/**
 * A migration's statement failed. Carries where (statement number and line of
 * migration.sql), the database's own message, and how much took effect.
 */
public class MigrationFailedException extends GodwitException {
    private final String migration;
    private final int statementIndex;
    private final int statementCount;
    private final int line;
    private final String databaseMessage;
    private final ExecutionMode mode;
    private final int statementsTakenEffect;
    private final List<ApplyResult.Applied> appliedBefore;
    private final AttemptLedger ledger;

    public MigrationFailedException(String migration, int statementIndex, int statementCount, int line,
                                    String statementText, String databaseMessage, ExecutionMode mode, int statementsTakenEffect,
                                    List<ApplyResult.Applied> appliedBefore, String hint, Throwable cause, AttemptLedger ledger) {
        super(ErrorKind.RUNTIME, "migration " + migration + (ledger.outcome() == AttemptLedger.Outcome.CANCELLED
                ? " was cancelled at statement " : " failed at statement ") + statementIndex + " of "
                + statementCount + " (migration.sql line " + line + "): " + databaseMessage
                + "\n  statement: " + excerpt(statementText) + "\n  " + ledger.describe(), hint, cause);
        this.ledger = ledger;
        this.migration = migration;
        this.statementIndex = statementIndex;
        this.statementCount = statementCount;
        this.line = line;
        this.databaseMessage = databaseMessage;
        this.mode = mode;
        this.statementsTakenEffect = statementsTakenEffect;
        this.appliedBefore = List.copyOf(appliedBefore);
    }

    private static String excerpt(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + " …" : oneLine;
    }

    public String migration() { return migration; }
    public int statementIndex() { return statementIndex; }
    public int statementCount() { return statementCount; }
    public int line() { return line; }
    public String databaseMessage() { return databaseMessage; }
    public ExecutionMode mode() { return mode; }
    public int statementsTakenEffect() { return statementsTakenEffect; }
    public List<ApplyResult.Applied> appliedBefore() { return appliedBefore; }
    /** Which statements took effect, failed and never ran. */
    public AttemptLedger ledger() { return ledger; }
    public boolean cancelled() { return ledger.outcome() == AttemptLedger.Outcome.CANCELLED; }
}
