package dev.godwit.shell.command;

import dev.godwit.engine.GodwitException;
import dev.godwit.engine.diff.RenameCandidates;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.shadow.ReplayCache;
import dev.godwit.engine.schema.Schema;
import dev.godwit.shell.session.Session;

import java.util.List;
import java.util.Optional;

/**
 * What going back before a migration would lose, counted on the rows the database holds now: the
 * schema of the applied migrations with it and without it (from the replay cache, or replayed),
 * compared as plan compares them. down.sql is SQL text and may be hand-written, so this reads the
 * typed schemas rather than the script.
 */
final class DownPreview {
    private DownPreview() {
    }

    /** The data-loss findings, or empty when they could not be worked out (the question then says so). */
    static Optional<List<String>> dataLoss(Session session, MigrationsFolder folder, String name) {
        try {
            List<LocalMigration> applied = session.migrator().status(folder).migrations().stream()
                    .filter(MigrationStatus::isApplied).flatMap(s -> s.local().stream()).toList();
            List<LocalMigration> without = applied.stream().filter(m -> !m.name().equals(name)).toList();
            String schemaName = session.target().schema();
            Schema before = schemaOf(session, without, schemaName);
            Schema now = schemaOf(session, applied, schemaName);
            // a migration that renamed something is undone by renaming it back (down.sql of a planned rename
            // does): read as a drop and an add, the preview would warn about data that is not lost
            var dialect = session.target().dialect();
            Renames renames = new Renames(RenameCandidates.find(now, before, dialect.diffHooks()).stream()
                    .filter(c -> !c.ambiguous()).map(RenameCandidates.Candidate::rename).toList());
            Plan back = Plan.build(now, before, renames, dialect, session.target());
            return Optional.of(back.findings().stream().map(Finding::message).toList());
        } catch (GodwitException e) {
            session.out().note("could not count what going back drops: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Schema schemaOf(Session session, List<LocalMigration> migrations, String schemaName) {
        if (migrations.isEmpty()) {
            return Schema.empty(schemaName);
        }
        ReplayCache cache = new ReplayCache(session.project().root().resolve(".godwit").resolve("cache"));
        return cache.schema(migrations, session.resolvedUrl().url(), session.shadowUrl(), session.out()::note).schema().withName(schemaName);
    }
}
