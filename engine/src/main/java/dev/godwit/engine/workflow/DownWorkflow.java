package dev.godwit.engine.workflow;

import dev.godwit.engine.GodwitException;
import dev.godwit.engine.diff.RenameCandidates;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.Rollback;
import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.shadow.ReplayCache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Undoing the last applied migration with its {@code down.sql}: which one, what going back would lose, and
 * the run. The guard in front of it (who may say yes, production) is the front end's: it asks with what
 * {@link #dataLoss} found, then calls {@link #run}.
 */
public final class DownWorkflow {
    private final Workspace workspace;
    private final Listener listener;

    public DownWorkflow(Workspace workspace, Listener listener) {
        this.workspace = workspace;
        this.listener = listener;
    }

    /** The project's migrations folder (its warnings told). */
    public MigrationsFolder migrations() {
        return workspace.migrations(listener);
    }

    /** The last applied migration and its down.sql; refuses when there is none to run. */
    public Rollback.Candidate lastApplied(MigrationsFolder folder) {
        return new Rollback(workspace.target()).lastApplied(folder);
    }

    /** Runs the candidate's down.sql and marks the migration rolled back. */
    public Rollback.Result run(MigrationsFolder folder, Rollback.Candidate down, Duration lockTimeout) {
        return new Rollback(workspace.target()).run(folder, down, lockTimeout);
    }

    /**
     * What going back before migration {@code name} would lose, counted on the rows the database holds now:
     * the schema of the applied migrations with it and without it (from the replay cache, or replayed), planned
     * as plan plans. down.sql is SQL text and may be hand-written, so this reads the typed schemas rather than
     * the script. Empty when it could not be worked out (a note says why).
     */
    public Optional<List<String>> dataLoss(MigrationsFolder folder, String name) {
        try {
            List<LocalMigration> applied = new Migrator(workspace.target()).status(folder).migrations().stream()
                    .filter(MigrationStatus::isApplied).flatMap(s -> s.local().stream()).toList();
            List<LocalMigration> without = applied.stream().filter(m -> !m.name().equals(name)).toList();
            String schemaName = workspace.target().schema();
            Schema before = schemaOf(without, schemaName);
            Schema now = schemaOf(applied, schemaName);
            // a migration that renamed something is undone by renaming it back (down.sql of a planned rename
            // does): read as a drop and an add, the preview would warn about data that is not lost
            var dialect = workspace.target().dialect();
            Renames renames = new Renames(RenameCandidates.find(now, before, dialect.diffHooks()).stream()
                    .filter(c -> !c.ambiguous()).map(RenameCandidates.Candidate::rename).toList());
            Plan back = Plan.build(now, before, renames, dialect, workspace.target());
            return Optional.of(back.findings().stream().map(Finding::message).toList());
        } catch (GodwitException e) {
            listener.note("could not count what going back drops: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Schema schemaOf(List<LocalMigration> migrations, String schemaName) {
        if (migrations.isEmpty()) {
            return Schema.empty(schemaName);
        }
        ReplayCache cache = new ReplayCache(workspace.cacheDir());
        return cache.schema(migrations, workspace.url(), workspace.shadowUrl(), listener::note).schema().withName(schemaName);
    }
}
