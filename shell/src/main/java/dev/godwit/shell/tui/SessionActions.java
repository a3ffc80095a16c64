package dev.godwit.shell.tui;

import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.Provider;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.workflow.DriftWorkflow;
import dev.godwit.engine.workflow.Listener;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.SessionWorkspace;

import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.RecoveryAdvice;
import dev.godwit.engine.recover.FinishPlan;
import dev.godwit.engine.recover.Recovery;
import dev.godwit.engine.recover.UndoPlan;
import dev.godwit.engine.recover.UndoPlanner;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.render.RecoveryText;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The timeline's actions on a real session. The folder is read here rather than
 * through {@code Session.migrations()}, which prints warnings: on a full screen
 * they would land in the middle of the picture.
 */
final class SessionActions implements TimelineScreen.Actions, DriftScreen.Actions, TimelineRecovery.Actions {
    private final Session session;
    /** The plans last shown, run as shown (the engine checks that the failed attempt is still the same). */
    private FinishPlan shownFinish;
    private UndoPlan shownUndo;
    private String shownUndoAttempt;

    SessionActions(Session session) {
        this.session = session;
    }

    Provider provider() {
        Project p = session.project();
        return p.schemaProvider().orElseGet(() -> session.resolvedUrl().url().provider());
    }

    private MigrationsFolder folder() {
        return MigrationsFolder.read(session.project().migrationsDir(), provider());
    }

    @Override
    public StatusReport reload() {
        return session.migrator().status(folder());
    }

    @Override
    public void resolveRolledBack(String name, String reason) {
        session.migrator().resolveRolledBack(folder(), name, reason, Migrator.DEFAULT_LOCK_TIMEOUT);
    }

    @Override
    public void resolveApplied(String name, String reason) {
        session.migrator().resolveApplied(folder(), name, reason, Migrator.DEFAULT_LOCK_TIMEOUT);
    }

    @Override
    public TimelineRecovery.Actions recovery() {
        return this;
    }

    @Override
    public TimelineRecovery.Preview preview(TimelineRecovery.Kind kind, String migration) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream text = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Out out = new Out(text, text, false);
        String refusal = null;
        Recovery recovery = new Recovery(session.target());
        switch (kind) {
            case RETRY -> {
                AttemptLedger l = session.migrator().ledger(Recovery.failed(session.migrator(), folder(), migration));
                out.println(l.describe());
                if (!l.nothingTookEffect()) {
                    refusal = "cannot simply run it again: " + RecoveryAdvice.next(migration, l);
                } else {
                    out.println("It is marked rolled back, then the pending migrations are applied (as `godwit apply`).");
                }
            }
            case FINISH -> {
                shownFinish = recovery.finishPlan(folder(), migration);
                new RecoveryText(out).finishPlan(shownFinish);
                refusal = shownFinish.refused() ? "cannot finish: " + shownFinish.refusals().get(0) : null;
            }
            case UNDO -> {
                shownUndoAttempt = recovery.failedAttemptId(folder(), migration);
                shownUndo = UndoPlanner.plan(session.target(), folder(), migration, new UndoPlanner.Replay(
                        session.project().root().resolve(".godwit").resolve("cache"), session.resolvedUrl().url(), session.shadowUrl(),
                        out::note));
                new RecoveryText(out).undoPlan(shownUndo);
                refusal = shownUndo.refused() ? "cannot undo: " + String.join("; ", shownUndo.refusals()) : null;
            }
        }
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().map(l -> l.startsWith("godwit: ") ? l.substring(8) : l).toList();
        return new TimelineRecovery.Preview(lines, refusal);
    }

    @Override
    public String run(TimelineRecovery.Kind kind, String migration, String reason) {
        Recovery recovery = new Recovery(session.target());
        Duration timeout = Migrator.DEFAULT_LOCK_TIMEOUT;
        switch (kind) {
            case RETRY -> {
                recovery.setAsideForRetry(folder(), migration, reason, timeout);
                ApplyResult r = session.migrator().apply(folder(), timeout, false, ApplyListener.NONE);
                return "Marked " + migration + " rolled back and applied " + r.applied().size() + " migration(s).";
            }
            case FINISH -> {
                recovery.finish(folder(), shownFinish, reason, timeout);
                return "Finished " + migration + ": marked applied with the checksum of its migration.sql.";
            }
            default -> {
                recovery.undo(folder(), shownUndo, shownUndoAttempt, reason, timeout);
                return "Undone: " + migration + " is rolled back and pending again; fix it if needed, then apply.";
            }
        }
    }

    @Override
    public DriftScreen.Actions drift() {
        return this;
    }

    @Override
    public DriftReport check() {
        return driftWorkflow().check();
    }

    @Override
    public String adopt(String name, Instant at, DriftReport report) {
        return driftWorkflow().adopt(report, name, at, Migrator.DEFAULT_LOCK_TIMEOUT);
    }

    /** Drift as the drift command runs it, told to nobody: on a full screen, printed lines would land in the picture. */
    private DriftWorkflow driftWorkflow() {
        return new DriftWorkflow(SessionWorkspace.of(session), Listener.QUIET);
    }

    @Override
    public String script(List<Change> changes) {
        return session.target().dialect().ddlWriter().script(changes);
    }

    /** Colours unless NO_COLOR, --no-color or TERM=dumb; production and the database name from the session. */
    static TimelineScreen.Options options(Session session) {
        boolean color = !session.options().noColor() && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        return new TimelineScreen.Options(color, session.production(), session.resolvedUrl().url().database());
    }
}
