package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.workflow.Consent;
import dev.godwit.engine.workflow.DesiredSchema;
import dev.godwit.engine.workflow.Listener;
import dev.godwit.engine.workflow.PlanOutcome;
import dev.godwit.engine.workflow.Workspace;
import dev.godwit.shell.render.ChangeText;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.SessionWorkspace;

/** The shell's side of the engine's workflows: the session as their workspace, its output as their listener, its prompter as their consent. */
final class Workflows {
    private Workflows() {
    }

    /** The session's project and database, reached when a workflow first asks for them. */
    static Workspace workspace(Session session) {
        return SessionWorkspace.of(session);
    }

    /** Steps on stdout, notes and warnings on stderr, a planned migration's lint findings, phase times with GODWIT_TIMING. */
    static Listener listener(Session session) {
        Timing timing = new Timing(session);
        return new Listener() {
            @Override
            public void step(String line) {
                session.out().println(line);
            }

            @Override
            public void note(String message) {
                session.out().note(message);
            }

            @Override
            public void warn(String message) {
                session.out().warn(message);
            }

            @Override
            public void phase(String name) {
                timing.lap(name);
            }

            @Override
            public void planned(String label, Plan plan) {
                LintNotes.planned(session, label, plan.script());
            }
        };
    }

    /** The session's prompter when {@code mayAsk} (a terminal, and no --yes); nobody otherwise. */
    static Consent consent(Session session, boolean mayAsk) {
        if (!mayAsk || session.prompter() == null) {
            return Consent.NOBODY;
        }
        return new Consent() {
            @Override
            public boolean canAsk() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                return session.prompter().confirm(question, null);
            }

            @Override
            public String ask(String question) {
                return session.prompter().ask(question);
            }
        };
    }

    /** {@code --schema}: none, a schema file, or {@code sql:FILE_OR_DIR} (checked as diff checks its sources). */
    static DesiredSchema desired(String schemaOption) {
        if (schemaOption != null && schemaOption.startsWith("sql:")) {
            return DesiredSchema.sql(DiffSource.parse(schemaOption).argument());
        }
        return DesiredSchema.parse(schemaOption);
    }

    /** Why a plan stopped, as the error the command ends with. */
    static GodwitException blocked(PlanOutcome.Blocked b) {
        if (!b.drift().isEmpty()) {
            return new GodwitException(ErrorKind.ACTION_NEEDED, "the database has drifted from its migrations ("
                    + ChangeText.summary(b.drift()) + "):\n" + String.join("\n", ChangeText.lines(b.drift())),
                    "`godwit drift` shows the SQL both ways; record the drift with `godwit drift --adopt NAME`, "
                            + "or `godwit reset` a development database");
        }
        return new GodwitException(ErrorKind.ACTION_NEEDED, "the change cannot be carried out on the data the database holds:\n  - "
                + String.join("\n  - ", b.unexecutable().stream().map(Finding::message).toList()),
                "give the new required field a @default(…), or make it optional (`?`), or fill the NULL values first; "
                        + "on a development database `godwit reset --force` starts from empty tables");
    }

    /** Data loss nobody could consent to: the error that names the flag. {@code what} names the change ("the new migration"). */
    static GodwitException unconsented(PlanOutcome.NeedsConsent n, String what) {
        return new GodwitException(ErrorKind.ACTION_NEEDED, what + " may lose data:\n  - " + String.join("\n  - ", n.questions()),
                "without a terminal (or with --yes) godwit does not ask: add --accept-data-loss to go ahead");
    }

    /** With GODWIT_TIMING set, each phase of a workflow's time on stderr (for benchmarks). */
    private static final class Timing {
        private final Session session;
        private final boolean on = System.getenv("GODWIT_TIMING") != null;
        private long last = System.nanoTime();

        Timing(Session session) {
            this.session = session;
        }

        void lap(String phase) {
            long now = System.nanoTime();
            if (on) {
                session.out().note("timing: " + phase + " " + (now - last) / 1_000_000 + " ms");
            }
            last = now;
        }
    }
}
