package dev.godwit.shell.command;

import dev.godwit.shell.session.Session;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Record by hand how a migration ended (like prisma migrate resolve).",
                "--rolled-back: a failed migration is to be run again by the next apply.",
                "--applied: a migration is done (completed by hand, or a baseline) and will not run."})
public final class ResolveCommand extends SessionCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--applied", paramLabel = "MIGRATION", required = true, description = "Mark MIGRATION as applied without running it.")
        String applied;

        @Option(names = "--rolled-back", paramLabel = "MIGRATION", required = true, description = "Mark the failed MIGRATION as rolled back.")
        String rolledBack;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the history with the time and your user name.")
    String reason;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the migration lock.")
    int lockTimeoutSeconds;

    @Override
    protected int run(Session session) {
        Duration timeout = Duration.ofSeconds(lockTimeoutSeconds);
        // in batch this is how a pipeline records a migration finished by hand, as `prisma migrate resolve` does
        String name = which.applied != null ? which.applied : which.rolledBack;
        if (!Confirmation.askOnProduction(session, "record " + name + " as " + (which.applied != null ? "applied" : "rolled back")
                + " in the history", !session.interactive())) {
            return 3;
        }
        if (which.applied != null) {
            session.migrator().resolveApplied(session.migrations(), which.applied, reason, timeout);
            session.out().println("Marked " + which.applied + " as applied.");
        } else {
            session.migrator().resolveRolledBack(session.migrations(), which.rolledBack, reason, timeout);
            session.out().println("Marked " + which.rolledBack + " as rolled back; the next apply runs it again.");
        }
        return 0;
    }
}
