package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.migrate.MigrationFolderName;
import dev.godwit.engine.plan.MigrationWriter;
import dev.godwit.engine.migrate.FailureLog;
import dev.godwit.engine.migrate.HistoryTable;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationFiles;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.UnmanagedObject;
import dev.godwit.engine.shadow.ShadowDatabase;
import dev.godwit.engine.shadow.ShadowProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Adopts a database that has tables but no migration history: its live schema becomes the first
 * migration (the SQL that {@code diff --from empty --to database} prints), recorded as applied
 * the way {@code resolve --applied} records it, so later migrations build on it. In two calls, so that a
 * front end may show the draft before anything is asked: {@link #draft}, then {@link #adopt} of the draft.
 */
public final class BaselineWorkflow {
    /**
     * The migration about to be written: its folder name, its SQL, the changes it holds, and what the
     * database holds that godwit does not manage (functions, triggers, …), which the SQL leaves out.
     */
    public record Draft(String folder, String script, List<Change> changes, List<UnmanagedObject> leftOut) {
        public Draft {
            changes = List.copyOf(changes);
            leftOut = List.copyOf(leftOut);
        }
    }

    private final Workspace workspace;
    private final Listener listener;
    private final Consent consent;

    public BaselineWorkflow(Workspace workspace, Listener listener, Consent consent) {
        this.workspace = workspace;
        this.listener = listener;
        this.consent = consent;
    }

    /**
     * Reads the live schema into a draft ({@code Ready}, not recorded); blocked when there is already a history,
     * no changes when there is nothing to adopt. Nothing is written.
     */
    public BaselineOutcome draft(BaselineRequest request) {
        MigrationsFolder folder = workspace.migrations(listener);
        if (!folder.migrations().isEmpty()) {
            return new BaselineOutcome.Blocked(ErrorKind.USAGE, folder.dir() + " already has " + folder.migrations().size()
                    + " migration(s), so this project has a history to build on",
                    "to record that the database already holds them, run `godwit resolve --applied NAME` for each");
        }
        Target target = workspace.target();
        int rows = historyRows(target);
        if (rows > 0) {
            return new BaselineOutcome.Blocked(ErrorKind.USAGE, target.display() + " already records " + rows
                    + " migration attempt(s) in _prisma_migrations, so it is not a database without history",
                    "restore the migrations folder from version control; `godwit status` shows what the database recorded");
        }
        Schema live = LiveSchema.read(target);
        List<Change> changes = Differ.diff(Schema.empty(live.name()), live, target.dialect().diffHooks());
        if (changes.isEmpty()) {
            return new BaselineOutcome.NoChanges("nothing to baseline: the schema \"" + target.schema() + "\" of "
                    + target.display() + " holds no tables, enums or views godwit manages",
                    "an empty database needs no baseline: `godwit dev` or `godwit plan` start the history");
        }
        String script = target.dialect().ddlWriter().script(changes);
        String name = MigrationFolderName.of(request.name(), MigrationWriter.after(folder.dir(), request.now()));
        return new BaselineOutcome.Ready(new Draft(name, script, changes, live.unmanaged()), false);
    }

    /**
     * Writes the draft of {@link #draft}: with {@code createOnly} only its migration.sql (and the lock file when
     * missing); otherwise, once its SQL is known to replay and consent is given, written and recorded as applied.
     */
    public BaselineOutcome adopt(Draft draft, BaselineRequest request) {
        Path dir = workspace.project().migrationsDir();
        Provider provider = workspace.url().provider();
        if (request.createOnly()) {
            MigrationFiles.write(dir, provider, draft.folder(), draft.script());
            listener.step("Wrote " + dir.resolve(draft.folder()).resolve(MigrationsFolder.SCRIPT_FILE) + " (not recorded). Edit it, then "
                    + "`godwit resolve --applied " + draft.folder() + "` records it as applied.");
            return new BaselineOutcome.Ready(draft, false);
        }
        Optional<BaselineOutcome.Blocked> unreplayable = checkReplays(draft);
        if (unreplayable.isPresent()) {
            return unreplayable.get();
        }
        String question = "Write " + dir.resolve(draft.folder()).resolve(MigrationsFolder.SCRIPT_FILE)
                + " from the live schema and record it as applied?";
        if (!consent.canAsk()) {
            return new BaselineOutcome.NeedsConsent(question, false);
        }
        if (!consent.confirm(question)) {
            return new BaselineOutcome.NeedsConsent(question, true);
        }
        MigrationFiles.writeApplied(new Migrator(workspace.target()), dir, provider, draft.folder(), draft.script(),
                "baseline of the existing database", request.lockTimeout());
        listener.step("Wrote " + dir.resolve(draft.folder()).resolve(MigrationsFolder.SCRIPT_FILE) + " and recorded " + draft.folder()
                + " as applied: the history now starts from what the database holds.");
        return new BaselineOutcome.Ready(draft, true);
    }

    /**
     * Replays the draft into a shadow database: a baseline that cannot build the schema on an empty database
     * (a default or view calling a function godwit does not write) would be recorded now and fail on every
     * later replay, so it is refused with the database's message before anything is written.
     */
    private Optional<BaselineOutcome.Blocked> checkReplays(Draft draft) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("godwit-baseline");
            Files.writeString(tmp.resolve(MigrationsFolder.SCRIPT_FILE), draft.script(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write the baseline draft: " + e.getMessage());
        }
        try (ShadowDatabase shadow = ShadowProvider.open(workspace.url(), workspace.shadowUrl())) {
            shadow.replay(List.of(LocalMigration.load(draft.folder(), tmp.resolve(MigrationsFolder.SCRIPT_FILE))));
            return Optional.empty();
        } catch (GodwitException e) {
            return Optional.of(new BaselineOutcome.Blocked(ErrorKind.ACTION_NEEDED, "the baseline's SQL does not build this schema on an "
                    + "empty database, so every later replay (plan, drift, a new database) would fail:\n" + e.getMessage(),
                    draft.leftOut().isEmpty() ? "`godwit baseline --create-only` writes the file without recording it: fix it, then "
                            + "`godwit resolve --applied " + draft.folder() + "`"
                            : "the database has objects godwit does not write (" + String.join(", ", draft.leftOut().stream()
                            .map(u -> u.kind() + " " + u.name()).toList()) + "): `godwit baseline --create-only` writes the file "
                            + "without recording it; add their SQL at its top, then `godwit resolve --applied " + draft.folder() + "`"));
        } finally {
            MigrationFiles.deleteQuietly(tmp);
        }
    }

    private static int historyRows(Target target) {
        HistoryTable history = new HistoryTable(target.dialect(), target.schema());
        try (Connection c = target.dataSource().getConnection()) {
            target.dialect().prepareSession(c, target.schema());
            return history.exists(c) ? history.readAll(c).size() : 0;
        } catch (SQLException e) {
            if (target.dialect().isConnectionLoss(e)) {
                throw target.dialect().connectionFailure(e, target.display());
            }
            throw new GodwitException(ErrorKind.RUNTIME, target.display() + ": reading the migration history: "
                    + FailureLog.databaseMessage(e), null, e);
        }
    }
}
