package dev.godwit.engine.drift;

import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.ChangeSubjects;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatementsInEffect;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.UnmanagedObject;
import dev.godwit.engine.shadow.ShadowDatabase;
import dev.godwit.engine.shadow.ShadowProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drift: the live schema compared with the schema its applied migrations produce when
 * replayed, in folder order, into a shadow database. Pending migrations are left out, so a
 * database that is merely behind shows no drift.
 */
public final class DriftCheck {
    private DriftCheck() {
    }

    public static DriftReport run(Target live, DatabaseUrl liveUrl, Optional<DatabaseUrl> shadowUrl, MigrationsFolder folder) {
        return run(live, folder, replay -> {
            try (ShadowDatabase shadow = ShadowProvider.open(liveUrl, shadowUrl, live.namespaces())) {
                shadow.replay(replay);
                return new Replayed(shadow.inspect(live.namespaces()), shadow.describe());
            }
        });
    }

    /** The schema some applied migrations produce, and where they were replayed (for the report). */
    public record Replayed(Schema schema, String where) {
    }

    /**
     * As {@link #run(Target, DatabaseUrl, Optional, MigrationsFolder)}, with the replay of the applied migrations
     * left to {@code replayer} (a fleet replays each distinct history once for all the targets that share it).
     */
    public static DriftReport run(Target live, MigrationsFolder folder, Function<List<LocalMigration>, Replayed> replayer) {
        Migrator migrator = new Migrator(live);
        List<MigrationStatus> states = migrator.status(folder).migrations();
        Set<String> applied = states.stream().filter(MigrationStatus::isApplied).map(MigrationStatus::name).collect(Collectors.toSet());
        List<LocalMigration> replay = folder.migrations().stream().filter(m -> applied.contains(m.name())).toList();
        List<String> edited = names(states, MigrationState.EDITED);
        List<String> missing = states.stream().filter(s -> s.state() == MigrationState.MISSING_LOCALLY && s.isApplied())
                .map(MigrationStatus::name).toList();

        Replayed r = replayer.apply(replay);
        Schema replayed = r.schema();
        String shadowDescription = r.where();
        Schema actual = LiveSchema.read(live);
        // The shadow lives under another name (MySQL: the database is the schema); only the content counts.
        Schema expected = replayed.withName(actual.name());
        Dialect dialect = live.dialect();
        List<Change> drift = Differ.diff(expected, actual, dialect.diffHooks());
        List<Change> back = Differ.diff(actual, expected, dialect.diffHooks());
        List<UnmanagedObject> unmanaged = new java.util.ArrayList<>(
                actual.unmanaged().stream().filter(u -> !expected.unmanaged().contains(u)).toList());
        // and what the history creates that the database lacks: a trigger dropped by hand is drift too
        expected.unmanaged().stream()
                .filter(u -> actual.unmanaged().stream().noneMatch(a -> a.kind().equals(u.kind()) && a.name().equals(u.name())))
                .forEach(u -> unmanaged.add(new UnmanagedObject(u.kind(), u.name(), "created by the migrations, not in the database")));
        return new DriftReport(live.display(), shadowDescription, replay.stream().map(LocalMigration::name).toList(), drift,
                dialect.ddlWriter().script(back), dialect.ddlWriter().script(drift), edited, missing, unmanaged,
                leftByFailed(migrator, states, drift));
    }

    /** The differences that the statements in effect of each failed migration name: what that attempt left behind. */
    private static Map<String, List<Change>> leftByFailed(Migrator migrator, List<MigrationStatus> states, List<Change> drift) {
        Map<String, List<Change>> out = new LinkedHashMap<>();
        for (MigrationStatus s : states) {
            if (s.isApplied() || s.failedAttempt().isEmpty() || s.local().isEmpty()) {
                continue;
            }
            String text;
            try {
                text = StatementsInEffect.text(migrator.plan(s.local().get()), migrator.ledger(s));
            } catch (RuntimeException unreadable) {
                continue; // a file that cannot be read explains nothing
            }
            List<Change> left = drift.stream().filter(c -> ChangeSubjects.namedIn(c, text)).toList();
            if (!left.isEmpty()) {
                out.put(s.name(), left);
            }
        }
        return out;
    }

    private static List<String> names(List<MigrationStatus> states, MigrationState state) {
        return states.stream().filter(s -> s.state() == state).map(MigrationStatus::name).toList();
    }
}
