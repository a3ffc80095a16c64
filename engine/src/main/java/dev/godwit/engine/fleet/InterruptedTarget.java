package dev.godwit.engine.fleet;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.RecoveryAdvice;
import dev.godwit.engine.migrate.TargetSession;
import dev.godwit.engine.recover.Recovery;
import dev.godwit.engine.recover.UndoPlan;
import dev.godwit.engine.recover.UndoPlanner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A target that a killed fleet run left in flight, made ready for its resumption. The killed run's server sessions
 * are waited for first (a statement they were running ends on its own; only then is the history final). Then each
 * migration the killed run stopped inside (a started row, never finished, with no word of why) is set aside:
 * <ul>
 *   <li>nothing of it took effect (a PostgreSQL transaction dies with its connection): marked rolled back;</li>
 *   <li>some statements took effect or may have (MySQL commits each DDL statement): what the database holds of it
 *       is reversed, as {@code resolve --undo} does, from the schema the database has against the one its applied
 *       migrations give, then marked rolled back.</li>
 * </ul>
 * The apply that follows runs the migration whole, once. Failures with a word of why (a statement failed) are the
 * user's to look at and are left alone, as is anything a run other than the killed one left. Prisma's lock is held
 * by the caller.
 */
final class InterruptedTarget {
    private final Target target;
    private final MigrationsFolder folder;
    /** Where the history is replayed to tell what to reverse; null: nothing is reversed. */
    private final UndoPlanner.Replay replay;

    InterruptedTarget(Target target, MigrationsFolder folder, UndoPlanner.Replay replay) {
        this.target = target;
        this.folder = folder;
        this.replay = replay;
    }

    /** Readies the target, telling {@code done} what was done (one line each); throws when it cannot be done safely. */
    void recover(Consumer<String> done, List<String> sessions, Duration wait, String reason) {
        awaitSessions(sessions, wait);
        Migrator migrator = new Migrator(target, true);
        Recovery recovery = new Recovery(target, true);
        for (MigrationStatus m : migrator.status(folder).failed()) {
            AttemptLedger ledger = migrator.ledger(m);
            if (ledger.outcome() != AttemptLedger.Outcome.KILLED) {
                continue;
            }
            if (ledger.nothingTookEffect()) {
                recovery.setAsideForRetry(folder, m.name(), reason, Duration.ZERO);
                done.accept(m.name() + ": nothing of it had taken effect; marked rolled back");
                continue;
            }
            if (replay == null) {
                throw new GodwitException(ErrorKind.ACTION_NEEDED, m.name() + " was stopped half-way by the interrupted run: "
                        + ledger.describe(), RecoveryAdvice.next(m.name(), ledger));
            }
            String attempt = recovery.failedAttemptId(folder, m.name());
            UndoPlan plan = UndoPlanner.plan(target, folder, m.name(), replay, true);
            if (plan.refused()) {
                throw new GodwitException(ErrorKind.ACTION_NEEDED, m.name() + " was stopped half-way by the interrupted run and cannot be "
                        + "reversed: " + String.join("; ", plan.refusals()), RecoveryAdvice.next(m.name(), ledger));
            }
            recovery.undo(folder, plan, attempt, reason, Duration.ZERO);
            done.accept(m.name() + ": " + (plan.nothingToUndo() ? "the database held nothing of it"
                    : plan.statements().size() + " statement(s) reversed what had taken effect") + "; marked rolled back");
        }
    }

    private void awaitSessions(List<String> sessions, Duration wait) {
        if (sessions.isEmpty()) {
            return;
        }
        try (Connection c = TargetSession.open(target)) {
            List<String> left = ServerSessions.awaitGone(c, target.dialect().provider(), sessions, wait);
            if (!left.isEmpty()) {
                throw new GodwitException(ErrorKind.ACTION_NEEDED, "the interrupted run's server session " + String.join(", ", left)
                        + " is still working on this target, so what it leaves is not final yet",
                        "wait for it to end (or end it on the server), then --resume again");
            }
        } catch (SQLException e) {
            throw TargetSession.failure(target, "looking for the interrupted run's sessions", e);
        }
    }
}
