package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.plan.Rebase;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.Psl;
import dev.godwit.shell.session.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What plan and dev check before they plan anything: that the schema and the migrations folder are
 * for the same database, and whether a local migration now sorts before applied ones.
 */
final class PlanPreflight {
    private PlanPreflight() {
    }

    static void check(Session session, String schemaOption) {
        checkProviderLock(session, schemaOption);
        adviseRebase(session);
    }

    /** schema.prisma (or --schema FILE.prisma) and migration_lock.toml must name the same provider. */
    static void checkProviderLock(Session session, String schemaOption) {
        Project project = session.project();
        if (schemaOption != null && schemaOption.startsWith("sql:")) {
            return;
        }
        Path schemaFile = schemaOption != null ? Path.of(schemaOption).toAbsolutePath() : project.schemaFile();
        if (!Files.isRegularFile(schemaFile) && !Files.isDirectory(schemaFile)) {
            return;   // reported by whoever reads the schema
        }
        Optional<Provider> locked = MigrationsFolder.readLockProvider(project.migrationsDir());
        if (locked.isEmpty()) {
            return;
        }
        Provider schemaProvider = schemaOption != null ? Psl.parseFile(schemaFile).provider() : project.schemaProvider().orElse(null);
        if (schemaProvider != null && schemaProvider != locked.get()) {
            Path lock = project.migrationsDir().resolve(MigrationsFolder.LOCK_FILE);
            throw new GodwitException(ErrorKind.USAGE, shown(project, schemaFile) + " uses provider \"" + schemaProvider.prismaName()
                    + "\" but " + shown(project, lock) + " says \"" + locked.get().prismaName() + "\"",
                    "migrations written for " + locked.get().prismaName() + " do not run on " + schemaProvider.prismaName()
                            + ": set the datasource provider back to \"" + locked.get().prismaName()
                            + "\", or move the migrations folder away to start a new history");
        }
    }

    /** A warning, not a stop: apply would still run such a migration, after the newer ones. */
    private static void adviseRebase(Session session) {
        // Read quietly: the folder's own warnings are printed once, by the command's main read.
        Project project = session.project();
        Provider provider = project.schemaProvider().orElseGet(() -> session.resolvedUrl().url().provider());
        adviseRebase(session, session.migrator().status(MigrationsFolder.read(project.migrationsDir(), provider)));
    }

    /** The same advice from a status already read (plan reads it once, for its history check too). */
    static void adviseRebase(Session session, StatusReport status) {
        for (Rebase.OutOfOrder o : Rebase.outOfOrder(status)) {
            session.out().warn(o.name() + " is older than " + o.newerApplied() + ", which this database already holds, and is not applied: "
                    + "run `godwit rebase " + o.name() + "` to give it a timestamp after the newest migration");
        }
    }

    private static String shown(Project project, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(project.root()) ? project.root().relativize(abs).toString() : abs.toString();
    }
}
