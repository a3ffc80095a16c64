package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.workflow.RebaseOutcome;
import dev.godwit.engine.workflow.RebaseRequest;
import dev.godwit.engine.workflow.RebaseWorkflow;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rebase", mixinStandardHelpOptions = true,
        description = {"Give an unapplied local migration a new timestamp after the newest one (teammates' came later).",
                "The folder is renamed, keeping its slug; its files stay as they are, so its checksum does too.",
                "Unapplied migrations after it move with it, keeping their order.",
                "Refused when the migration has a record in this database's history."})
public final class RebaseCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "The migration folder to move to the end of the history.")
    String name;

    @Override
    protected int run(Session session) {
        RebaseOutcome outcome = new RebaseWorkflow(Workflows.workspace(session), Workflows.listener(session)).rebase(RebaseRequest.of(name));
        if (outcome instanceof RebaseOutcome.NoChanges) {
            session.out().println("Nothing this database holds sorts after " + name + ": nothing to do.");
            return 0;
        }
        if (outcome instanceof RebaseOutcome.Blocked b) {
            throw new GodwitException(ErrorKind.USAGE, b.reason(), b.hint());
        }
        if (((RebaseOutcome.Ready) outcome).renamed().size() > 1) {
            session.out().note("the unapplied migrations after " + name + " moved with it, in their order, since they may build on it");
        }
        session.out().note("only this database was checked: a database that already applied " + name + " would list it as missing "
                + "locally, and `godwit apply` there refuses the renamed copy");
        return 0;
    }
}
