package dev.godwit.engine.fleet;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.drift.DriftCheck;
import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.shadow.ShadowDatabase;
import dev.godwit.engine.shadow.ShadowProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Drift over a fleet: each target's schema against what its applied migrations give. Targets of one fleet mostly
 * share their history, so each distinct list of applied migrations is replayed once (one shadow database at a time)
 * and compared with every target that has it; at most {@code parallel} targets are read at a time.
 */
public final class FleetDrift {

    /** One target's drift: its report, or the error that stopped the check (report null). */
    public record Result(TargetOutcome outcome, DriftReport report) {
    }

    private final MigrationsFolder folder;
    private final Function<FleetTarget, Target> connect;
    private final Optional<DatabaseUrl> shadowUrl;
    private final Map<List<String>, DriftCheck.Replayed> replays = new ConcurrentHashMap<>();
    private final Object shadowTurn = new Object();

    public FleetDrift(MigrationsFolder folder, Function<FleetTarget, Target> connect, Optional<DatabaseUrl> shadowUrl) {
        this.folder = folder;
        this.connect = connect;
        this.shadowUrl = shadowUrl;
    }

    public List<Result> run(List<FleetTarget> targets, int parallel) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, targets.size())), r -> {
            Thread th = new Thread(r, "godwit-fleet-drift");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (FleetTarget t : targets) {
                futures.add(pool.submit(() -> check(t)));
            }
            List<Result> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(failed(targets.get(i), String.valueOf(e.getCause()), Duration.ZERO));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(new Result(TargetOutcome.skipped(targets.get(i).name()), null));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result check(FleetTarget t) {
        long start = System.nanoTime();
        try {
            Target target = connect.apply(t);
            DriftReport r = DriftCheck.run(target, folder, applied -> replayed(t, target, applied));
            TargetOutcome o = new TargetOutcome(t.name(), r.hasDrift() ? TargetOutcome.State.DRIFTED : TargetOutcome.State.UP_TO_DATE,
                    r.replayed(), 0, 0, r.hasDrift() ? r.summary() : null, Duration.ofNanos(System.nanoTime() - start));
            return new Result(o, r);
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            return failed(t, nl < 0 ? m : m.substring(0, nl), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The replay of one history, done once; one at a time, as a configured shadow database holds one replay. */
    private DriftCheck.Replayed replayed(FleetTarget t, Target target, List<LocalMigration> applied) {
        List<String> key = applied.stream().map(m -> m.name() + ":" + m.checksum()).toList();
        DriftCheck.Replayed known = replays.get(key);
        if (known != null) {
            return known;
        }
        synchronized (shadowTurn) {
            return replays.computeIfAbsent(key, k -> {
                try (ShadowDatabase shadow = ShadowProvider.open(t.url(), shadowUrl, target.namespaces())) {
                    shadow.replay(applied);
                    return new DriftCheck.Replayed(shadow.inspect(target.namespaces()), shadow.describe());
                }
            });
        }
    }

    private static Result failed(FleetTarget t, String error, Duration took) {
        return new Result(new TargetOutcome(t.name(), TargetOutcome.State.FAILED, List.of(), 0, 0, error, took), null);
    }
}
