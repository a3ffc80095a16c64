package dev.godwit.engine.fleet;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatusReport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Every target's full status (each migration's state), read at most {@code parallel} at a time: the fleet screen's grid. */
public final class FleetGrid {

    /** One target's status, or the error that kept it from being read (report null). */
    public record Row(FleetTarget target, StatusReport report, String error) {
    }

    private final MigrationsFolder folder;
    private final Function<FleetTarget, Target> connect;

    public FleetGrid(MigrationsFolder folder, Function<FleetTarget, Target> connect) {
        this.folder = folder;
        this.connect = connect;
    }

    public MigrationsFolder folder() {
        return folder;
    }

    public List<Row> read(List<FleetTarget> targets, int parallel) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, targets.size())), r -> {
            Thread th = new Thread(r, "godwit-fleet-grid");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (FleetTarget t : targets) {
                futures.add(pool.submit(() -> read(t)));
            }
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(new Row(targets.get(i), null, String.valueOf(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(new Row(targets.get(i), null, "interrupted"));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    public Row read(FleetTarget t) {
        try {
            return new Row(t, new Migrator(connect.apply(t)).status(folder), null);
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            return new Row(t, null, nl < 0 ? m : m.substring(0, nl));
        }
    }
}
