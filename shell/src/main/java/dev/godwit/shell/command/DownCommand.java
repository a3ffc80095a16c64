package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.ExecutionMode;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Rollback;
import dev.godwit.engine.workflow.DownWorkflow;
import dev.godwit.shell.session.Prompter;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Undo the last applied migration with its down.sql, and mark it rolled back so it is pending again.",
                "Asks first (default no), showing what down.sql cannot restore; without a terminal it needs --yes.",
                "On a production environment it needs --yes, and on a terminal the database name typed as well."})
public final class DownCommand extends SessionCommand {
    @Option(names = {"-y", "--yes"}, description = "Do not ask (needed without a terminal, and on production).")
    boolean yes;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the migration lock.")
    int lockTimeoutSeconds;

    @Override
    protected int run(Session session) {
        if (session.production() && !yes) {
            throw new GodwitException(ErrorKind.USAGE, "refusing to run down.sql on a production database ("
                    + session.resolvedUrl().productionReason() + ") without --yes",
                    "roll forward instead: plan a migration that undoes it; or, if you mean it, `godwit down --yes`"
                            + " (on a terminal you then type the database name)");
        }
        DownWorkflow workflow = new DownWorkflow(Workflows.workspace(session), Workflows.listener(session));
        MigrationsFolder folder = workflow.migrations();
        Rollback.Candidate down = workflow.lastApplied(folder);
        if (!confirmed(session, workflow, folder, down)) {
            session.out().println("Nothing changed.");
            return 3;
        }
        Rollback.Result result = workflow.run(folder, down, Duration.ofSeconds(lockTimeoutSeconds));
        session.out().println("Undid " + result.name() + " on " + session.target().display() + " (" + result.statements() + " statement(s)"
                + (result.mode() == ExecutionMode.TRANSACTION ? ", in one transaction" : "") + "); it is pending again: "
                + "`godwit apply` runs it anew.");
        return 0;
    }

    /**
     * Production databases are usually rolled forward with a new migration, not back, so there the
     * flag is required even where someone could answer, and that person then names the database.
     */
    private boolean confirmed(Session session, DownWorkflow workflow, MigrationsFolder folder, Rollback.Candidate down) {
        boolean production = session.production();
        Prompter prompter = session.prompter();
        if (prompter == null || (yes && !production)) {
            // nobody is asked: the log of the run still says what cannot come back
            down.cannotRestore().forEach(w -> session.out().warn("down.sql says it cannot restore: " + w));
        }
        if (prompter == null || (yes && !production)) {
            return Confirmation.confirm(session, "down would run " + down.downFile() + " on " + session.target().display(), null, yes, "--yes");
        }
        StringBuilder q = new StringBuilder("Run down.sql of " + down.name() + " on " + session.target().display()
                + (production ? " (PRODUCTION)" : "") + " and mark it rolled back?");
        Optional<List<String>> loss = workflow.dataLoss(folder, down.name());
        if (loss.isEmpty()) {
            q.append("\nWhat it drops loses the data it holds now.");
        } else if (loss.get().isEmpty()) {
            q.append("\nGoing back to the schema before it drops nothing that holds data now.");
        } else {
            q.append("\nGoing back to the schema before it, with the rows there now:");
            loss.get().forEach(w -> q.append("\n  - ").append(w));
        }
        if (!down.cannotRestore().isEmpty()) {
            q.append("\ndown.sql says it cannot restore:");
            down.cannotRestore().forEach(w -> q.append("\n  - ").append(w));
        }
        return Confirmation.confirm(session, "down would run " + down.downFile(), q.toString(), yes, "--yes");
    }
}
