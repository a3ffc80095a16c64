package dev.godwit.engine.migrate;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.migrate.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Runs one planned migration and keeps its history row truthful at every
 * moment: the row is written (and committed) before the first statement, so a
 * process killed half-way leaves a failed row behind, never silence.
 */
final class MigrationRunner {
    private final Dialect dialect;
    private final HistoryTable history;
    private final Connection c;
    private final ApplyListener listener;

    MigrationRunner(Dialect dialect, HistoryTable history, Connection connection, ApplyListener listener) {
        this.dialect = dialect;
        this.history = history;
        this.c = connection;
        this.listener = listener;
    }

    ApplyResult.Applied run(PlannedMigration plan, List<ApplyResult.Applied> appliedBefore) throws SQLException {
        LocalMigration m = plan.migration();
        listener.starting(m, plan.mode(), plan.reasons());
        long start = System.nanoTime();
        String id = history.insertStarted(c, m.name(), m.checksum());
        try {
            if (plan.mode() == ExecutionMode.TRANSACTION) {
                runInTransaction(plan, id, appliedBefore);
            } else {
                runStatementByStatement(plan, id, appliedBefore);
            }
        } catch (SQLException | RuntimeException e) {
            listener.failed(m, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        listener.applied(m, took);
        return new ApplyResult.Applied(m.name(), plan.mode(), plan.statements().size(), took);
    }

    private void runInTransaction(PlannedMigration plan, String id, List<ApplyResult.Applied> appliedBefore) throws SQLException {
        c.setAutoCommit(false);
        SqlStatement current = null;
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            for (SqlStatement s : plan.statements()) {
                current = s;
                st.execute(s.text());
            }
            current = null;
            // Marked finished inside the same transaction: a crash can never leave the schema
            // changed while the history says otherwise.
            history.markFinished(c, id, 1);
            c.commit();
        } catch (SQLException e) {
            if (current == null || dialect.isConnectionLoss(e)) {
                // Lost connection: the server rolls the transaction back and nothing can be written;
                // the caller reports the loss (the started row stays behind as a failed attempt).
                rollbackQuietly();
                throw e;
            }
            rollbackQuietly();
            c.setAutoCommit(true);
            throw fail(plan, id, current, e, 0, appliedBefore);
        } finally {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        }
    }

    private void runStatementByStatement(PlannedMigration plan, String id, List<ApplyResult.Applied> appliedBefore) throws SQLException {
        int done = 0;
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            for (SqlStatement s : plan.statements()) {
                try {
                    st.execute(s.text());
                } catch (SQLException e) {
                    if (dialect.isConnectionLoss(e)) {
                        throw e;   // nothing more can be recorded; the started row shows the attempt as failed
                    }
                    throw fail(plan, id, s, e, done, appliedBefore);
                }
                done++;
                if (done < plan.statements().size()) {
                    history.recordProgress(c, id, done);
                }
            }
        }
        history.markFinished(c, id, done);
    }

    private MigrationFailedException fail(PlannedMigration plan, String id, SqlStatement failed, SQLException e,
                                          int tookEffect, List<ApplyResult.Applied> appliedBefore) {
        String dbMessage = FailureLog.databaseMessage(e);
        String logs = FailureLog.compose(plan, failed, dbMessage, tookEffect);
        try {
            history.markFailed(c, id, logs, tookEffect);
        } catch (SQLException writeError) {
            e.addSuppressed(writeError);
        }
        String hint = "fix the cause, then `godwit resolve --rolled-back " + plan.migration().name()
                + "` and `godwit apply` to run it again";
        if (plan.mode() == ExecutionMode.STATEMENT_BY_STATEMENT && tookEffect > 0) {
            hint = tookEffect + " earlier statement(s) of it took effect and stay in place: undo them, or complete the rest by hand and run `godwit resolve --applied "
                    + plan.migration().name() + "`; otherwise " + hint;
        }
        return new MigrationFailedException(plan.migration().name(), failed.index(), plan.statements().size(), failed.line(),
                failed.text(), dbMessage, plan.mode(), tookEffect, appliedBefore, hint, e);
    }

    private void rollbackQuietly() {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection may be gone; the server rolls back on its own then.
        }
    }
}
