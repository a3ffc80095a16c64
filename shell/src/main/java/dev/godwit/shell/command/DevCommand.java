package dev.godwit.shell.command;

import dev.godwit.engine.workflow.DevRequest;
import dev.godwit.engine.workflow.PlanOutcome;
import dev.godwit.engine.workflow.PlanRequest;
import dev.godwit.engine.workflow.PlanWorkflow;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

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
        DevRequest request = new DevRequest(new PlanRequest(Workflows.desired(schema), renameOptions.renames, reorderEnums), name,
                acceptDataLoss, Duration.ofSeconds(lockTimeoutSeconds), new ApplyCommand.Progress(session.out()),
                ApplyCommand.lockRetry(session, null, null));
        PlanOutcome outcome = new PlanWorkflow(Workflows.workspace(session), Workflows.listener(session),
                Workflows.consent(session, session.interactive() && !yes)).dev(request);
        if (outcome instanceof PlanOutcome.Blocked b) {
            throw Workflows.blocked(b);
        }
        if (outcome instanceof PlanOutcome.NoChanges) {
            session.out().println("Already in sync: the schema matches the migrations; no new migration.");
            return ProjectHooks.afterDev(session, skipGenerate, null);
        }
        if (outcome instanceof PlanOutcome.NeedsConsent n) {
            if (!n.asked()) {
                throw Workflows.unconsented(n, "the new migration");
            }
            session.out().println("Nothing written.");
            return 3;
        }
        return ProjectHooks.afterDev(session, skipGenerate, ((PlanOutcome.Ready) outcome).written().orElseThrow());
    }
}
