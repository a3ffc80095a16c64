package dev.godwit.engine.recover;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.dialect.MigrationLock;
import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.ExecutionMode;
import dev.godwit.engine.migrate.FailureLog;
import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.HistoryTable;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationFailedException;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.PlannedMigration;
import dev.godwit.engine.migrate.RecoveryAdvice;
import dev.godwit.engine.migrate.ResolveNote;
import dev.godwit.engine.migrate.Suggestions;
import dev.godwit.engine.migrate.TargetSession;
import dev.godwit.engine.migrate.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ways out of a failed migration, each ending with a history that Prisma reads the same way:
 * <ul>
 *   <li>retry: nothing took effect, so the attempt is marked rolled back and the migration can run again;</li>
 *   <li>finish: the statements that did not take effect run, then the migration is recorded applied;</li>
 *   <li>undo: what took effect is reversed ({@link UndoPlanner}), then the attempt is marked rolled back.</li>
 * </ul>
 * Each takes Prisma's migration lock and checks that the failed attempt it was planned for is still the one
 * in the history.
 */
public final class Recovery {
    private final Target target;
    private final Dialect dialect;
    private final HistoryTable history;
    private final Migrator migrator;
    /** Prisma's lock is held by the caller (a fleet holds it once for many targets): not taken again here. */
    private final boolean lockHeldByCaller;

    public Recovery(Target target) {
        this(target, false);
    }

    public Recovery(Target target, boolean lockHeldByCaller) {
        this.target = target;
        this.lockHeldByCaller = lockHeldByCaller;
        this.dialect = target.dialect();
        this.history = new HistoryTable(dialect, target.schema());
        this.migrator = new Migrator(target, lockHeldByCaller);
    }

    /** The migration named, which must have an unresolved failed attempt; a usage error says why not. */
    public static MigrationStatus failed(Migrator migrator, MigrationsFolder folder, String name) {
        return failedMigration(migrator.status(folder).migrations(), name);
    }

    /** The migration named, which must have an unresolved failed attempt. */
    static MigrationStatus failedMigration(List<MigrationStatus> states, String name) {
        MigrationStatus s = states.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new GodwitException(ErrorKind.USAGE, "no migration named " + name + " in the folder or in the database's history",
                        "`godwit status` lists the failed migrations"));
        if (s.isApplied() || s.failedAttempt().isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, name + " is " + s.state().label() + ", not failed: there is nothing to recover",
                    "`godwit status` lists the failed migrations");
        }
        return s;
    }

    /**
     * Marks the failed attempt rolled back so that the next apply runs the migration again; refused when any
     * statement of it took effect (running it again would fail on them) or when that is not known.
     */
    public AttemptLedger setAsideForRetry(MigrationsFolder folder, String name, String reason, Duration lockTimeout) {
        try (Connection c = TargetSession.open(target); MigrationLock ignored = lock(c, lockTimeout)) {
            MigrationStatus s = failedMigration(migrator.status(folder).migrations(), name);
            AttemptLedger ledger = migrator.ledger(s);
            if (!ledger.nothingTookEffect()) {
                throw new GodwitException(ErrorKind.ACTION_NEEDED, "cannot simply run " + name + " again: " + ledger.describe(),
                        RecoveryAdvice.next(name, ledger));
            }
            markRolledBack(c, s, ResolveNote.line("rolled back", join(reason, "nothing of it took effect; to be applied again")));
            return ledger;
        } catch (SQLException e) {
            throw TargetSession.failure(target, "resolving " + name, e);
        }
    }

    /** What finishing would run; see {@link FinishPlan#refusals()} for why it may not. */
    public FinishPlan finishPlan(MigrationsFolder folder, String name) {
        MigrationStatus s = failedMigration(migrator.status(folder).migrations(), name);
        LocalMigration local = s.local().orElseThrow(() -> new GodwitException(ErrorKind.USAGE,
                "cannot finish " + name + ": its migration.sql is not here", Suggestions.hint(name, folder)));
        AttemptLedger ledger = migrator.ledger(s);
        HistoryRecord attempt = s.failedAttempt().orElseThrow();
        PlannedMigration plan = migrator.plan(local);
        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!ledger.known()) {
            refusals.add("godwit cannot tell which statements of " + name + " took effect, so it cannot tell which to run: "
                    + "undo it (`godwit resolve --undo " + name + "`), or complete it by hand and `godwit resolve --applied " + name + "`");
        } else if (ledger.stoppedMayHaveTakenEffect()) {
            refusals.add("statement " + ledger.stoppedAt() + " may have taken effect (the process stopped while it ran), so running it "
                    + "again could fail or run twice: undo it (`godwit resolve --undo " + name + "`), or complete it by hand and "
                    + "`godwit resolve --applied " + name + "`");
        }
        int from = Math.max(ledger.tookEffect(), 0);
        if (ledger.known() && from > plan.statements().size()) {
            refusals.add("migration.sql has " + plan.statements().size() + " statements now, fewer than the " + from
                    + " that took effect: it was changed since; put back the statements that ran");
            from = plan.statements().size();
        }
        if (!local.checksum().equalsIgnoreCase(attempt.checksum())) {
            notes.add("migration.sql changed since the attempt: statements 1-" + from + " of the file as it is now are taken as the ones "
                    + "that took effect; check the statements below");
        }
        List<SqlStatement> rest = plan.statements().subList(from, plan.statements().size());
        boolean oneTransaction = dialect.transactionalDdl() && dialect.whyNotTransactional(rest, 0).isEmpty();
        return new FinishPlan(local, attempt.id(), ledger, rest, oneTransaction ? ExecutionMode.TRANSACTION : ExecutionMode.STATEMENT_BY_STATEMENT,
                notes, refusals);
    }

    /** Runs the statements of the plan and records the migration applied with the file's checksum. */
    public void finish(MigrationsFolder folder, FinishPlan plan, String reason, Duration lockTimeout) {
        if (plan.refused()) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "cannot finish " + plan.name() + ": " + plan.refusals().get(0), null);
        }
        try (Connection c = TargetSession.open(target); MigrationLock ignored = lock(c, lockTimeout)) {
            MigrationStatus s = stillFailed(folder, plan.name(), plan.attemptId());
            new FinishRun(dialect, history, c, plan, s.failedAttempt().orElseThrow()).run();
            String note = ResolveNote.line("applied", join(reason, plan.statements().isEmpty() ? "finished: no statement was left to run"
                    : "finished: ran statement" + (plan.statements().size() == 1 ? " " : "s ")
                    + AttemptLedger.range(plan.statements().get(0).index(), plan.statements().get(plan.statements().size() - 1).index())));
            FinishRun.record(c, history, s, plan, note);
        } catch (MigrationFailedException e) {
            throw e;
        } catch (SQLException e) {
            throw TargetSession.failure(target, "finishing " + plan.name(), e);
        }
    }

    /** Runs the undo plan (refused plans never), then marks the failed attempt rolled back. */
    public void undo(MigrationsFolder folder, UndoPlan plan, String attemptId, String reason, Duration lockTimeout) {
        if (plan.refused()) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "cannot undo " + plan.migration() + ": " + plan.refusals().get(0),
                    "complete it instead (`godwit resolve --finish " + plan.migration() + "`), or repair the database by hand");
        }
        try (Connection c = TargetSession.open(target); MigrationLock ignored = lock(c, lockTimeout)) {
            MigrationStatus s = stillFailed(folder, plan.migration(), attemptId);
            String note = ResolveNote.line("rolled back", join(reason, plan.nothingToUndo() ? "undone: the database held nothing of it"
                    : "undone: " + plan.statements().size() + " statement(s) reversed what took effect"));
            boolean tx = dialect.transactionalDdl();
            if (tx) {
                c.setAutoCommit(false);
            }
            try (Statement st = c.createStatement()) {
                st.setEscapeProcessing(false);
                int i = 0;
                for (String sql : plan.statements()) {
                    i++;
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        if (tx) {
                            c.rollback();
                        }
                        throw new GodwitException(ErrorKind.RUNTIME, "undoing " + plan.migration() + " stopped at statement " + i + " of "
                                + plan.statements().size() + ": " + FailureLog.databaseMessage(e) + "\n  statement: " + sql + "\n  "
                                + (tx || i == 1 ? "nothing of the undo took effect" : "statements 1-" + (i - 1) + " of the undo took effect")
                                + "; the migration is still failed",
                                "`godwit resolve --undo " + plan.migration() + "` plans again from what the database holds now", e);
                    }
                }
                markRolledBack(c, s, note);
                if (tx) {
                    c.commit();
                }
            } finally {
                if (tx && !c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw TargetSession.failure(target, "undoing " + plan.migration(), e);
        }
    }

    /** The failed attempt an undo plan was made for, read again under the lock. */
    public String failedAttemptId(MigrationsFolder folder, String name) {
        return failedMigration(migrator.status(folder).migrations(), name).failedAttempt().orElseThrow().id();
    }

    private MigrationStatus stillFailed(MigrationsFolder folder, String name, String attemptId) {
        MigrationStatus s = failedMigration(migrator.status(folder).migrations(), name);
        if (!s.failedAttempt().orElseThrow().id().equals(attemptId)) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "the history of " + name + " changed while the plan was shown: nothing was run",
                    "run the command again to plan from the history as it is now");
        }
        return s;
    }

    private MigrationLock lock(Connection c, Duration timeout) throws SQLException {
        return lockHeldByCaller ? () -> { } : dialect.lock(c, timeout);
    }

    private void markRolledBack(Connection c, MigrationStatus s, String note) throws SQLException {
        HistoryRecord failed = s.failedAttempt().orElseThrow();
        for (HistoryRecord r : s.attempts()) {
            if (r.isFailed()) {
                history.markRolledBack(c, r.id());
            }
        }
        history.appendLogs(c, failed.id(), note);
    }

    private static String join(String reason, String what) {
        return reason == null || reason.isBlank() ? what : reason.strip() + " (" + what + ")";
    }
}
