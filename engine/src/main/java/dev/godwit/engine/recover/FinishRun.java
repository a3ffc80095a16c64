package dev.godwit.engine.recover;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.ExecutionMode;
import dev.godwit.engine.migrate.FailureLog;
import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.HistoryTable;
import dev.godwit.engine.migrate.MigrationFailedException;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.RecoveryAdvice;
import dev.godwit.engine.migrate.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs the statements a failed migration has left, keeping the failed attempt's ledger truthful all along:
 * statement by statement, the count of statements in effect grows in the row after each one, so a process
 * killed while finishing leaves the next step as clear as before. Inside one transaction the statements and
 * the history update commit together (the caller commits).
 */
final class FinishRun {
    private final Dialect dialect;
    private final HistoryTable history;
    private final Connection c;
    private final FinishPlan plan;
    private final HistoryRecord attempt;

    FinishRun(Dialect dialect, HistoryTable history, Connection c, FinishPlan plan, HistoryRecord attempt) {
        this.dialect = dialect;
        this.history = history;
        this.c = c;
        this.plan = plan;
        this.attempt = attempt;
    }

    void run() throws SQLException {
        boolean tx = plan.mode() == ExecutionMode.TRANSACTION;
        int inEffect = Math.max(plan.ledger().tookEffect(), 0);
        int total = plan.statements().isEmpty() ? inEffect : plan.statements().get(plan.statements().size() - 1).index();
        if (tx) {
            c.setAutoCommit(false);
        }
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            for (SqlStatement s : plan.statements()) {
                try {
                    st.execute(s.text());
                } catch (SQLException e) {
                    if (tx) {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                    if (dialect.isConnectionLoss(e)) {
                        throw e;
                    }
                    throw failed(s, e, inEffect, total);
                }
                if (!tx) {
                    inEffect = s.index();
                    progress(inEffect, total);
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (tx && !c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            throw e;
        }
    }

    /** Marks the failed attempts rolled back and records the migration applied, as Prisma's resolve --applied does. */
    static void record(Connection c, HistoryTable history, MigrationStatus s, FinishPlan plan, String note) throws SQLException {
        // one commit: never a moment with the failed attempt set aside and no applied row (the migration would look pending)
        if (c.getAutoCommit()) {
            c.setAutoCommit(false);
        }
        try {
            for (HistoryRecord r : s.attempts()) {
                if (r.isFailed()) {
                    history.markRolledBack(c, r.id());
                }
            }
            history.insertApplied(c, plan.name(), plan.migration().checksum(), note);
            c.commit();
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private void progress(int inEffect, int total) throws SQLException {
        AttemptLedger now = new AttemptLedger(AttemptLedger.Outcome.FAILED, ExecutionMode.STATEMENT_BY_STATEMENT, total, inEffect,
                plan.ledger().stoppedAt() > inEffect ? plan.ledger().stoppedAt() : 0, plan.ledger().stoppedAt() > inEffect
                ? plan.ledger().stoppedLine() : 0, false, AttemptLedger.Source.RECORDED);
        history.updateFailed(c, attempt.id(), AttemptLedger.withTrailer(currentLogs(), now), inEffect);
    }

    private MigrationFailedException failed(SqlStatement s, SQLException e, int inEffect, int total) {
        boolean cancelled = dialect.isCancellation(e);
        AttemptLedger ledger = new AttemptLedger(cancelled ? AttemptLedger.Outcome.CANCELLED : AttemptLedger.Outcome.FAILED,
                plan.mode(), total, inEffect, s.index(), s.line(), false, AttemptLedger.Source.RECORDED);
        String message = FailureLog.databaseMessage(e);
        String logs = currentLogs() + "\nFinishing with godwit " + (cancelled ? "was cancelled" : "failed") + " at statement " + s.index()
                + " (migration.sql line " + s.line() + "):\n" + message + "\n";
        try {
            history.updateFailed(c, attempt.id(), AttemptLedger.withTrailer(logs, ledger), inEffect);
        } catch (SQLException writeError) {
            e.addSuppressed(writeError);
        }
        return new MigrationFailedException(plan.name(), s.index(), total, s.line(), s.text(), message, plan.mode(), inEffect,
                List.of(), RecoveryAdvice.next(plan.name(), ledger), e, ledger);
    }

    private String currentLogs() {
        try {
            return history.readAll(c).stream().filter(r -> r.id().equals(attempt.id())).findFirst()
                    .map(HistoryRecord::logs).orElse(attempt.logs() == null ? "" : attempt.logs());
        } catch (SQLException e) {
            return attempt.logs() == null ? "" : attempt.logs();
        }
    }
}
