package dev.godwit.shell.command;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.workflow.ResetWorkflow;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Drop everything in the project's schema, apply every migration again, then run godwit.toml's seed command (Prisma's migrate reset).",
                "Asks first (default no); without a terminal it needs --force. Always refused on a production environment."})
public final class ResetCommand extends SessionCommand {
    @Option(names = {"-f", "--force"}, description = "Do not ask (needed without a terminal).")
    boolean force;

    @Option(names = "--skip-seed", description = "Do not run the seed command of godwit.toml afterwards.")
    boolean skipSeed;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the migration lock.")
    int lockTimeoutSeconds;

    @Override
    protected int run(Session session) {
        Confirmation.refuseOnProduction(session, "reset (drop every table and all data)",
                "reset a development database instead (--env NAME)");
        Target target = session.target();
        ResetWorkflow reset = new ResetWorkflow(Workflows.workspace(session), Workflows.listener(session));
        MigrationsFolder folder = reset.migrations();
        if (!Confirmation.confirm(session, "reset drops every table and all data in " + target.display(), "Drop everything in "
                + target.display() + " and apply the " + folder.migrations().size() + " migration(s) again? All data will be lost.",
                force, "--force")) {
            session.out().println("Nothing changed.");
            return 3;
        }
        reset.reset(folder, Duration.ofSeconds(lockTimeoutSeconds), new ApplyCommand.Progress(session.out()));
        return ProjectHooks.afterReset(session, skipSeed);
    }
}
