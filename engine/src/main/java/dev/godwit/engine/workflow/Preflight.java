package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.Provider;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.psl.Psl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What planning checks before it plans anything: that the schema and the migrations folder are for the
 * same database, and whether a local migration now sorts before applied ones.
 */
final class Preflight {
    private Preflight() {
    }

    /** Both checks, the folder read quietly (its own warnings are told once, by the workflow's main read). */
    static void check(Workspace workspace, DesiredSchema desired, Listener listener) {
        checkProviderLock(workspace.project(), desired);
        Project project = workspace.project();
        Provider provider = project.schemaProvider().orElseGet(() -> workspace.url().provider());
        adviseRebase(new Migrator(workspace.target()).status(MigrationsFolder.read(project.migrationsDir(), provider)), listener);
    }

    /** schema.prisma (or the given schema file) and migration_lock.toml must name the same provider. */
    static void checkProviderLock(Project project, DesiredSchema desired) {
        if (!desired.isSchemaLanguage()) {
            return;
        }
        Path schemaFile = desired.file() != null ? desired.file() : project.schemaFile();
        if (!Files.isRegularFile(schemaFile) && !Files.isDirectory(schemaFile)) {
            return;   // reported by whoever reads the schema
        }
        Optional<Provider> locked = MigrationsFolder.readLockProvider(project.migrationsDir());
        if (locked.isEmpty()) {
            return;
        }
        Provider schemaProvider = desired.file() != null ? Psl.parseFile(schemaFile).provider() : project.schemaProvider().orElse(null);
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
    static void adviseRebase(StatusReport status, Listener listener) {
        for (RebaseWorkflow.OutOfOrder o : RebaseWorkflow.outOfOrder(status)) {
            listener.warn(o.name() + " is older than " + o.newerApplied() + ", which this database already holds, and is not applied: "
                    + "run `godwit rebase " + o.name() + "` to give it a timestamp after the newest migration");
        }
    }

    private static String shown(Project project, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(project.root()) ? project.root().relativize(abs).toString() : abs.toString();
    }
}
