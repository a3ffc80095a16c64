package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.workflow.BaselineOutcome;
import dev.godwit.engine.workflow.BaselineRequest;
import dev.godwit.engine.workflow.BaselineWorkflow;
import dev.godwit.engine.workflow.Consent;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.ChangeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Adopt a database without migration history: its schema becomes the first, applied migration.",
                "The SQL is that of `diff --from empty --to database`; the row is what `resolve --applied` writes.",
                "Asks first (default no; on production, type the database name); without a terminal it needs --yes."})
public final class BaselineCommand extends SessionCommand {
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "baseline", description = "Name of the migration (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--create-only", description = "Write the migration without recording it (to edit it, then `godwit resolve --applied NAME`).")
    boolean createOnly;

    @Option(names = {"-y", "--yes"}, description = "Do not ask (needed without a terminal).")
    boolean yes;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the migration lock.")
    int lockTimeoutSeconds;

    @Override
    protected int run(Session session) {
        BaselineRequest request = new BaselineRequest(name, createOnly, Duration.ofSeconds(lockTimeoutSeconds), Instant.now());
        BaselineWorkflow baseline = new BaselineWorkflow(Workflows.workspace(session), Workflows.listener(session), guard(session));
        BaselineOutcome drafted = baseline.draft(request);
        if (drafted instanceof BaselineOutcome.NoChanges n) {
            throw new GodwitException(ErrorKind.USAGE, n.reason(), n.hint());
        }
        if (drafted instanceof BaselineOutcome.Blocked b) {
            throw new GodwitException(b.kind(), b.reason(), b.hint());
        }
        BaselineWorkflow.Draft draft = ((BaselineOutcome.Ready) drafted).draft();
        session.out().note("from an empty schema to the database: " + ChangeText.summary(draft.changes()));
        if (!draft.leftOut().isEmpty()) {
            session.out().warn("the baseline leaves out " + draft.leftOut().size() + " object(s) godwit does not manage: "
                    + String.join(", ", draft.leftOut().stream().map(u -> u.kind() + " " + u.name()).toList())
                    + "; a database built from the migrations will lack them unless you add their SQL to migration.sql");
        }
        BaselineOutcome adopted = baseline.adopt(draft, request);
        if (adopted instanceof BaselineOutcome.Blocked b) {
            throw new GodwitException(b.kind(), b.reason(), b.hint());
        }
        if (adopted instanceof BaselineOutcome.NeedsConsent) {
            session.out().println("Nothing written.");
            return 3;
        }
        if (((BaselineOutcome.Ready) adopted).recorded()) {
            session.out().note("`godwit pull` writes schema.prisma from the database, if the project has none yet");
        }
        return 0;
    }

    /**
     * Recording a baseline goes through the one guard of changes that cannot be taken back: a y/N (the database
     * name on production), --yes in advance, and in batch mode a refusal without it. The engine's question is
     * put in the guard's words, which name the database.
     */
    private Consent guard(Session session) {
        return new Consent() {
            @Override
            public boolean canAsk() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                return Confirmation.ask(session, whatOf(question), yes);
            }

            @Override
            public String ask(String question) {
                return null;
            }
        };
    }

    /** "Write X and record it?" as the guard's "write X and record it". */
    private static String whatOf(String question) {
        String what = question.endsWith("?") ? question.substring(0, question.length() - 1) : question;
        return Character.toLowerCase(what.charAt(0)) + what.substring(1);
    }
}
