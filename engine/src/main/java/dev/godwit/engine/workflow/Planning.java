package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.Provider;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.DiffHooks;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.HistoryCheck;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.psl.PslSchema;
import dev.godwit.engine.psl.Unrepresented;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.shadow.ReplayCache;
import dev.godwit.engine.shadow.SqlScripts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The steps plan, dev and push share: the desired schema, the schema of the history (from the replay cache
 * or a shadow replay), the history and drift checks, the renames, the plan itself, consent to data loss.
 */
final class Planning {
    private final Workspace workspace;
    private final Listener listener;
    private final Consent consent;

    Planning(Workspace workspace, Listener listener, Consent consent) {
        this.workspace = workspace;
        this.listener = listener;
        this.consent = consent;
    }

    /** The migrations folder with its status, read once. */
    record History(MigrationsFolder folder, StatusReport status) {
        /** Whether every migration of the folder is applied (the database should then equal the history). */
        boolean allApplied() {
            return status.historyTableExists() && status.pending().isEmpty();
        }
    }

    /** Refuses a history with a failed, edited or missing migration. {@code onFolder} runs once the folder is read, before its status is. */
    History checked(String action, Consumer<MigrationsFolder> onFolder) {
        MigrationsFolder folder = workspace.migrations(listener);
        onFolder.accept(folder);
        StatusReport status = new Migrator(workspace.target()).status(folder);
        HistoryCheck.require(status, action);
        return new History(folder, status);
    }

    /**
     * The schema file read and parsed on a second thread, to overlap the history check; null for SQL
     * (replayed in a shadow, with notes) or when the file is not known yet.
     */
    Background<PslSchema> parseAhead(DesiredSchema desired) {
        if (!desired.isSchemaLanguage()) {
            return null;
        }
        Path file;
        try {
            file = schemaFile(desired);
        } catch (RuntimeException e) {
            return null;   // reported in its turn by desired()
        }
        return Background.start("parse", () -> Psl.parseFile(file));
    }

    private Path schemaFile(DesiredSchema desired) {
        return desired.file() != null ? desired.file() : workspace.project().schemaFile();
    }

    /** The desired schema; {@code parsed}: the file parsed by {@link #parseAhead}, or null to parse it now. */
    Schema desired(DesiredSchema desired, Background<PslSchema> parsed) {
        Provider provider = workspace.url().provider();
        String name = workspace.target().schema();
        if (!desired.isSchemaLanguage()) {
            return SqlScripts.replay(SqlScripts.files(Path.of(desired.sql()).toAbsolutePath()), "SQL " + desired.sql(),
                    workspace.url(), workspace.shadowUrl(), workspace.target().namespaces(), listener::note).withName(name);
        }
        Path file = schemaFile(desired);
        PslSchema psl = parsed != null ? parsed.get() : Psl.parseFile(file);
        if (psl.provider() != provider) {
            throw new GodwitException(ErrorKind.USAGE, file + " uses provider \"" + psl.provider().prismaName() + "\" but the database is "
                    + provider.prismaName(), "point godwit at a " + psl.provider().prismaName() + " database");
        }
        psl.warnings().forEach(listener::warn);
        return psl.toSchema(name);
    }

    /**
     * The cached schema of the whole history read on a second thread, to overlap the status check (a pure
     * file read; parsing the cache is a cold JVM's biggest single step); null when the folder does not name
     * its provider or is empty.
     */
    Background<Optional<Schema>> readCacheAhead(MigrationsFolder folder) {
        Optional<Provider> provider = folder.lockedProvider();
        if (provider.isEmpty() || folder.migrations().isEmpty()) {
            return null;
        }
        ReplayCache cache = new ReplayCache(workspace.cacheDir());
        List<String> namespaces = workspace.target().namespaces();
        return Background.start("cache-read", () -> cache.cached(folder.migrations(), provider.get(), namespaces));
    }

    /** The schema the migrations folder describes: a hit of {@link #readCacheAhead} (null: none started), else the cache or a replay. */
    Schema history(MigrationsFolder folder, Background<Optional<Schema>> ahead) {
        Optional<Provider> locked = folder.lockedProvider();
        if (ahead != null && locked.isPresent() && locked.get() == workspace.url().provider()) {
            Optional<Schema> hit = ahead.get();
            if (hit.isPresent()) {
                listener.note("the " + folder.migrations().size() + " migration(s) are unchanged: their schema comes from the cache");
                return hit.get().withName(workspace.target().schema());
            }
        }
        ReplayCache.Result r = new ReplayCache(workspace.cacheDir()).schema(folder.migrations(), workspace.url(), workspace.shadowUrl(),
                workspace.target().namespaces(), listener::note);
        if (r.schema() == null) {
            return Schema.empty(workspace.target().schema());
        }
        if (r.replayed() == 0) {
            listener.note("the " + r.cachedPrefix() + " migration(s) are unchanged: their schema comes from the cache");
        }
        return r.schema().withName(workspace.target().schema());
    }

    /**
     * Drift: how the database ({@code live}) differs from what its (all applied) migrations describe. Planning
     * on top of it would write a migration that does not fit the database.
     */
    List<Change> drift(Schema history, Schema live) {
        return Differ.diff(history.withName(live.name()), live, workspace.target().dialect().diffHooks());
    }

    /** {@link #drift(Schema, Schema)} against the database read now. */
    List<Change> drift(Schema history) {
        return drift(history, LiveSchema.read(workspace.target()));
    }

    /** The renames to plan with: those requested, and the likely ones someone confirms. */
    Renames renames(PlanRequest request, Schema from, Schema desired) {
        return RenameChoice.resolve(request.renames(), new ModelNames(workspace.project(), request.desired()), from, desired,
                workspace.target().dialect().diffHooks(), consent, listener);
    }

    /**
     * What the plan aims at. From schema language, what it cannot express (expression and partial indexes,
     * check constraints, views, …) is kept as {@code current} has it, as Prisma Migrate does. Renames come
     * first, so that what a renamed table or column carries is kept under its new name.
     */
    Schema target(Schema current, Schema desired, DesiredSchema source, Renames renames) {
        return source.isSchemaLanguage()
                ? Unrepresented.keep(renames.applyTo(current.withName(desired.name())), desired, workspace.url().provider())
                : desired;
    }

    /**
     * The plan; enum values the schema lists in another order are reordered only with {@code reorderEnums}
     * (re-creating the type), else a note names each such enum and the option.
     */
    Plan build(Schema current, Schema target, Renames renames, boolean reorderEnums) {
        Dialect dialect = workspace.target().dialect();
        DiffHooks hooks = reorderEnums ? DiffHooks.reorderingEnums(dialect.diffHooks()) : dialect.diffHooks();
        if (!reorderEnums) {
            for (String r : Differ.enumReorderings(renames.applyTo(current.withName(target.name())), target)) {
                listener.note(r + ": the order is left as it is (as Prisma does); --reorder-enums re-creates the type in the schema's order");
            }
        }
        return Plan.build(current, target, renames, dialect, hooks, workspace.target());
    }

    /**
     * Data loss needs consent: {@code accepted} in advance, or a yes. Empty to go ahead (each warning told),
     * else what was not consented to. {@code what} names the change in the question ("the new migration").
     */
    Optional<PlanOutcome.NeedsConsent> consentToLoss(Plan plan, boolean accepted, String what) {
        List<Finding> warnings = plan.warnings();
        if (warnings.isEmpty() || accepted) {
            warnings.forEach(w -> listener.warn(w.message()));
            return Optional.empty();
        }
        List<String> messages = warnings.stream().map(Finding::message).toList();
        if (!consent.canAsk()) {
            return Optional.of(new PlanOutcome.NeedsConsent(messages, false));
        }
        listener.warn(what + " may lose data:\n  - " + String.join("\n  - ", messages));
        return consent.confirm("Go ahead and accept the data loss?") ? Optional.empty()
                : Optional.of(new PlanOutcome.NeedsConsent(messages, true));
    }
}
