package dev.godwit.shell.command;

import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.MigrationWriter;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.workflow.PlanOutcome;
import dev.godwit.engine.workflow.PlanRequest;
import dev.godwit.engine.workflow.PlanWorkflow;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Write the migration that takes the migrations folder to schema.prisma (Prisma's migrate dev --create-only).",
                "Without --name it prints the migration and writes nothing.",
                "Data-loss findings use the row counts of the database and go into the migration as a comment block."})
public final class PlanCommand extends SessionCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Write <timestamp>_NAME/migration.sql (and down.sql).")
    String name;

    @Option(names = "--schema", paramLabel = "FILE", description = "The desired schema: a .prisma file (default: the project's) or sql:FILE_OR_DIR.")
    String schema;

    @Mixin
    RenameOptions renameOptions = new RenameOptions();

    @Option(names = "--reorder-enums", description = "Re-create enum types whose existing values schema.prisma lists in another order (by default the order is left as it is, as Prisma does).")
    boolean reorderEnums;

    @Option(names = "--safe", negatable = true,
            description = "Write the safe forms: indexes CONCURRENTLY in migrations of their own, constraints NOT VALID then VALIDATE, "
                    + "a required column added nullable then made NOT NULL after a fill (default: godwit.toml's [plan] safe).")
    Boolean safe;

    @Override
    protected int run(Session session) {
        PlanRequest request = new PlanRequest(Workflows.desired(schema), renameOptions.renames, reorderEnums);
        PlanOutcome outcome = new PlanWorkflow(Workflows.workspace(session), Workflows.listener(session),
                Workflows.consent(session, session.interactive())).plan(request);
        if (outcome instanceof PlanOutcome.Blocked b) {
            throw Workflows.blocked(b);
        }
        if (outcome instanceof PlanOutcome.NoChanges n) {
            session.out().println("No changes: the schema matches the " + n.migrations() + " migration(s) in " + n.folder() + ". Nothing written.");
            return 0;
        }
        Plan plan = ((PlanOutcome.Ready) outcome).plan();
        for (Finding f : plan.findings()) {
            session.out().warn((f.blocking() ? "cannot run on the data there now: " : "") + f.message());
        }
        if (SafePlanWriter.wanted(session, safe) && SafePlanWriter.run(session, plan, name)) {
            return 0;
        }
        LintNotes.planned(session, name == null ? "the planned migration" : name, plan.script());
        if (name == null) {
            session.out().print(plan.script());
            session.out().note(plan.changes().size() + " change(s); nothing written: add --name NAME to write the migration");
            return 0;
        }
        Path dir = session.project().migrationsDir();
        String written = MigrationWriter.write(dir, session.resolvedUrl().url().provider(), name, Instant.now(), plan);
        session.out().println("Wrote " + dir.resolve(written).resolve("migration.sql")
                + (plan.downScript().isBlank() ? "" : " and down.sql") + " (" + plan.changes().size() + " change(s)).");
        return 0;
    }
}
