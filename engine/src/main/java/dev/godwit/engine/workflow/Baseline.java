package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.migrate.MigrationFolderName;
import dev.godwit.engine.plan.MigrationWriter;
import dev.godwit.engine.migrate.FailureLog;
import dev.godwit.engine.migrate.HistoryTable;
import dev.godwit.engine.migrate.MigrationFiles;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.UnmanagedObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Adopts a database that has tables but no migration history: its live schema becomes the first
 * migration (the SQL that {@code diff --from empty --to database} prints), recorded as applied
 * the way {@code resolve --applied} records it, so later migrations build on it.
 */
public final class Baseline {
    /**
     * The migration about to be written: its folder name, its SQL, the changes it holds, and what the
     * database holds that godwit does not manage (functions, triggers, …), which the SQL leaves out.
     */
    public record Draft(String folder, String script, List<Change> changes, List<UnmanagedObject> leftOut) {
        public Draft {
            changes = List.copyOf(changes);
            leftOut = List.copyOf(leftOut);
        }
    }

    private Baseline() {
    }

    /** Reads the live schema into a draft; refused when there is already a history, or nothing to adopt. */
    public static Draft draft(Target target, MigrationsFolder folder, String name, Instant now) {
        if (!folder.migrations().isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, folder.dir() + " already has " + folder.migrations().size()
                    + " migration(s), so this project has a history to build on",
                    "to record that the database already holds them, run `godwit resolve --applied NAME` for each");
        }
        int rows = historyRows(target);
        if (rows > 0) {
            throw new GodwitException(ErrorKind.USAGE, target.display() + " already records " + rows
                    + " migration attempt(s) in _prisma_migrations, so it is not a database without history",
                    "restore the migrations folder from version control; `godwit status` shows what the database recorded");
        }
        Schema live = LiveSchema.read(target);
        List<Change> changes = Differ.diff(Schema.empty(live.name()), live, target.dialect().diffHooks());
        if (changes.isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, "nothing to baseline: the schema \"" + target.schema() + "\" of "
                    + target.display() + " holds no tables, enums or views godwit manages",
                    "an empty database needs no baseline: `godwit dev` or `godwit plan` start the history");
        }
        String script = target.dialect().ddlWriter().script(changes);
        return new Draft(MigrationFolderName.of(name, MigrationWriter.after(folder.dir(), now)), script, changes, live.unmanaged());
    }

    /**
     * Replays the draft into a shadow database: a baseline that cannot build the schema on an empty database
     * (a default or view calling a function godwit does not write) would be recorded now and fail on every
     * later replay, so it is refused with the database's message before anything is written.
     */
    public static void checkReplays(Draft draft, dev.godwit.engine.project.DatabaseUrl main,
                                    java.util.Optional<dev.godwit.engine.project.DatabaseUrl> shadowUrl) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("godwit-baseline");
            Files.writeString(tmp.resolve(MigrationsFolder.SCRIPT_FILE), draft.script(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write the baseline draft: " + e.getMessage());
        }
        try (dev.godwit.engine.shadow.ShadowDatabase shadow = dev.godwit.engine.shadow.ShadowProvider.open(main, shadowUrl)) {
            shadow.replay(List.of(dev.godwit.engine.migrate.LocalMigration.load(draft.folder(), tmp.resolve(MigrationsFolder.SCRIPT_FILE))));
        } catch (GodwitException e) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "the baseline's SQL does not build this schema on an empty database, so every "
                    + "later replay (plan, drift, a new database) would fail:\n" + e.getMessage(),
                    draft.leftOut().isEmpty() ? "`godwit baseline --create-only` writes the file without recording it: fix it, then "
                            + "`godwit resolve --applied " + draft.folder() + "`"
                            : "the database has objects godwit does not write (" + String.join(", ", draft.leftOut().stream()
                            .map(u -> u.kind() + " " + u.name()).toList()) + "): `godwit baseline --create-only` writes the file "
                            + "without recording it; add their SQL at its top, then `godwit resolve --applied " + draft.folder() + "`");
        } finally {
            MigrationFiles.deleteQuietly(tmp);
        }
    }

    /** Writes the draft's migration.sql (and the lock file when missing), without recording it. */
    public static void write(Path migrationsDir, Provider provider, Draft draft) {
        MigrationFiles.write(migrationsDir, provider, draft.folder(), draft.script());
    }

    /** Writes the draft's migration.sql and records it as applied; the folder is removed again if recording fails. */
    public static void record(Migrator migrator, Path migrationsDir, Provider provider, Draft draft, Duration lockTimeout) {
        MigrationFiles.writeApplied(migrator, migrationsDir, provider, draft.folder(), draft.script(), "baseline of the existing database",
                lockTimeout);
    }

    private static int historyRows(Target target) {
        HistoryTable history = new HistoryTable(target.dialect(), target.schema());
        try (Connection c = target.dataSource().getConnection()) {
            target.dialect().prepareSession(c, target.schema());
            return history.exists(c) ? history.readAll(c).size() : 0;
        } catch (SQLException e) {
            if (target.dialect().isConnectionLoss(e)) {
                throw target.dialect().connectionFailure(e, target.display());
            }
            throw new GodwitException(ErrorKind.RUNTIME, target.display() + ": reading the migration history: "
                    + FailureLog.databaseMessage(e), null, e);
        }
    }
}
