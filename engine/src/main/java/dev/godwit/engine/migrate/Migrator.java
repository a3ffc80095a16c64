package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.ClusterState;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.dialect.LockHolder;
import dev.godwit.engine.dialect.MigrationLock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * status, apply and resolve: the versioned-migration workflow shared with
 * Prisma Migrate, against one target database.
 */
public final class Migrator {
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final Target target;
    private final Dialect dialect;
    private final HistoryTable history;

    /** The server's major version once a connection told it (some statements may run in a transaction from a version on); 0 before. */
    private int serverMajor;

    /** Whether the caller holds the migration lock for this target already (a fleet holds it once per database). */
    private final boolean lockHeldByCaller;

    public Migrator(Target target) {
        this(target, false);
    }

    /**
     * {@code lockHeldByCaller}: apply takes no lock of its own, because the caller holds the one that covers this
     * target (Prisma's lock covers a whole PostgreSQL database, and a whole MySQL server).
     */
    public Migrator(Target target, boolean lockHeldByCaller) {
        this.target = target;
        this.dialect = target.dialect();
        this.history = new HistoryTable(dialect, target.schema());
        this.lockHeldByCaller = lockHeldByCaller;
    }

    public StatusReport status(MigrationsFolder folder) {
        try (Connection c = connect()) {
            serverMajor = c.getMetaData().getDatabaseMajorVersion();
            boolean exists = history.exists(c);
            List<HistoryRecord> rows = exists ? history.readAll(c) : List.of();
            Optional<LockHolder> holder = dialect.lockHolder(c);
            List<String> warnings = new ArrayList<>(folder.warnings());
            Optional<ClusterState> cluster = dialect.clusterState(c);
            cluster.filter(s -> !s.healthy()).ifPresent(s -> warnings.add("this " + s.kind() + " node is " + s.nodeState()
                    + " in a " + s.clusterStatus() + " component: what it reports may lag the cluster, and it may refuse writes"));
            // the holder is the caller itself when it holds the lock: an unfinished row is then no apply running now
            List<MigrationStatus> states = StatusCalculator.withRunning(StatusCalculator.compute(folder.migrations(), rows),
                    lockHeldByCaller ? Optional.empty() : holder);
            return new StatusReport(target.display(), dialect.serverVersion(c), exists, states, holder, warnings, cluster, ledgers(states));
        } catch (SQLException e) {
            throw databaseError("reading the migration history", e);
        }
    }

    /** The ledger of each failed migration's unresolved attempt, worked out with its file where there is one. */
    private Map<String, AttemptLedger> ledgers(List<MigrationStatus> states) {
        Map<String, AttemptLedger> out = new HashMap<>();
        for (MigrationStatus s : states) {
            if (!s.isApplied() && s.failedAttempt().isPresent()) {
                out.put(s.name(), ledger(s));
            }
        }
        return out;
    }

    /** Which statements of the migration's unresolved failed attempt took effect (the migration must be failed). */
    public AttemptLedger ledger(MigrationStatus s) {
        HistoryRecord failed = s.failedAttempt().orElseThrow(() -> notFailed(s));
        Optional<PlannedMigration> plan = s.local().map(this::planOrNull);
        return AttemptLedgers.of(failed, plan, dialect.transactionalDdl());
    }

    /** Who holds the migration lock now, if anyone. */
    public Optional<LockHolder> lockHolder() {
        try (Connection c = connect()) {
            return dialect.lockHolder(c);
        } catch (SQLException e) {
            throw databaseError("reading who holds the migration lock", e);
        }
    }

    /**
     * Ends the session holding the migration lock, if it is still {@code expected} (the one the user was shown
     * and agreed to end); true when the lock is free afterwards.
     */
    public boolean endLockHolder(LockHolder expected) {
        try (Connection c = connect()) {
            Optional<LockHolder> now = dialect.lockHolder(c);
            if (now.isEmpty()) {
                return true;
            }
            if (now.get().id() != expected.id() || expected.id() < 0) {
                throw new GodwitException(ErrorKind.ACTION_NEEDED, "the migration lock changed hands while you were asked: now held by "
                        + now.get().describe() + "; nothing was ended", "run `godwit unlock` again to see the new holder");
            }
            dialect.endSession(c, expected);
            for (int i = 0; i < 50 && dialect.lockHolder(c).filter(h -> h.id() == expected.id()).isPresent(); i++) {
                Thread.sleep(100);
            }
            return dialect.lockHolder(c).filter(h -> h.id() == expected.id()).isEmpty();
        } catch (SQLException e) {
            throw databaseError("ending the session that holds the migration lock", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Every row of _prisma_migrations, in no particular order: status leaves out the rolled-back
     * attempts of migrations whose folder is gone, a history must not.
     */
    public List<HistoryRecord> allAttempts() {
        try (Connection c = connect()) {
            return history.exists(c) ? history.readAll(c) : List.of();
        } catch (SQLException e) {
            throw databaseError("reading the migration history", e);
        }
    }

    /** Applies every pending migration in folder order (Prisma's {@code migrate deploy}). */
    public ApplyResult apply(MigrationsFolder folder, Duration lockTimeout, boolean dryRun, ApplyListener listener) {
        return apply(folder, lockTimeout, dryRun, listener, null);
    }

    /**
     * As {@link #apply(MigrationsFolder, Duration, boolean, ApplyListener)}, lock-aware when {@code retry} is given:
     * each statement waits at most its per-statement time-out for a lock and is tried again after a backoff.
     */
    public ApplyResult apply(MigrationsFolder folder, Duration lockTimeout, boolean dryRun, ApplyListener listener, LockRetry retry) {
        try (Connection c = connect()) {
            serverMajor = c.getMetaData().getDatabaseMajorVersion();
            if (dryRun) {
                return dryRun(c, folder, listener);
            }
            try (MigrationLock ignored = lockHeldByCaller ? () -> { } : Pooler.lock(target, c, lockTimeout)) {
                boolean created = ensureHistoryTable(c, folder);
                if (created) {
                    listener.createdHistoryTable();
                }
                List<MigrationStatus> states = StatusCalculator.compute(folder.migrations(), history.readAll(c));
                refuseUnresolvedFailures(states);
                refuseRenamedCopies(states);
                List<String> warnings = warnings(folder, states, listener);
                MigrationRunner runner = new MigrationRunner(dialect, history, c, listener, retry, target.schema());
                if (retry != null) {
                    dialect.lockWaits().setTimeout(c, retry.perStatement());
                }
                List<ApplyResult.Applied> applied = new ArrayList<>();
                try {
                    List<LocalMigration> pending = states.stream().filter(s -> s.state().isPending()).map(s -> s.local().orElseThrow()).toList();
                    PlannedMigration ahead = null;
                    for (int i = 0; i < pending.size(); i++) {
                        PlannedMigration current = ahead != null ? ahead : plan(pending.get(i));
                        // The next migration's started row goes with this one's finish, once it is known to plan;
                        // a file that fails to plan is planned again in its turn and stops the run there, as before.
                        ahead = i + 1 < pending.size() ? planOrNull(pending.get(i + 1)) : null;
                        applied.add(runner.run(current, ahead == null ? null : ahead.migration(), applied));
                    }
                } finally {
                    if (retry != null) {
                        resetLockWait(c);
                    }
                }
                return new ApplyResult(false, created, applied, List.of(), warnings);
            }
        } catch (SQLException e) {
            throw databaseError("applying migrations", e);
        }
    }

    /** The connection goes back to a pool: the next user gets the server's default lock wait. */
    private void resetLockWait(Connection c) {
        try {
            dialect.lockWaits().resetTimeout(c);
        } catch (SQLException e) {
            // A connection that cannot take a SET is gone; the pool drops it.
        }
    }

    private ApplyResult dryRun(Connection c, MigrationsFolder folder, ApplyListener listener) throws SQLException {
        boolean exists = history.exists(c);
        if (!exists) {
            refuseNonEmptySchema(c, folder);
        }
        List<MigrationStatus> states = StatusCalculator.compute(folder.migrations(), exists ? history.readAll(c) : List.of());
        refuseUnresolvedFailures(states);
        refuseRenamedCopies(states);
        List<String> warnings = warnings(folder, states, listener);
        List<PlannedMigration> planned = states.stream().filter(s -> s.state().isPending())
                .map(s -> plan(s.local().orElseThrow())).toList();
        return new ApplyResult(true, false, List.of(), planned, warnings);
    }

    private PlannedMigration planOrNull(LocalMigration m) {
        try {
            return plan(m);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** How a migration would run: its statements, and whether they fit in one transaction. */
    public PlannedMigration plan(LocalMigration m) {
        return MigrationPlanner.plan(dialect, m, serverMajor);
    }

    public HistoryRecord resolveRolledBack(MigrationsFolder folder, String name, String reason, Duration lockTimeout) {
        try (Connection c = connect(); MigrationLock ignored = Pooler.lock(target, c, lockTimeout)) {
            if (!history.exists(c)) {
                throw new GodwitException(ErrorKind.USAGE, "cannot mark " + name + " as rolled back: the database has no migration history yet",
                        "only a failed migration can be marked rolled back; run `godwit status` to see the state");
            }
            MigrationStatus s = find(folder, history.readAll(c), name);
            HistoryRecord failed = s.failedAttempt().orElseThrow(() -> notFailed(s));
            if (s.isApplied()) {
                throw notFailed(s);
            }
            for (HistoryRecord r : s.attempts()) {
                if (r.isFailed()) {
                    history.markRolledBack(c, r.id());
                }
            }
            history.appendLogs(c, failed.id(), ResolveNote.line("rolled back", reason));
            return failed;
        } catch (SQLException e) {
            throw databaseError("resolving " + name, e);
        }
    }

    public String resolveApplied(MigrationsFolder folder, String name, String reason, Duration lockTimeout) {
        LocalMigration local = folder.find(name).orElseThrow(() -> new GodwitException(ErrorKind.USAGE,
                "no migration folder named " + name + " in " + folder.dir(), Suggestions.hint(name, folder)));
        try (Connection c = connect(); MigrationLock ignored = Pooler.lock(target, c, lockTimeout)) {
            ensureHistoryTableForBaseline(c);
            MigrationStatus s = find(folder, history.readAll(c), name);
            if (s.isApplied()) {
                throw new GodwitException(ErrorKind.USAGE, name + " is already applied",
                        "nothing to resolve; `godwit status` shows every migration's state");
            }
            for (HistoryRecord r : s.attempts()) {
                if (r.isFailed()) {
                    history.markRolledBack(c, r.id());
                }
            }
            return history.insertApplied(c, name, local.checksum(), ResolveNote.line("applied", reason));
        } catch (SQLException e) {
            throw databaseError("resolving " + name, e);
        }
    }

    private MigrationStatus find(MigrationsFolder folder, List<HistoryRecord> rows, String name) {
        return StatusCalculator.compute(folder.migrations(), rows).stream()
                .filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new GodwitException(ErrorKind.USAGE, "no migration named " + name
                        + " in " + folder.dir() + " or in the database's history", Suggestions.hint(name, folder)));
    }

    private static GodwitException notFailed(MigrationStatus s) {
        return new GodwitException(ErrorKind.USAGE, s.name() + " is " + s.state().label() + ", not failed",
                "only a failed migration can be marked rolled back; `godwit status` lists the failed ones");
    }

    private boolean ensureHistoryTable(Connection c, MigrationsFolder folder) throws SQLException {
        if (history.exists(c)) {
            return false;
        }
        refuseNonEmptySchema(c, folder);
        dialect.ensureSchema(c, target.schema());
        history.create(c);
        return true;
    }

    private void ensureHistoryTableForBaseline(Connection c) throws SQLException {
        if (!history.exists(c)) {
            dialect.ensureSchema(c, target.schema());
            history.create(c);
        }
    }

    private void refuseNonEmptySchema(Connection c, MigrationsFolder folder) throws SQLException {
        // the hint names the folder's first migration, so that it can be typed back as printed
        String first = folder.migrations().isEmpty() ? "<first migration name>" : folder.migrations().get(0).name();
        List<String> objects = dialect.userObjects(c, target.schema());
        if (!objects.isEmpty()) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED,
                    "the schema \"" + target.schema() + "\" of " + target.display() + " is not empty (" + String.join(", ", objects)
                            + ") and has no _prisma_migrations table, so godwit cannot tell which migrations it holds",
                    "baseline it: with no migrations yet, `godwit baseline` records the database's schema as the first one; "
                            + "if the first migration already matches the database, run "
                            + "`godwit resolve --applied " + first + "`, then `godwit apply`");
        }
    }

    /**
     * A pending migration with the very bytes of one this database applied under another name that is no
     * longer in the folder is that migration renamed (a rebase after it was applied here, or a folder
     * renamed by hand). Running it would apply the same changes twice.
     */
    private static void refuseRenamedCopies(List<MigrationStatus> states) {
        for (MigrationStatus pending : states) {
            if (!pending.state().isPending() || pending.local().isEmpty()) {
                continue;
            }
            String checksum = pending.local().get().checksum();
            states.stream().filter(s -> s.state() == MigrationState.MISSING_LOCALLY && s.isApplied())
                    .filter(s -> s.attempts().stream().anyMatch(a -> a.isApplied() && checksum.equals(a.checksum())))
                    .findFirst().ifPresent(original -> {
                        throw new GodwitException(ErrorKind.ACTION_NEEDED, pending.name() + " has the same SQL as " + original.name()
                                + ", which this database applied and whose folder is gone: it looks renamed (by `godwit rebase` or by hand) "
                                + "after it was applied here; nothing was applied",
                                "rename the folder back to " + original.name() + " (its record here keeps that name), or, if the two are "
                                        + "meant to be different migrations, change one of them");
                    });
        }
    }

    private void refuseUnresolvedFailures(List<MigrationStatus> states) {
        List<MigrationStatus> failed = states.stream().filter(s -> s.failedAttempt().isPresent() && !s.isApplied()).toList();
        if (failed.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(failed.size() == 1 ? "a failed migration is not resolved; nothing was applied:"
                : failed.size() + " failed migrations are not resolved; nothing was applied:");
        for (MigrationStatus s : failed) {
            sb.append("\n  ").append(s.name()).append(": ").append(FailureLog.summary(s.failedAttempt().get()))
                    .append("\n    ").append(ledger(s).describe());
        }
        MigrationStatus first = failed.get(0);
        AttemptLedger ledger = ledger(first);
        throw new FailedMigrationsBlockException(sb.toString(), RecoveryAdvice.next(first.name(), ledger),
                failed.stream().map(MigrationStatus::name).toList(), ledger);
    }

    private static List<String> warnings(MigrationsFolder folder, List<MigrationStatus> states, ApplyListener listener) {
        List<String> warnings = new ArrayList<>(folder.warnings());
        for (MigrationStatus s : states) {
            switch (s.state()) {
                case OUT_OF_ORDER -> warnings.add(s.name() + " is older than the newest applied migration; applying it anyway, "
                        + "after the newer ones (check that it does not depend on their absence)");
                case EDITED -> warnings.add(s.name() + " was edited after it was applied; the database holds the old version");
                case MISSING_LOCALLY -> warnings.add(s.name() + " is recorded in the database but has no folder here");
                default -> {
                }
            }
        }
        warnings.forEach(listener::warning);
        return warnings;
    }

    private Connection connect() {
        return TargetSession.open(target);
    }

    private GodwitException databaseError(String doing, SQLException e) {
        return TargetSession.failure(target, doing, e);
    }
}
