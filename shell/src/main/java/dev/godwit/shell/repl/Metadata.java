package dev.godwit.shell.repl;

import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Table;
import dev.godwit.shell.session.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the shell knows about the project and its database, for completion and the prompt.
 * Completion only ever reads the last snapshot; refreshing happens on a background thread,
 * so a slow or unreachable database never blocks a key press.
 */
public final class Metadata implements AutoCloseable {
    /** One consistent picture; {@code error} is set when the database could not be read. */
    public record Snapshot(List<String> environments, List<String> migrations, List<String> failed, List<String> notApplied,
                           List<String> tables, int pending, boolean known, String error) {
        static final Snapshot EMPTY = new Snapshot(List.of(), List.of(), List.of(), List.of(), List.of(), 0, false, null);

        public boolean upToDate() {
            return known && error == null && pending == 0 && failed.isEmpty();
        }
    }

    private final Session session;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "godwit-metadata");
        t.setDaemon(true);
        return t;
    });
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile CompletableFuture<Snapshot> running;
    private int runningGeneration;
    /** Bumped when the session moves to another database, so a refresh of the old one is thrown away. */
    private volatile int generation;

    private final boolean offline;

    public Metadata(Session session) {
        this(session, false);
    }

    /** {@code offline}: read only the project (environments, migration folder), never the database. */
    public Metadata(Session session, boolean offline) {
        this.session = session;
        this.offline = offline;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Forgets what was known about the database (after switching to another one); the next refresh fills it in. */
    public synchronized void invalidate() {
        generation++;
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.environments(), List.of(), List.of(), List.of(), List.of(), 0, false, null);
    }

    /** Starts a refresh unless one is already under way. */
    public synchronized CompletableFuture<Snapshot> refreshAsync() {
        if (running == null || running.isDone() || runningGeneration != generation) {
            int gen = generation;
            runningGeneration = gen;
            running = CompletableFuture.supplyAsync(this::load, worker).whenComplete((s, e) -> {
                if (s != null && gen == generation) {
                    snapshot = s;
                }
            });
        }
        return running;
    }

    /** Refreshes and waits at most {@code wait}; returns the freshest snapshot available then. */
    public Snapshot refresh(Duration wait) {
        CompletableFuture<Snapshot> f = refreshAsync();
        try {
            return f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return snapshot;
        }
    }

    /** Reads everything now on the calling thread (for tests and the first prompt). */
    Snapshot load() {
        List<String> envs = List.of();
        List<String> local = new ArrayList<>();
        try {
            Project p = session.project();
            envs = List.copyOf(p.environments().keySet());
            Provider provider = p.schemaProvider().orElseGet(() -> offline ? Provider.ASSUMED : session.resolvedUrl().url().provider());
            MigrationsFolder folder = MigrationsFolder.read(p.migrationsDir(), provider);
            folder.migrations().stream().map(LocalMigration::name).forEach(local::add);
            if (offline) {
                return remember(p, new Snapshot(envs, local, List.of(), local, List.of(), 0, false, null));
            }
            StatusReport r = session.migrator().status(folder);
            List<String> all = r.migrations().stream().map(MigrationStatus::name).toList();
            List<String> failed = r.failed().stream().map(MigrationStatus::name).toList();
            List<String> notApplied = r.migrations().stream().filter(m -> !m.isApplied() && m.local().isPresent())
                    .map(MigrationStatus::name).toList();
            List<String> tables = List.of();
            try {
                tables = LiveSchema.read(session.target()).tables().stream().map(Table::name).toList();
            } catch (RuntimeException e) {
                // the migration names are still worth having
            }
            return remember(p, new Snapshot(envs, all, failed, notApplied, tables, r.pending().size(), true, null));
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Snapshot(envs, local, List.of(), local, snapshot.tables(), 0, false, msg);
        }
    }

    /** Leaves the snapshot for the bash, zsh and fish completions, unless the database came from a bare URL. */
    private Snapshot remember(Project p, Snapshot s) {
        var resolved = session.resolvedIfKnown();
        if (resolved == null || !"--url".equals(resolved.source())) {
            CompletionCache.write(p.root(), session.options().env(), p.migrationsDir(), s);
        }
        return s;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
