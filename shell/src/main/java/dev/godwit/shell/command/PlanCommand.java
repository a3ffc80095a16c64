package dev.godwit.shell.command;

import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.MigrationWriter;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.psl.PslSchema;
import dev.godwit.engine.schema.Schema;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Write the migration that takes the migrations folder to schema.prisma (Prisma's migrate dev --create-only).",
                "Without --name it prints the migration and writes nothing.",
                "Data-loss findings use the row counts of the database and go into the migration as a comment block."})
public final class PlanCommand extends SessionCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Write <timestamp>_NAME/migration.sql (and down.sql).")
    String name;

    @Option(names = "--schema", paramLabel = "FILE", description = "The desired schema: a .prisma file (default: the project's) or sql:FILE_OR_DIR.")
    String schema;

    @Mixin
    RenameOptions renameOptions = new RenameOptions();

    @Option(names = "--reorder-enums", description = "Re-create enum types whose existing values schema.prisma lists in another order (by default the order is left as it is, as Prisma does).")
    boolean reorderEnums;

    @Option(names = "--safe", negatable = true,
            description = "Write the safe forms: indexes CONCURRENTLY in migrations of their own, constraints NOT VALID then VALIDATE, "
                    + "a required column added nullable then made NOT NULL after a fill (default: godwit.toml's [plan] safe).")
    Boolean safe;

    @Override
    protected int run(Session session) {
        Timing t = new Timing(session);
        PlanPreflight.checkProviderLock(session, schema);
        // schema.prisma, the cached schema and the database's schema (for the drift check, used when every
        // migration turns out to be applied) are read on other threads while the history is checked.
        Background<PslSchema> parsed = PlanSupport.parseAhead(session, schema);
        AtomicReference<Background<Optional<Schema>>> cached = new AtomicReference<>();
        AtomicReference<Background<Schema>> live = new AtomicReference<>();
        PlanSupport.History history;
        try {
            history = PlanSupport.checked(session, "plan a migration", f -> {
                cached.set(PlanSupport.readCacheAhead(session, f));
                Target target = session.target();
                live.set(Background.start("drift-read", () -> LiveSchema.read(target)));
            });
        } catch (RuntimeException e) {
            Background.settleAll(parsed, cached.get(), live.get());
            throw e;
        }
        MigrationsFolder folder = history.folder();
        PlanPreflight.adviseRebase(session, history.status());
        t.lap("history check");
        Schema desired;
        Schema current;
        try {
            desired = PlanSupport.desired(session, schema, parsed);
            t.lap("schema.prisma");
            current = PlanSupport.history(session, folder, cached.get());
            t.lap("migrations' schema");
        } finally {
            Background.settleAll(live.get(), cached.get());
        }
        if (history.allApplied()) {
            PlanSupport.refuseDrift(session, current, live.get().get());
        }
        t.lap("drift check");
        Renames renames = renameOptions.resolve(session, schema, current, desired, session.interactive());
        Schema target = PlanSupport.target(session, current, desired, schema, renames);
        Plan plan = PlanSupport.plan(session, current, target, renames, reorderEnums);
        t.lap("diff and data-loss checks");
        if (plan.isEmpty()) {
            session.out().println("No changes: the schema matches the " + folder.migrations().size()
                    + " migration(s) in " + folder.dir() + ". Nothing written.");
            return 0;
        }
        for (Finding f : plan.findings()) {
            session.out().warn((f.blocking() ? "cannot run on the data there now: " : "") + f.message());
        }
        if (SafePlanWriter.wanted(session, safe) && SafePlanWriter.run(session, plan, name)) {
            return 0;
        }
        LintNotes.planned(session, name == null ? "the planned migration" : name, plan.script());
        if (name == null) {
            session.out().print(plan.script());
            session.out().note(plan.changes().size() + " change(s); nothing written: add --name NAME to write the migration");
            return 0;
        }
        Path dir = session.project().migrationsDir();
        String written = MigrationWriter.write(dir, session.resolvedUrl().url().provider(), name, Instant.now(), plan);
        session.out().println("Wrote " + dir.resolve(written).resolve("migration.sql")
                + (plan.downScript().isBlank() ? "" : " and down.sql") + " (" + plan.changes().size() + " change(s)).");
        return 0;
    }

    /** With GODWIT_TIMING set, each phase's time on stderr (for benchmarks). */
    static final class Timing {
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
