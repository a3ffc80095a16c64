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

    /** Per-statement lock time-out and retries, or null: statements wait for locks as long as the server lets them. */
    private final LockRetry retry;
    /** The schema migrations run in, to name the sessions that hold a table's locks. */
    private final String schema;

    MigrationRunner(Dialect dialect, HistoryTable history, Connection connection, ApplyListener listener) {
        this(dialect, history, connection, listener, null, null);
    }

    MigrationRunner(Dialect dialect, HistoryTable history, Connection connection, ApplyListener listener, LockRetry retry, String schema) {
        this.dialect = dialect;
        this.history = history;
        this.c = connection;
        this.listener = listener;
        this.retry = retry;
        this.schema = schema;
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
        // The row's own finished_at − started_at, not this process's clock: status and the timeline read the
        // row, and one attempt must not have two durations (the clocks differ by the round trips around them).
        Duration took = history.recordedDuration(c, id).orElse(Duration.ofNanos(System.nanoTime() - start));
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
        for (int attempt = 1; ; attempt++) {
            if (tryTransaction(plan, id, next, appliedBefore, attempt)) {
                return;
            }
        }
    }

    /**
     * One attempt at the migration's transaction; false when a statement timed out on a lock and another
     * attempt is due (the transaction was rolled back: the history row stays "started", nothing else changed).
     */
    private boolean tryTransaction(PlannedMigration plan, String id, LocalMigration next, List<ApplyResult.Applied> appliedBefore,
                                   int attempt) throws SQLException {
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
            return true;
        } catch (SQLException e) {
            if (current == null || dialect.isConnectionLoss(e)) {
                // Lost connection: the server rolls the transaction back and nothing can be written;
                // the caller reports the loss (the started row stays behind as a failed attempt).
                rollbackQuietly();
                throw e;
            }
            rollbackQuietly();
            c.setAutoCommit(true);
            if (lockTimedOut(plan, current, e, attempt, true)) {
                return false;
            }
            throw fail(plan, id, current, e, 0, null, appliedBefore);
        } finally {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * When {@code e} is a lock time-out under lock-aware apply: reports it with the sessions that hold the
     * table's locks and, when attempts are left, waits the backoff and returns true (try again).
     */
    private boolean lockTimedOut(PlannedMigration plan, SqlStatement s, SQLException e, int attempt, boolean wholeTransaction) {
        if (retry == null || !dialect.lockWaits().isLockTimeout(e)) {
            return false;
        }
        List<dev.godwit.engine.dialect.Blocker> blockers;
        try {
            blockers = dialect.lockWaits().blockers(c, schema, LockedTable.of(s, dialect.provider()));
        } catch (SQLException cannotTell) {
            blockers = List.of();
        }
        boolean again = attempt <= retry.retries();
        Duration wait = again ? retry.backoffBefore(attempt + 1) : null;
        listener.lockTimedOut(plan.migration(), s, attempt, retry.retries() + 1, blockers, wait, wholeTransaction);
        if (!again) {
            return false;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private void runStatementByStatement(PlannedMigration plan, String id, LocalMigration next, List<ApplyResult.Applied> appliedBefore) throws SQLException {
        int done = 0;
        OwnTransactions own = plan.ownTransactions() ? new OwnTransactions(dialect.provider()) : null;
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            for (SqlStatement s : plan.statements()) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        st.execute(s.text());
                        break;
                    } catch (SQLException e) {
                        if (dialect.isConnectionLoss(e)) {
                            throw e;   // nothing more can be recorded; the started row shows the attempt as failed
                        }
                        // A statement that timed out on its lock changed nothing: only it runs again; not inside a
                        // transaction the migration opened itself, which the failure aborted
                        boolean insideOwn = own != null && own.open();
                        if (insideOwn || !lockTimedOut(plan, s, e, attempt, false)) {
                            if (own != null) {
                                // end the migration's open transaction, so the history is written outside it
                                endOwnTransaction(st, own, "ROLLBACK");
                            }
                            throw fail(plan, id, s, e, own == null ? done : own.kept(), own, appliedBefore);
                        }
                    }
                }
                done++;
                if (own != null) {
                    own.ran(s);
                }
                // never written into a transaction the migration opened: its ROLLBACK would take the record along
                if (done < plan.statements().size() && (own == null || !own.open())) {
                    history.recordProgress(c, id, own == null ? done : own.kept());
                }
            }
            if (own != null && own.open()) {
                // the file ends with its transaction open, which a client ending its session would roll back: godwit commits it
                endOwnTransaction(st, own, "COMMIT");
            }
        }
        // The statements above committed themselves; the finish (and the next started row) is one more.
        // A finished migration counts 1 step, as Prisma counts it (a migration's script is one step); while it
        // runs and when it fails, the count says how many statements took effect.
        startedAhead(next, finish(id, 1, plan.migration(), next));
    }

    private void endOwnTransaction(Statement st, OwnTransactions own, String how) throws SQLException {
        if (own.open()) {
            st.execute(how);
        }
        if (own.autocommitOff()) {
            st.execute("SET autocommit = 1");
        }
    }

    private MigrationFailedException fail(PlannedMigration plan, String id, SqlStatement failed, SQLException e,
                                          int tookEffect, OwnTransactions own, List<ApplyResult.Applied> appliedBefore) {
        boolean cancelled = dialect.isCancellation(e);
        AttemptLedger ledger = new AttemptLedger(cancelled ? AttemptLedger.Outcome.CANCELLED : AttemptLedger.Outcome.FAILED,
                plan.mode(), plan.statements().size(), tookEffect, failed.index(), failed.line(), false, AttemptLedger.Source.RECORDED);
        String dbMessage = FailureLog.databaseMessage(e);
        String logs = FailureLog.compose(plan, failed, dbMessage, ledger, own);
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
