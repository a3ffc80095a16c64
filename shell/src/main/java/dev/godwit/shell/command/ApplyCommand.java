package dev.godwit.shell.command;

import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.ExecutionMode;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.PlannedMigration;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.Durations;
import dev.godwit.shell.render.Json;
import dev.godwit.shell.session.Out;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "apply", aliases = "deploy", mixinStandardHelpOptions = true,
        description = {"Apply every pending migration in folder order (like prisma migrate deploy).",
                "Takes Prisma's migration lock, so godwit and Prisma never apply at once."})
public final class ApplyCommand extends SessionCommand {
    @Option(names = "--dry-run", description = "Print what would run, in order, and touch nothing.")
    boolean dryRun;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the migration lock (default: ${DEFAULT-VALUE} s).")
    int lockTimeoutSeconds;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    protected int run(Session session) {
        Out out = session.out();
        Migrator migrator = session.migrator();
        ApplyResult result = migrator.apply(session.migrations(), Duration.ofSeconds(lockTimeoutSeconds), dryRun,
                json ? warningsOnly(out) : new Progress(out));
        if (json) {
            out.println(Json.write(toJson(result)));
        } else if (dryRun) {
            printDryRun(out, result);
            LintNotes.pending(session, result.planned().stream().map(PlannedMigration::migration).toList());
        } else {
            printSummary(session, out, result);
        }
        return 0;
    }

    private static ApplyListener warningsOnly(Out out) {
        return new ApplyListener() {
            @Override
            public void warning(String message) {
                out.warn(message);
            }
        };
    }

    private static void printSummary(Session session, Out out, ApplyResult result) {
        if (result.createdHistoryTable()) {
            out.note("created the _prisma_migrations table");
        }
        if (result.applied().isEmpty()) {
            out.println("No pending migrations: " + session.target().display() + " is up to date.");
        } else {
            Duration total = result.applied().stream().map(ApplyResult.Applied::took).reduce(Duration.ZERO, Duration::plus);
            out.println("Applied " + result.applied().size() + (result.applied().size() == 1 ? " migration" : " migrations")
                    + " to " + session.target().display() + " in " + Durations.format(total) + ".");
        }
    }

    private static void printDryRun(Out out, ApplyResult result) {
        if (result.planned().isEmpty()) {
            out.println("Dry run: nothing to apply.");
            return;
        }
        out.println("Dry run: would apply " + result.planned().size() + " migration(s), in this order:");
        for (PlannedMigration p : result.planned()) {
            out.println("");
            out.println(out.style(Out.Style.BOLD, p.migration().name()) + "  (" + p.statements().size() + " statements, "
                    + (p.mode() == ExecutionMode.TRANSACTION ? "in one transaction" : "statement by statement") + ")");
            for (String reason : p.reasons()) {
                out.println("  why not one transaction: " + reason);
            }
            for (SqlStatement s : p.statements()) {
                out.println("  -- statement " + s.index() + ", line " + s.line());
                out.println("  " + s.text().replace("\n", "\n  ") + ";");
            }
        }
    }

    private static Map<String, Object> toJson(ApplyResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", r.dryRun());
        m.put("createdHistoryTable", r.createdHistoryTable());
        m.put("applied", r.applied().stream().map(a -> Map.of("name", a.name(), "mode", a.mode().name().toLowerCase(),
                "statements", a.statements(), "durationMs", a.took().toMillis())).toList());
        if (r.dryRun()) {
            m.put("planned", r.planned().stream().map(p -> {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("name", p.migration().name());
                pm.put("mode", p.mode().name().toLowerCase());
                pm.put("reasons", p.reasons());
                pm.put("statements", p.statements().stream().map(s -> Map.of("index", s.index(), "line", s.line(), "sql", s.text())).toList());
                return pm;
            }).toList());
        }
        m.put("warnings", r.warnings());
        return m;
    }

    /** One line per migration: name, then its time when done. */
    static final class Progress implements ApplyListener {
        private final Out out;

        Progress(Out out) {
            this.out = out;
        }

        @Override
        public void warning(String message) {
            out.warn(message);
        }

        @Override
        public void starting(LocalMigration m, ExecutionMode mode, List<String> reasons) {
            if (mode == ExecutionMode.STATEMENT_BY_STATEMENT && reasons.stream().anyMatch(r -> r.startsWith("statement"))) {
                out.note(m.name() + " runs statement by statement, not in one transaction: " + String.join("; ", reasons)
                        + ". If a statement fails, the earlier ones stay applied.");
            }
            out.print("Applying " + m.name() + " … ");
        }

        @Override
        public void applied(LocalMigration m, Duration took) {
            out.println(out.style(Out.Style.GREEN, "done") + " in " + Durations.format(took));
        }

        @Override
        public void failed(LocalMigration m, Duration took) {
            out.println(out.style(Out.Style.RED_BOLD, "FAILED") + " after " + Durations.format(took));
        }
    }
}
