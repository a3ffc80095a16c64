package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.shell.render.ChangeText;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.HistoryCheck;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.shadow.ReplayCache;
import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.psl.PslSchema;
import dev.godwit.engine.psl.Unrepresented;
import dev.godwit.engine.diff.DiffHooks;
import dev.godwit.engine.schema.Schema;
import dev.godwit.shell.session.Session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What plan, dev and push share: the desired schema, the schema of the history, consent to data loss. */
final class PlanSupport {
    private PlanSupport() {
    }

    /** The desired schema: schema.prisma (or FILE), or a {@code sql:} source replayed in a shadow. */
    static Schema desired(Session session, String schemaOption) {
        return desired(session, schemaOption, null);
    }

    /**
     * schema.prisma (or FILE) read and parsed on a second thread, to overlap the history check;
     * null for a {@code sql:} source (replayed in a shadow, with output) or when the file is not known yet.
     */
    static Background<PslSchema> parseAhead(Session session, String schemaOption) {
        if (schemaOption != null && schemaOption.startsWith("sql:")) {
            return null;
        }
        Path file;
        try {
            file = schemaOption != null ? Path.of(schemaOption).toAbsolutePath() : session.project().schemaFile();
        } catch (RuntimeException e) {
            return null;   // reported in its turn by desired()
        }
        return Background.start("parse", () -> Psl.parseFile(file));
    }

    /** {@code parsed}: the file parsed by {@link #parseAhead}, or null to parse it now. */
    static Schema desired(Session session, String schemaOption, Background<PslSchema> parsed) {
        Provider provider = session.resolvedUrl().url().provider();
        String name = session.target().schema();
        if (schemaOption != null && schemaOption.startsWith("sql:")) {
            SchemaLoader.Loaded loaded = new SchemaLoader(session).load(DiffSource.parse(schemaOption));
            return loaded.schema().withName(name);
        }
        Path file = schemaOption != null ? Path.of(schemaOption).toAbsolutePath() : session.project().schemaFile();
        PslSchema psl = parsed != null ? parsed.get() : Psl.parseFile(file);
        if (psl.provider() != provider) {
            throw new GodwitException(ErrorKind.USAGE, file + " uses provider \"" + psl.provider().prismaName() + "\" but the database is "
                    + provider.prismaName(), "point godwit at a " + psl.provider().prismaName() + " database");
        }
        psl.warnings().forEach(session.out()::warn);
        return psl.toSchema(name);
    }

    /**
     * The cached schema of the whole history read on a second thread, to overlap the status check
     * (a pure file read; parsing the cache is a cold JVM's biggest single step); null when the folder
     * does not name its provider or is empty.
     */
    static Background<Optional<Schema>> readCacheAhead(Session session, MigrationsFolder folder) {
        Optional<Provider> provider = folder.lockedProvider();
        if (provider.isEmpty() || folder.migrations().isEmpty()) {
            return null;
        }
        ReplayCache cache = new ReplayCache(cacheDir(session));
        List<String> namespaces = session.target().namespaces();
        return Background.start("cache-read", () -> cache.cached(folder.migrations(), provider.get(), namespaces));
    }

    /** Like {@link #history(Session, MigrationsFolder)}, taking a hit of {@link #readCacheAhead} (null: none started). */
    static Schema history(Session session, MigrationsFolder folder, Background<Optional<Schema>> ahead) {
        Optional<Provider> locked = folder.lockedProvider();
        if (ahead != null && locked.isPresent() && locked.get() == session.resolvedUrl().url().provider()) {
            Optional<Schema> hit = ahead.get();
            if (hit.isPresent()) {
                session.out().note("the " + folder.migrations().size() + " migration(s) are unchanged: their schema comes from the cache");
                return hit.get().withName(session.target().schema());
            }
        }
        return history(session, folder);
    }

    private static Path cacheDir(Session session) {
        return session.project().root().resolve(".godwit").resolve("cache");
    }

    /** The schema the migrations folder describes, from the replay cache or a shadow replay. */
    static Schema history(Session session, MigrationsFolder folder) {
        ReplayCache cache = new ReplayCache(cacheDir(session));
        ReplayCache.Result r = cache.schema(folder.migrations(), session.resolvedUrl().url(), session.shadowUrl(),
                session.target().namespaces(), session.out()::note);
        if (r.schema() == null) {
            return Schema.empty(session.target().schema());
        }
        if (r.replayed() == 0) {
            session.out().note("the " + r.cachedPrefix() + " migration(s) are unchanged: their schema comes from the cache");
        }
        return r.schema().withName(session.target().schema());
    }

    /** Refuses when the history has a failed, edited or missing migration. */
    static MigrationsFolder checkedHistory(Session session, String action) {
        return checked(session, action).folder();
    }

    /** The migrations folder with its status, read once. */
    record History(MigrationsFolder folder, StatusReport status) {
        /** Whether every migration of the folder is applied (the database should then equal the history). */
        boolean allApplied() {
            return status.historyTableExists() && status.pending().isEmpty();
        }
    }

    /** Like {@link #checkedHistory}, keeping the status so it need not be read again. */
    static History checked(Session session, String action) {
        return checked(session, action, folder -> { });
    }

    /** {@code onFolder} runs once the folder is read, before its status is (to start work that overlaps it). */
    static History checked(Session session, String action, Consumer<MigrationsFolder> onFolder) {
        MigrationsFolder folder = session.migrations();
        onFolder.accept(folder);
        StatusReport status = session.migrator().status(folder);
        HistoryCheck.require(status, action);
        return new History(folder, status);
    }

    /**
     * Drift: the database differs from what its (all applied) migrations describe. Planning on top of it
     * would write a migration that does not fit the database, so plan and dev stop and say what differs.
     */
    static void refuseDrift(Session session, Schema history) {
        refuseDrift(session, history, LiveSchema.read(session.target()));
    }

    /** {@code live}: the target database's schema, read beforehand. */
    static void refuseDrift(Session session, Schema history, Schema live) {
        Dialect dialect = session.target().dialect();
        List<Change> drift = Differ.diff(history.withName(live.name()), live, dialect.diffHooks());
        if (!drift.isEmpty()) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "the database has drifted from its migrations ("
                    + ChangeText.summary(drift) + "):\n" + String.join("\n", ChangeText.lines(drift)),
                    "`godwit drift` shows the SQL both ways; record the drift with `godwit drift --adopt NAME`, "
                            + "or `godwit reset` a development database");
        }
    }

    /** Whether every migration of the folder is applied (the database should then equal the history). */
    static boolean allApplied(Session session, MigrationsFolder folder) {
        StatusReport report = session.migrator().status(folder);
        return report.historyTableExists() && report.pending().isEmpty();
    }

    /**
     * What the plan aims at. When the desired schema comes from a schema file ({@code schemaOption} is not a
     * {@code sql:} source), what the schema language cannot express (expression and partial indexes, check
     * constraints, views, …) is kept as {@code current} has it, as Prisma Migrate does. Renames come first, so
     * that what a renamed table or column carries is kept under its new name.
     */
    static Schema target(Session session, Schema current, Schema desired, String schemaOption, Renames renames) {
        boolean fromSchemaFile = schemaOption == null || !schemaOption.startsWith("sql:");
        return fromSchemaFile
                ? Unrepresented.keep(renames.applyTo(current.withName(desired.name())), desired, session.resolvedUrl().url().provider())
                : desired;
    }

    static Plan plan(Session session, Schema current, Schema target, Renames renames) {
        return plan(session, current, target, renames, false);
    }

    /**
     * The plan; enum values the schema lists in another order are reordered only with {@code reorderEnums}
     * (re-creating the type), else a note names each such enum and the option.
     */
    static Plan plan(Session session, Schema current, Schema target, Renames renames, boolean reorderEnums) {
        Dialect dialect = session.target().dialect();
        DiffHooks hooks = reorderEnums ? DiffHooks.reorderingEnums(dialect.diffHooks()) : dialect.diffHooks();
        if (!reorderEnums) {
            for (String r : Differ.enumReorderings(renames.applyTo(current.withName(target.name())), target)) {
                session.out().note(r + ": the order is left as it is (as Prisma does); --reorder-enums re-creates the type in the schema's order");
            }
        }
        return Plan.build(current, target, renames, dialect, hooks, session.target());
    }

    /** Unexecutable steps stop everything, with what to do. */
    static void refuseBlocking(Plan plan) {
        List<Finding> blocking = plan.blocking();
        if (!blocking.isEmpty()) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "the change cannot be carried out on the data the database holds:\n  - "
                    + String.join("\n  - ", blocking.stream().map(Finding::message).toList()),
                    "give the new required field a @default(…), or make it optional (`?`), or fill the NULL values first; "
                            + "on a development database `godwit reset --force` starts from empty tables");
        }
    }

    /** Warnings need --accept-data-loss in batch mode, or a "y" on a terminal. Returns false when the user declines. */
    static boolean consent(Session session, Plan plan, boolean acceptDataLoss, String what) {
        return consent(session, session.interactive(), plan, acceptDataLoss, what);
    }

    /** {@code mayAsk}: false in batch mode and with --yes, where only --accept-data-loss lets warnings through. */
    static boolean consent(Session session, boolean mayAsk, Plan plan, boolean acceptDataLoss, String what) {
        List<Finding> warnings = plan.warnings();
        if (warnings.isEmpty() || acceptDataLoss) {
            warnings.forEach(w -> session.out().warn(w.message()));
            return true;
        }
        String list = String.join("\n  - ", warnings.stream().map(Finding::message).toList());
        if (!mayAsk) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, what + " may lose data:\n  - " + list,
                    "without a terminal (or with --yes) godwit does not ask: add --accept-data-loss to go ahead");
        }
        session.out().warn(what + " may lose data:\n  - " + list);
        return ask(session, "Go ahead and accept the data loss?");
    }

    /** A yes/no question to the user, default no; callers check {@link Session#interactive()} first. */
    static boolean ask(Session session, String question) {
        return session.prompter().confirm(question, null);
    }
}
