package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.dialect.Blocker;
import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.LockRetry;
import dev.godwit.engine.project.SafetyConfig;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.ExecutionMode;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.PlannedMigration;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.StopSignal;
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

    @picocli.CommandLine.Mixin
    FleetOptions.Apply fleet = new FleetOptions.Apply();

    @Option(names = "--lock-timeout-per-statement", paramLabel = "DURATION",
            description = "Each statement waits at most this long for its locks (e.g. 5s, 500ms; PostgreSQL lock_timeout, "
                    + "MySQL lock_wait_timeout) instead of queueing the application behind it (default: godwit.toml's [apply]).")
    String lockTimeoutPerStatement;

    @Option(names = "--retries", paramLabel = "N",
            description = "After a lock time-out, try again N times with a doubling backoff (default: godwit.toml's [apply], else 3).")
    Integer retries;

    @Override
    protected int run(Session session) {
        if (fleet.active() && dryRun) {
            throw new dev.godwit.engine.GodwitException(dev.godwit.engine.ErrorKind.USAGE, "apply --fleet does not take --dry-run",
                    "`godwit status --fleet " + fleet.fleet + "` shows what each target has pending");
        }
        if (fleet.active()) {
            return FleetRun.apply(session, fleet.fleet, new FleetRun.ApplyOptions(fleet.parallel, fleet.canary, fleet.maxFailures,
                    fleet.resume, Duration.ofSeconds(lockTimeoutSeconds), json));
        }
        return apply(session, Duration.ofSeconds(lockTimeoutSeconds));
    }

    /** Applies with this command's options (defaults when made by another command, as resolve --retry does). */
    int apply(Session session, Duration lockTimeout) {
        Out out = session.out();
        if (!dryRun && !confirmedAtProductionPrompt(session)) {
            return 3;
        }
        Migrator migrator = session.migrator();
        // the shell cancels on Ctrl-C itself; a one-shot apply cancels on Ctrl-C and SIGTERM through a shutdown hook
        Thread stop = session.terminal().isPresent() || dryRun ? null : StopSignal.install(session);
        ApplyResult result;
        try {
            result = migrator.apply(session.migrations(), lockTimeout, dryRun, json ? warningsOnly(out) : new Progress(out),
                    lockRetry(session, lockTimeoutPerStatement, retries));
        } finally {
            StopSignal.remove(stop);
        }
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

    /**
     * Deploys on production run from CI without a question, as Prisma's do; typed at a production shell prompt,
     * where a slip of the keyboard is the risk, apply asks for the database name as the screens do.
     */
    private boolean confirmedAtProductionPrompt(Session session) {
        if (!session.production() || session.terminal().isEmpty() || session.prompter() == null || resolveRetry) {
            return true;
        }
        return Confirmation.ask(session, "apply the pending migrations", false);
    }

    /** Set when resolve --retry applies after its own confirmation. */
    boolean resolveRetry;

    private static ApplyListener warningsOnly(Out out) {
        return new ApplyListener() {
            @Override
            public void warning(String message) {
                out.warn(message);
            }

            @Override
            public void lockTimedOut(LocalMigration m, SqlStatement s, int attempt, int attempts, List<Blocker> blockers,
                                     Duration retryIn, boolean wholeTransaction) {
                out.warn(LockWaitText.describe(m, s, attempt, attempts, blockers, retryIn, wholeTransaction));
            }
        };
    }

    /**
     * The lock-aware settings: the option, else godwit.toml's [apply]; none when neither sets a time-out
     * (then statements wait for locks as the server lets them).
     */
    static LockRetry lockRetry(Session session, String option, Integer retriesOption) {
        SafetyConfig config;
        try {
            config = session.project().config().safety();
        } catch (GodwitException e) {
            config = SafetyConfig.DEFAULT;
        }
        Duration perStatement = option != null ? SafetyConfig.duration(option, "--lock-timeout-per-statement", "the command line")
                : config.lockTimeoutPerStatement();
        if (retriesOption != null && retriesOption < 0) {
            throw new GodwitException(ErrorKind.USAGE, "--retries must be 0 or more", null);
        }
        if (perStatement == null) {
            if (retriesOption != null) {
                throw new GodwitException(ErrorKind.USAGE, "--retries needs a per-statement lock time-out",
                        "add --lock-timeout-per-statement 5s, or set lock_timeout_per_statement in godwit.toml's [apply]");
            }
            return null;
        }
        int n = retriesOption != null ? retriesOption : config.lockTimeoutPerStatement() != null && config.retries() > 0 ? config.retries() : 3;
        return LockRetry.of(perStatement, n);
    }

    private static void printSummary(Session session, Out out, ApplyResult result) {
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
                out.printlnAsIs("  " + s.text().replace("\n", "\n  ") + ";");
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
        public void createdHistoryTable() {
            out.note("created the _prisma_migrations table"); // before the migrations it will record
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
        public void lockTimedOut(LocalMigration m, SqlStatement s, int attempt, int attempts, List<Blocker> blockers,
                                 Duration retryIn, boolean wholeTransaction) {
            out.println(out.style(Out.Style.YELLOW, "lock wait"));
            out.warn(LockWaitText.describe(m, s, attempt, attempts, blockers, retryIn, wholeTransaction));
            if (retryIn != null) {
                out.print("Applying " + m.name() + " (attempt " + (attempt + 1) + " of " + attempts + ") … ");
            }
        }

        @Override
        public void failed(LocalMigration m, Duration took) {
            out.println(out.style(Out.Style.RED_BOLD, "FAILED") + " after " + Durations.format(took));
        }

        @Override
        public void cancelled(LocalMigration m, Duration took) {
            out.println(out.style(Out.Style.YELLOW, "CANCELLED") + " after " + Durations.format(took));
        }
    }
}
