package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.plan.MigrationWriter;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.schema.Schema;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Apply pending migrations, then plan the next one from schema.prisma and apply it (Prisma's migrate dev).",
                "Possible data loss asks first (default no); without a terminal it needs --accept-data-loss.",
                "Steps that cannot run on the data there now always stop."})
public final class DevCommand extends SessionCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Name of the new migration (asked on a terminal; needed without one).")
    String name;

    @Option(names = "--schema", paramLabel = "FILE", description = "The desired schema: a .prisma file (default: the project's) or sql:FILE_OR_DIR.")
    String schema;

    @Option(names = "--accept-data-loss", description = "Go ahead despite data-loss warnings.")
    boolean acceptDataLoss;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for a name or confirmation (data loss still needs --accept-data-loss).")
    boolean yes;

    @Option(names = "--skip-generate", description = "Do not run the generate commands of godwit.toml afterwards.")
    boolean skipGenerate;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the migration lock.")
    int lockTimeoutSeconds;

    @Mixin
    RenameOptions renameOptions = new RenameOptions();

    @Option(names = "--reorder-enums", description = "Re-create enum types whose existing values schema.prisma lists in another order (by default the order is left as it is, as Prisma does).")
    boolean reorderEnums;

    @Override
    protected int run(Session session) {
        Confirmation.refuseOnProduction(session, "run dev",
                "commit the migration and run `godwit apply` in production");
        PlanPreflight.check(session, schema);
        MigrationsFolder folder = PlanSupport.checkedHistory(session, "plan a migration");
        Migrator migrator = session.migrator();
        Duration timeout = Duration.ofSeconds(lockTimeoutSeconds);
        ApplyResult pending = migrator.apply(folder, timeout, false, new ApplyCommand.Progress(session.out()),
                ApplyCommand.lockRetry(session, null, null));
        if (!pending.applied().isEmpty()) {
            session.out().println("Applied " + pending.applied().size() + " pending migration(s).");
        }
        Schema desired = PlanSupport.desired(session, schema);
        Schema current = PlanSupport.history(session, folder);
        PlanSupport.refuseDrift(session, current);
        boolean interactive = session.interactive() && !yes;
        Renames renames = renameOptions.resolve(session, schema, current, desired, interactive);
        Plan plan = PlanSupport.plan(session, current, PlanSupport.target(session, current, desired, schema, renames), renames, reorderEnums);
        if (plan.isEmpty()) {
            session.out().println("Already in sync: the schema matches the migrations; no new migration.");
            return ProjectHooks.afterDev(session, skipGenerate, null);
        }
        PlanSupport.refuseBlocking(plan);
        LintNotes.planned(session, name == null ? "the new migration" : name, plan.script());
        if (!PlanSupport.consent(session, interactive, plan, acceptDataLoss, "the new migration")) {
            session.out().println("Nothing written.");
            return 3;
        }
        String migrationName = name;
        if (migrationName == null) {
            if (!interactive) {
                throw new GodwitException(ErrorKind.USAGE, "the new migration needs a name; without a terminal godwit cannot ask",
                        "add --name NAME");
            }
            migrationName = session.prompter().ask("Name of the new migration: ");
            if (migrationName == null || migrationName.isBlank()) {
                session.out().println("Nothing written.");
                return 3;
            }
        }
        Path dir = session.project().migrationsDir();
        String written = MigrationWriter.write(dir, session.resolvedUrl().url().provider(), migrationName, Instant.now(), plan);
        session.out().println("Wrote " + dir.resolve(written).resolve("migration.sql") + ".");
        ApplyResult result = migrator.apply(session.migrations(), timeout, false, new ApplyCommand.Progress(session.out()),
                ApplyCommand.lockRetry(session, null, null));
        session.out().println("Applied " + written + " to " + session.target().display() + " ("
                + result.applied().stream().mapToInt(ApplyResult.Applied::statements).sum() + " statement(s)).");
        return ProjectHooks.afterDev(session, skipGenerate, written);
    }
}
