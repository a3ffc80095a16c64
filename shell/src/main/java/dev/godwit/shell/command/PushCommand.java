package dev.godwit.shell.command;

import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.workflow.PlanOutcome;
import dev.godwit.engine.workflow.PlanRequest;
import dev.godwit.engine.workflow.PushWorkflow;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Make the database match schema.prisma without writing a migration (Prisma's db push).",
                "Possible data loss asks first (default no); without a terminal it needs --accept-data-loss.",
                "On a production database it asks for the database name; without a terminal it needs --yes."})
public final class PushCommand extends SessionCommand {
    @Option(names = "--schema", paramLabel = "FILE", description = "The desired schema: a .prisma file (default: the project's) or sql:FILE_OR_DIR.")
    String schema;

    @Option(names = "--accept-data-loss", description = "Go ahead despite data-loss warnings.")
    boolean acceptDataLoss;

    @Mixin
    RenameOptions renameOptions = new RenameOptions();

    @Option(names = {"-y", "--yes"}, description = "On a production database without a terminal: push anyway (at a terminal the database name is typed).")
    boolean yes;

    @Option(names = "--reorder-enums", description = "Re-create enum types whose existing values schema.prisma lists in another order (by default the order is left as it is, as Prisma does).")
    boolean reorderEnums;

    @Override
    protected int run(Session session) {
        Confirmation.requireFlagInBatchOnProduction(session, "push", yes, "--yes");
        PushWorkflow push = new PushWorkflow(Workflows.workspace(session), Workflows.listener(session),
                Workflows.consent(session, session.interactive()));
        PlanOutcome planned = push.plan(new PlanRequest(Workflows.desired(schema), renameOptions.renames, reorderEnums));
        if (planned instanceof PlanOutcome.NoChanges) {
            session.out().println("The database is already in sync with the schema.");
            return 0;
        }
        if (planned instanceof PlanOutcome.Blocked b) {
            throw Workflows.blocked(b);
        }
        Plan plan = ((PlanOutcome.Ready) planned).plan();
        if (!Confirmation.askOnProduction(session, "push " + plan.changes().size() + " change(s) from the schema without a migration", yes)) {
            session.out().println("Nothing changed.");
            return 3;
        }
        if (push.push(plan, acceptDataLoss) instanceof PlanOutcome.NeedsConsent n) {
            if (!n.asked()) {
                throw Workflows.unconsented(n, "pushing the schema");
            }
            session.out().println("Nothing changed.");
            return 3;
        }
        return 0;
    }
}
