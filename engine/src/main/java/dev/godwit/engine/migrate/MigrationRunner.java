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
 * <p>
 * When another migration follows, its "started" row is written by the statement that
 * marks this one finished: one round trip and one durable write between two migrations
 * instead of two of each (on MariaDB/MySQL every commit waits for a log flush), and still
 * no moment at which a statement of the next migration could run without its row.
 */
final class MigrationRunner {
    private final Dialect dialect;
    private final HistoryTable history;
    private final Connection c;
    private final ApplyListener listener;
    /** The started row already written for the migration that runs next (with the previous one's finish), or null. */
    private String startedAhead;
    private String startedAheadName;

    MigrationRunner(Dialect dialect, HistoryTable history, Connection connection, ApplyListener listener) {
        this.dialect = dialect;
        this.history = history;
        this.c = connection;
        this.listener = listener;
    }

    ApplyResult.Applied run(PlannedMigration plan, List<ApplyResult.Applied> appliedBefore) throws SQLException {
        return run(plan, null, appliedBefore);
    }

    /** {@code next}: the migration to run after this one (its started row is written with this one's finish), or null. */
    ApplyResult.Applied run(PlannedMigration plan, LocalMigration next, List<ApplyResult.Applied> appliedBefore) throws SQLException {
        LocalMigration m = plan.migration();
        listener.starting(m, plan.mode(), plan.reasons());
        long start = System.nanoTime();
        String id = m.name().equals(startedAheadName) ? startedAhead : history.insertStarted(c, m.name(), m.checksum());
        startedAhead = null;
        startedAheadName = null;
        try {
            if (plan.mode() == ExecutionMode.TRANSACTION) {
                runInTransaction(plan, id, next, appliedBefore);
            } else {
                runStatementByStatement(plan, id, next, appliedBefore);
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof MigrationFailedException f && f.cancelled()) {
                listener.cancelled(m, Duration.ofNanos(System.nanoTime() - start));
            } else {
                listener.failed(m, Duration.ofNanos(System.nanoTime() - start));
            }
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        listener.applied(m, took);
        return new ApplyResult.Applied(m.name(), plan.mode(), plan.statements().size(), took);
    }

    /**
     * Marks {@code id} finished and, when a migration follows, writes its started row, in one statement;
     * returns that row's id (null without one). Inside a transaction the caller commits.
     */
    private String finish(String id, int steps, LocalMigration finished, LocalMigration next) throws SQLException {
        if (next == null) {
            history.markFinished(c, id, steps);
            return null;
        }
        return history.finishAndStart(c, id, steps, finished, next);
    }

    private void startedAhead(LocalMigration next, String id) {
        if (next != null) {
            startedAhead = id;
            startedAheadName = next.name();
        }
    }

    private void runInTransaction(PlannedMigration plan, String id, LocalMigration next, List<ApplyResult.Applied> appliedBefore) throws SQLException {
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
            String nextId = finish(id, 1, plan.migration(), next);
            c.commit();
            startedAhead(next, nextId);
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

    private void runStatementByStatement(PlannedMigration plan, String id, LocalMigration next, List<ApplyResult.Applied> appliedBefore) throws SQLException {
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
        // The statements above committed themselves; the finish (and the next started row) is one more.
        // A finished migration counts 1 step, as Prisma counts it (a migration's script is one step); while it
        // runs and when it fails, the count says how many statements took effect.
        startedAhead(next, finish(id, 1, plan.migration(), next));
    }

    private MigrationFailedException fail(PlannedMigration plan, String id, SqlStatement failed, SQLException e,
                                          int tookEffect, List<ApplyResult.Applied> appliedBefore) {
        boolean cancelled = dialect.isCancellation(e);
        AttemptLedger ledger = new AttemptLedger(cancelled ? AttemptLedger.Outcome.CANCELLED : AttemptLedger.Outcome.FAILED,
                plan.mode(), plan.statements().size(), tookEffect, failed.index(), failed.line(), false, AttemptLedger.Source.RECORDED);
        String dbMessage = FailureLog.databaseMessage(e);
        String logs = FailureLog.compose(plan, failed, dbMessage, ledger);
        // A cancel that left nothing in effect is no failure: the attempt is recorded and marked rolled back, which
        // Prisma and godwit both ignore, so the migration is simply pending again. A cancel after statements took
        // effect stays a failed attempt: the database holds part of the migration, and apply must not run it again.
        boolean setAside = cancelled && ledger.nothingTookEffect();
        try {
            if (setAside) {
                history.markCancelled(c, id, logs);
            } else {
                history.markFailed(c, id, logs, tookEffect);
            }
        } catch (SQLException writeError) {
            e.addSuppressed(writeError);
        }
        String hint = setAside ? "nothing of it took effect and it stays pending: `godwit apply` runs it when you are ready"
                : RecoveryAdvice.next(plan.migration().name(), ledger);
        return new MigrationFailedException(plan.migration().name(), failed.index(), plan.statements().size(), failed.line(),
                failed.text(), dbMessage, plan.mode(), tookEffect, appliedBefore, hint, e, ledger);
    }

    private void rollbackQuietly() {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection may be gone; the server rolls back on its own then.
        }
    }
}
