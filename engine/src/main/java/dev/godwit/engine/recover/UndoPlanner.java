package dev.godwit.engine.recover;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.ChangeSubjects;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatementsInEffect;
import dev.godwit.engine.shadow.ReplayCache;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.schema.Schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Works out how to undo what a failed attempt left in the database. The reverse is not written by hand
 * from the statements: the schema the history describes without the migration (the applied migrations
 * before it, replayed into a shadow database) is compared with the live database, and the differences on
 * the objects the migration's statements name are planned back, as the schema engine plans any change.
 * So it holds whatever took effect, known or not (a statement cut short, another tool's attempt).
 * <p>
 * What took effect may have destroyed something the reverse cannot bring back: a table or column dropped
 * (its rows), a type changed (values cast). Then the plan is refused, with the reason.
 */
public final class UndoPlanner {
    private UndoPlanner() {
    }

    /** Where the history is replayed: the project's replay cache, the main URL, the shadow URL. */
    public record Replay(Path cacheDir, DatabaseUrl main, Optional<DatabaseUrl> shadowUrl, Consumer<String> note) {
    }

    public static UndoPlan plan(Target target, MigrationsFolder folder, String name, Replay replay) {
        return plan(target, folder, name, replay, false);
    }

    /** {@code lockHeldByCaller}: the caller holds Prisma's lock, so an unfinished attempt is no apply running now. */
    public static UndoPlan plan(Target target, MigrationsFolder folder, String name, Replay replay, boolean lockHeldByCaller) {
        Migrator migrator = new Migrator(target, lockHeldByCaller);
        List<MigrationStatus> states = migrator.status(folder).migrations();
        MigrationStatus failed = Recovery.failedMigration(states, name);
        AttemptLedger ledger = migrator.ledger(failed);
        LocalMigration local = failed.local().orElseThrow(() -> new GodwitException(ErrorKind.USAGE,
                "cannot undo " + name + ": its migration.sql is not here, so godwit cannot tell which objects are its own",
                "put its folder back, or repair the database by hand and `godwit resolve --rolled-back " + name + "`"));

        List<LocalMigration> before = states.stream().filter(MigrationStatus::isApplied)
                .filter(s -> !s.name().equals(name)).flatMap(s -> s.local().stream()).toList();
        Schema live = LiveSchema.read(target);
        String shadow = null;
        Schema history;
        if (before.isEmpty()) {
            history = Schema.empty(live.name());
        } else {
            ReplayCache.Result r = new ReplayCache(replay.cacheDir()).schema(before, replay.main(), replay.shadowUrl(), replay.note());
            history = r.schema().withName(live.name());
            shadow = r.shadow();
        }

        List<Change> back = Differ.diff(live, history, target.dialect().diffHooks());
        String text = StatementsInEffect.text(migrator.plan(local), ledger);
        List<Change> own = new ArrayList<>();
        List<Change> unrelated = new ArrayList<>();
        for (Change c : back) {
            (ChangeSubjects.namedIn(c, text) ? own : unrelated).add(c);
        }
        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Change c : own) {
            ChangeSubjects.cannotRestore(c).ifPresent(refusals::add);
            DataNotes.dataNote(target, c).ifPresent(notes::add);
        }
        List<String> statements = target.dialect().ddlWriter().statements(own);
        return new UndoPlan(name, ledger, own, statements, notes, refusals, unrelated, shadow);
    }
}
