package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.recover.FinishPlan;
import dev.godwit.engine.recover.Recovery;
import dev.godwit.engine.recover.UndoPlan;
import dev.godwit.engine.recover.UndoPlanner;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.render.RecoveryText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Record by hand how a migration ended (like prisma migrate resolve), or recover a failed one.",
                "--rolled-back: a failed migration is to be run again by the next apply.",
                "--applied: a migration is done (completed by hand, or a baseline) and will not run.",
                "--retry: nothing of a failed migration took effect: mark it rolled back and apply again, in one step.",
                "--finish: run only the statements of a failed migration that did not take effect, then mark it applied.",
                "--undo: reverse what a failed migration left in the database (shown first), then mark it rolled back.",
                "--retry, --finish and --undo ask first (default no); without a terminal they need --yes; on a production",
                "environment the database name is typed, and an interactive resolve on production always asks."})
public final class ResolveCommand extends SessionCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--applied", paramLabel = "MIGRATION", required = true, description = "Mark MIGRATION as applied without running it.")
        String applied;

        @Option(names = "--rolled-back", paramLabel = "MIGRATION", required = true, description = "Mark the failed MIGRATION as rolled back.")
        String rolledBack;

        @Option(names = "--retry", paramLabel = "MIGRATION", required = true,
                description = "Nothing of the failed MIGRATION took effect: mark it rolled back and apply the pending migrations.")
        String retry;

        @Option(names = "--finish", paramLabel = "MIGRATION", required = true,
                description = "Run the statements of the failed MIGRATION that did not take effect, then mark it applied.")
        String finish;

        @Option(names = "--undo", paramLabel = "MIGRATION", required = true,
                description = "Reverse what the failed MIGRATION left in the database, then mark it rolled back.")
        String undo;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the history with the time and your user name.")
    String reason;

    @Option(names = {"-y", "--yes"}, description = "Do not ask (needed without a terminal for --retry, --finish and --undo).")
    boolean yes;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the migration lock.")
    int lockTimeoutSeconds;

    @Override
    protected int run(Session session) {
        Duration timeout = Duration.ofSeconds(lockTimeoutSeconds);
        Out out = session.out();
        MigrationsFolder folder = session.migrations();
        if (which.applied != null || which.rolledBack != null) {
            // in batch this is how a pipeline records a migration finished by hand, as `prisma migrate resolve` does
            String name = which.applied != null ? which.applied : which.rolledBack;
            if (!Confirmation.askOnProduction(session, "record " + name + " as " + (which.applied != null ? "applied" : "rolled back")
                    + " in the history", !session.interactive())) {
                return 3;
            }
        }
        if (which.applied != null) {
            session.migrator().resolveApplied(folder, which.applied, reason, timeout);
            out.println("Marked " + which.applied + " as applied.");
            return 0;
        }
        if (which.rolledBack != null) {
            session.migrator().resolveRolledBack(folder, which.rolledBack, reason, timeout);
            out.println("Marked " + which.rolledBack + " as rolled back; the next apply runs it again.");
            return 0;
        }
        Recovery recovery = new Recovery(session.target());
        if (which.retry != null) {
            return retry(session, recovery, folder, timeout);
        }
        if (which.finish != null) {
            return finish(session, recovery, folder, timeout);
        }
        return undo(session, recovery, folder, timeout);
    }

    private int retry(Session session, Recovery recovery, MigrationsFolder folder, Duration timeout) {
        String name = which.retry;
        AttemptLedger ledger = session.migrator().ledger(Recovery.failed(session.migrator(), folder, name));
        session.out().println(name + ": " + ledger.describe());
        if (!ledger.nothingTookEffect()) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "cannot simply run " + name + " again: " + ledger.describe(),
                    dev.godwit.engine.migrate.RecoveryAdvice.next(name, ledger));
        }
        if (!confirm(session, "mark " + name + " rolled back and apply the pending migrations again")) {
            return 3;
        }
        recovery.setAsideForRetry(folder, name, reason, timeout);
        session.out().println("Marked " + name + " as rolled back; applying again.");
        ApplyCommand apply = new ApplyCommand();
        apply.resolveRetry = true;
        return apply.apply(session, timeout);
    }

    private int finish(Session session, Recovery recovery, MigrationsFolder folder, Duration timeout) {
        FinishPlan plan = recovery.finishPlan(folder, which.finish);
        new RecoveryText(session.out()).finishPlan(plan);
        if (plan.refused()) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "cannot finish " + plan.name() + ": " + plan.refusals().get(0), null);
        }
        if (!confirm(session, plan.statements().isEmpty() ? "mark " + plan.name() + " applied"
                : "run " + plan.statements().size() + " statement(s) of " + plan.name() + " and mark it applied")) {
            return 3;
        }
        recovery.finish(folder, plan, reason, timeout);
        session.out().println("Finished " + plan.name() + ": marked applied with the checksum of its migration.sql.");
        return 0;
    }

    private int undo(Session session, Recovery recovery, MigrationsFolder folder, Duration timeout) {
        String name = which.undo;
        String attempt = recovery.failedAttemptId(folder, name);
        UndoPlan plan = UndoPlanner.plan(session.target(), folder, name, new UndoPlanner.Replay(
                session.project().root().resolve(".godwit").resolve("cache"), session.resolvedUrl().url(), session.shadowUrl(),
                session.out()::note));
        new RecoveryText(session.out()).undoPlan(plan);
        if (plan.refused()) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "cannot undo " + name + ": " + String.join("; ", plan.refusals()),
                    "finish it instead (`godwit resolve --finish " + name + "`), or repair the database by hand and `godwit resolve --rolled-back "
                            + name + "`");
        }
        if (!confirm(session, plan.nothingToUndo() ? "mark " + name + " rolled back"
                : "run these " + plan.statements().size() + " statement(s) and mark " + name + " rolled back")) {
            return 3;
        }
        recovery.undo(folder, plan, attempt, reason, timeout);
        session.out().println("Undone: " + name + " is rolled back and pending again; fix it if needed, then `godwit apply`.");
        return 0;
    }

    /**
     * The recovery paths change the database: the one guard (ask, default no; without a terminal only --yes goes
     * ahead; on production someone at a terminal types the database name, --yes or not).
     */
    private boolean confirm(Session session, String what) {
        return Confirmation.ask(session, what, yes);
    }
}
