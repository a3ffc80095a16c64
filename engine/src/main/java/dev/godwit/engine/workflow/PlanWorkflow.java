package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.MigrationWriter;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.psl.PslSchema;
import dev.godwit.engine.schema.Schema;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Planning the next migration: {@link #plan} (Prisma's {@code migrate dev --create-only}: the plan, written
 * by the caller or not) and {@link #dev} (Prisma's {@code migrate dev}: pending migrations applied, the next
 * one planned, consented to, written and applied). Both refuse a broken history and a database that drifted
 * from its migrations, keep what schema language cannot express, and ask about likely renames.
 */
public final class PlanWorkflow {
    private final Workspace workspace;
    private final Listener listener;
    private final Consent consent;
    private final Planning planning;

    public PlanWorkflow(Workspace workspace, Listener listener, Consent consent) {
        this.workspace = workspace;
        this.listener = listener;
        this.consent = consent;
        this.planning = new Planning(workspace, listener, consent);
    }

    /**
     * The migration that takes the migrations folder to the desired schema. Data-loss findings are part of
     * the plan (they go into the migration as a comment block), so this never needs consent.
     */
    public PlanOutcome plan(PlanRequest request) {
        Preflight.checkProviderLock(workspace.project(), request.desired());
        // the schema file, the cached schema and the database's schema (for the drift check, used when every
        // migration turns out to be applied) are read on other threads while the history is checked
        Background<PslSchema> parsed = planning.parseAhead(request.desired());
        AtomicReference<Background<Optional<Schema>>> cached = new AtomicReference<>();
        AtomicReference<Background<Schema>> live = new AtomicReference<>();
        Planning.History history;
        try {
            history = planning.checked("plan a migration", f -> {
                cached.set(planning.readCacheAhead(f));
                Target target = workspace.target();
                live.set(Background.start("drift-read", () -> LiveSchema.read(target)));
            });
        } catch (RuntimeException e) {
            Background.settleAll(parsed, cached.get(), live.get());
            throw e;
        }
        MigrationsFolder folder = history.folder();
        Preflight.adviseRebase(history.status(), listener);
        listener.phase("history check");
        Schema desired;
        Schema current;
        try {
            desired = planning.desired(request.desired(), parsed);
            listener.phase("schema.prisma");
            current = planning.history(folder, cached.get());
            listener.phase("migrations' schema");
        } finally {
            Background.settleAll(live.get(), cached.get());
        }
        if (history.allApplied()) {
            List<Change> drift = planning.drift(current, live.get().get());
            if (!drift.isEmpty()) {
                return new PlanOutcome.Blocked(drift, List.of());
            }
        }
        listener.phase("drift check");
        Renames renames = planning.renames(request, current, desired);
        Plan plan = planning.build(current, planning.target(current, desired, request.desired(), renames), renames, request.reorderEnums());
        listener.phase("diff and data-loss checks");
        if (plan.isEmpty()) {
            return new PlanOutcome.NoChanges(folder.migrations().size(), folder.dir());
        }
        return new PlanOutcome.Ready(plan, Optional.empty());
    }

    /**
     * Prisma's {@code migrate dev}: the pending migrations applied, then the next migration planned; steps that
     * cannot run on the data there now block it, data loss needs consent, and it is written and applied.
     */
    public PlanOutcome dev(DevRequest request) {
        PlanRequest what = request.plan();
        Preflight.check(workspace, what.desired(), listener);
        MigrationsFolder folder = planning.checked("plan a migration", f -> { }).folder();
        Migrator migrator = new Migrator(workspace.target());
        ApplyResult pending = migrator.apply(folder, request.lockTimeout(), false, request.applying(), request.lockRetry());
        if (!pending.applied().isEmpty()) {
            listener.step("Applied " + pending.applied().size() + " pending migration(s).");
        }
        Schema desired = planning.desired(what.desired(), null);
        Schema current = planning.history(folder, null);
        List<Change> drift = planning.drift(current);
        if (!drift.isEmpty()) {
            return new PlanOutcome.Blocked(drift, List.of());
        }
        Renames renames = planning.renames(what, current, desired);
        Plan plan = planning.build(current, planning.target(current, desired, what.desired(), renames), renames, what.reorderEnums());
        if (plan.isEmpty()) {
            return new PlanOutcome.NoChanges(folder.migrations().size(), folder.dir());
        }
        List<Finding> blocking = plan.blocking();
        if (!blocking.isEmpty()) {
            return new PlanOutcome.Blocked(List.of(), blocking);
        }
        listener.planned(request.label(), plan);
        Optional<PlanOutcome.NeedsConsent> refused = planning.consentToLoss(plan, request.acceptDataLoss(), "the new migration");
        if (refused.isPresent()) {
            return refused.get();
        }
        String name = request.name();
        if (name == null) {
            if (!consent.canAsk()) {
                throw new GodwitException(ErrorKind.USAGE, "the new migration needs a name; without a terminal godwit cannot ask",
                        "add --name NAME");
            }
            name = consent.ask("Name of the new migration: ");
            if (name == null || name.isBlank()) {
                return new PlanOutcome.NeedsConsent(List.of("Name of the new migration"), true);
            }
        }
        Path dir = workspace.project().migrationsDir();
        String written = MigrationWriter.write(dir, workspace.url().provider(), name, Instant.now(), plan);
        listener.step("Wrote " + dir.resolve(written).resolve("migration.sql") + ".");
        ApplyResult result = migrator.apply(workspace.migrations(listener), request.lockTimeout(), false, request.applying(),
                request.lockRetry());
        listener.step("Applied " + written + " to " + workspace.target().display() + " ("
                + result.applied().stream().mapToInt(ApplyResult.Applied::statements).sum() + " statement(s)).");
        return new PlanOutcome.Ready(plan, Optional.of(written));
    }
}
