package dev.godwit.engine.fleet;

import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.MigrationLock;
import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.MigrationFailedException;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.Pooler;
import dev.godwit.engine.migrate.StatusReport;

import dev.godwit.engine.recover.UndoPlanner;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * status and apply over a fleet: each target on its own, with Prisma's history table and lock, at most
 * {@code parallel} at a time and one connection per target; canaries first; no new target once
 * {@code maxFailures} have failed or the run is stopped; the run record written after every target.
 */
public final class FleetRunner {

    /** Hears about each target as it starts and ends (from worker threads, one call at a time). */
    public interface Listener {
        default void started(FleetTarget target) {
        }

        default void finished(TargetOutcome outcome, int done, int total) {
        }

        Listener NONE = new Listener() {
        };
    }

    /**
     * @param parallel    how many targets at a time
     * @param canary      how many targets (the first ones) go first, on their own; one failure among them stops the run
     * @param maxFailures after this many failed targets no new one starts
     */
    public record Options(int parallel, int canary, int maxFailures, Duration lockTimeout) {
        public Options {
            parallel = Math.max(1, parallel);
            canary = Math.max(0, canary);
            maxFailures = Math.max(1, maxFailures);
        }
    }

    private final MigrationsFolder folder;
    private final Function<FleetTarget, Target> connect;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final SharedLocks locks = new SharedLocks();
    /** Targets under way now. */
    private final AtomicInteger active = new AtomicInteger();
    private Path replayCache;

    /** How long a resumed target waits for the sessions a killed run left on the server to end. */
    private static final Duration SESSION_WAIT = Duration.ofSeconds(30);

    public FleetRunner(MigrationsFolder folder) {
        this(folder, t -> Connections.target(t.url(), Connections.direct(t.url())));
    }

    public FleetRunner(MigrationsFolder folder, Function<FleetTarget, Target> connect) {
        this.folder = folder;
        this.connect = connect;
    }

    /**
     * Where a resumed target that a killed run left half-way replays its history to tell what to reverse (the
     * project's replay cache); without it such a target is readied only when nothing of its migration took effect.
     */
    public FleetRunner replayCache(Path dir) {
        this.replayCache = dir;
        return this;
    }

    /** Starts no new target from now on (targets under way finish their current run); for an interrupted process. */
    public void stop() {
        stopped.set(true);
    }

    /**
     * {@link #stop()}, then waits at most {@code wait} for the targets under way to finish: a process told to end
     * (Ctrl-C, TERM) leaves no target half-way and its run record true.
     */
    public void stopAndWait(Duration wait) {
        stop();
        long deadline = System.nanoTime() + wait.toNanos();
        while (active.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public List<TargetOutcome> status(List<FleetTarget> targets, int parallel, Listener listener) {
        return runAll(targets, parallel, Integer.MAX_VALUE, listener, new AtomicInteger(), t -> statusOf(t));
    }

    /** Applies pending migrations on every target; {@code record} (may be null) is consulted and kept up to date. */
    public List<TargetOutcome> apply(List<FleetTarget> targets, Options o, FleetRecord record, Listener listener) {
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<TargetOutcome> out = new ArrayList<>();
        int canaries = Math.min(o.canary(), targets.size());
        Listener recording = new Listener() {
            @Override
            public void started(FleetTarget target) {
                listener.started(target);
            }

            @Override
            public void finished(TargetOutcome outcome, int ignored, int total) {
                if (record != null) {
                    record.record(outcome);
                }
                listener.finished(outcome, done.incrementAndGet(), targets.size());
            }
        };
        Function<FleetTarget, TargetOutcome> work = t -> record != null && record.doneEarlier(t.name())
                ? new TargetOutcome(t.name(), TargetOutcome.State.DONE_EARLIER, List.of(), 0, 0, null, Duration.ZERO)
                : applyTo(t, o.lockTimeout(), record);
        out.addAll(runAll(targets.subList(0, canaries), o.parallel(), o.maxFailures(), recording, failures, work));
        boolean canaryFailed = out.stream().anyMatch(r -> r.state() == TargetOutcome.State.FAILED);
        List<FleetTarget> rest = targets.subList(canaries, targets.size());
        if (canaryFailed) {
            rest.forEach(t -> out.add(TargetOutcome.skipped(t.name())));
        } else {
            out.addAll(runAll(rest, o.parallel(), o.maxFailures(), recording, failures, work));
        }
        return out;
    }

    private List<TargetOutcome> runAll(List<FleetTarget> targets, int parallel, int maxFailures, Listener listener,
                                       AtomicInteger failures, Function<FleetTarget, TargetOutcome> work) {
        if (targets.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, targets.size()), r -> {
            Thread th = new Thread(r, "godwit-fleet");
            th.setDaemon(true);
            return th;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<TargetOutcome>> futures = new ArrayList<>();
            for (FleetTarget t : targets) {
                futures.add(pool.submit(() -> {
                    active.incrementAndGet();
                    if (stopped.get() || failures.get() >= maxFailures) {
                        active.decrementAndGet();
                        return TargetOutcome.skipped(t.name());
                    }
                    TargetOutcome o;
                    try {
                        listener.started(t);
                        o = work.apply(t);
                    } finally {
                        active.decrementAndGet();
                    }
                    if (o.state() == TargetOutcome.State.FAILED) {
                        failures.incrementAndGet();
                    }
                    synchronized (listener) {
                        listener.finished(o, done.incrementAndGet(), targets.size());
                    }
                    return o;
                }));
            }
            List<TargetOutcome> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(new TargetOutcome(targets.get(i).name(), TargetOutcome.State.FAILED, List.of(), 0, 0,
                            String.valueOf(e.getCause()), Duration.ZERO));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop();
                    out.add(TargetOutcome.skipped(targets.get(i).name()));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private TargetOutcome applyTo(FleetTarget t, Duration lockTimeout, FleetRecord record) {
        long start = System.nanoTime();
        Target target = connect.apply(t);
        Optional<List<String>> interrupted = record == null ? Optional.empty() : record.interrupted(t.name());
        if (record != null) {
            // the record names every session before it runs a statement, so that a resumption knows what to wait for
            target = new Target(target.dialect(), ServerSessions.reporting(target.dataSource(), target.dialect().provider(),
                    session -> record.inFlight(t.name(), session)), target.schema(), target.display(), target.pooler());
        }
        List<String> notes = new ArrayList<>();
        try {
            // the fleet takes Prisma's lock itself (once per database), which a transaction-mode pooler would break
            Pooler.refuseLockThroughPooler(target);
        } catch (GodwitException e) {
            return new TargetOutcome(t.name(), TargetOutcome.State.FAILED, List.of(), 0, 0, firstLine(e.getMessage()), since(start));
        }
        try (MigrationLock ignored = locks.enter(t, target, lockTimeout)) {
            if (interrupted.isPresent()) {
                UndoPlanner.Replay replay = replayCache == null ? null : new UndoPlanner.Replay(replayCache, t.url(), Optional.empty(), n -> { });
                new InterruptedTarget(target, folder, replay).recover(notes::add, interrupted.get(), SESSION_WAIT, "the fleet run was stopped inside it; readied by --resume");
            }
            ApplyResult r = new Migrator(target, true).apply(folder, lockTimeout, false, ApplyListener.NONE);
            List<String> names = r.applied().stream().map(ApplyResult.Applied::name).toList();
            return new TargetOutcome(t.name(), names.isEmpty() ? TargetOutcome.State.UP_TO_DATE : TargetOutcome.State.APPLIED,
                    names, 0, 0, null, since(start), notes);
        } catch (MigrationFailedException e) {
            return new TargetOutcome(t.name(), TargetOutcome.State.FAILED, e.appliedBefore().stream().map(ApplyResult.Applied::name).toList(),
                    0, 1, e.getMessage(), since(start), notes);
        } catch (GodwitException e) {
            return new TargetOutcome(t.name(), TargetOutcome.State.FAILED, List.of(), 0, 0, firstLine(e.getMessage()), since(start), notes);
        } catch (SQLException e) {
            return new TargetOutcome(t.name(), TargetOutcome.State.FAILED, List.of(), 0, 0,
                    firstLine(target.dialect().connectionFailure(e, t.url().display()).getMessage()), since(start), notes);
        } catch (RuntimeException e) {
            return new TargetOutcome(t.name(), TargetOutcome.State.FAILED, List.of(), 0, 0, String.valueOf(e), since(start), notes);
        }
    }

    private TargetOutcome statusOf(FleetTarget t) {
        long start = System.nanoTime();
        try {
            StatusReport r = new Migrator(connect.apply(t)).status(folder);
            int pending = r.pending().size();
            int failed = r.failed().size();
            TargetOutcome.State state = failed > 0 ? TargetOutcome.State.FAILED
                    : r.upToDate() ? TargetOutcome.State.UP_TO_DATE : TargetOutcome.State.PENDING;
            List<String> applied = r.migrations().stream().filter(m -> m.isApplied()).map(m -> m.name()).toList();
            String error = failed > 0 ? r.failed().get(0).name() + " failed" : null;
            return new TargetOutcome(t.name(), state, applied, pending, failed, error, since(start));
        } catch (RuntimeException e) {
            return new TargetOutcome(t.name(), TargetOutcome.State.FAILED, List.of(), 0, 0, firstLine(String.valueOf(e.getMessage())), since(start));
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
