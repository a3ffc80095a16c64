package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.project.FleetConfig;
import dev.godwit.engine.fleet.FleetDrift;
import dev.godwit.engine.fleet.FleetGuards;
import dev.godwit.engine.fleet.FleetRecord;
import dev.godwit.engine.fleet.FleetRunner;
import dev.godwit.engine.fleet.FleetTarget;
import dev.godwit.engine.fleet.FleetTargets;
import dev.godwit.engine.fleet.TargetOutcome;
import dev.godwit.engine.fleet.TargetRoutes;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.Provider;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.DriftText;
import dev.godwit.shell.render.Durations;
import dev.godwit.shell.render.Json;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.render.TableText;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code status --fleet NAME} and {@code apply --fleet NAME}: one command over every target of a fleet. */
final class FleetRun {
    /** Targets listed one by one in the summary table up to this many; beyond, only those not up to date. */
    private static final int FULL_TABLE = 40;

    private FleetRun() {
    }

    /** Fleet options of apply; null fields take the fleet's defaults from godwit.toml. */
    record ApplyOptions(Integer parallel, Integer canary, Integer maxFailures, boolean resume, Duration lockTimeout, boolean json) {
    }

    static int status(Session session, String fleet, Integer parallel, boolean json) {
        Setup s = setup(session, fleet);
        FleetRunner runner = new FleetRunner(s.folder, s.routes);
        List<TargetOutcome> outcomes = runner.status(s.targets, parallel != null ? parallel : s.config.parallel(),
                json ? FleetRunner.Listener.NONE : FleetRunner.Listener.NONE);
        Out out = session.out();
        if (json) {
            out.println(Json.write(json(fleet, "status", outcomes, null)));
        } else {
            TableText t = new TableText(List.of("target", "state", "applied", "pending", "failed", "note"));
            for (TargetOutcome o : outcomes) {
                t.row(List.of(o.target(), o.state().label(), String.valueOf(o.applied().size()), String.valueOf(o.pending()),
                        String.valueOf(o.failed()), o.error() == null ? "" : o.error()));
            }
            out.println("Fleet " + fleet + ": " + outcomes.size() + " targets, " + s.folder.migrations().size() + " migrations");
            t.lines().forEach(out::printlnAsIs);
            out.println(counts(outcomes));
        }
        return outcomes.stream().allMatch(o -> o.state() == TargetOutcome.State.UP_TO_DATE) ? 0 : 3;
    }

    /**
     * {@code drift --fleet NAME}: each target against what its applied migrations give; exit 0 when no target
     * drifted, 3 when one did, 1 when one could not be checked.
     */
    static int drift(Session session, String fleet, Integer parallel, boolean json) {
        Setup s = setup(session, fleet);
        List<FleetDrift.Result> results = new FleetDrift(s.folder, s.routes, session.shadowUrl())
                .run(s.targets, parallel != null ? parallel : s.config.parallel());
        List<TargetOutcome> outcomes = results.stream().map(FleetDrift.Result::outcome).toList();
        Out out = session.out();
        if (json) {
            Map<String, Object> m = json(fleet, "drift", outcomes, null);
            m.put("targets", results.stream().map(r -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("target", r.outcome().target());
                t.put("state", r.outcome().state().name().toLowerCase());
                t.put("differences", r.report() == null ? 0 : r.report().drift().size());
                t.put("error", r.report() == null ? r.outcome().error() : null);
                t.put("drift", r.report() == null ? null : DriftText.json(r.report()));
                return t;
            }).toList());
            out.println(Json.write(m));
        } else {
            TableText t = new TableText(List.of("target", "drift", "applied", "differences", "what"));
            for (FleetDrift.Result r : results) {
                TargetOutcome o = r.outcome();
                t.row(List.of(o.target(), o.state() == TargetOutcome.State.UP_TO_DATE ? "none" : o.state().label(),
                        String.valueOf(o.applied().size()), r.report() == null ? "" : String.valueOf(r.report().drift().size()),
                        o.error() == null ? "" : o.error()));
            }
            out.println("Fleet " + fleet + ": " + outcomes.size() + " targets, each against the schema its applied migrations give");
            t.lines().forEach(out::println);
            long drifted = outcomes.stream().filter(o -> o.state() == TargetOutcome.State.DRIFTED).count();
            long failed = outcomes.stream().filter(o -> o.state() == TargetOutcome.State.FAILED).count();
            out.println(outcomes.size() + " targets: " + (outcomes.size() - drifted - failed) + " without drift, " + drifted + " drifted"
                    + (failed > 0 ? ", " + failed + " not checked" : ""));
            if (drifted > 0) {
                out.println("Next: `godwit --url URL drift` on one target shows its differences and the scripts that revert or adopt them");
            }
        }
        if (outcomes.stream().anyMatch(o -> o.state() == TargetOutcome.State.FAILED)) {
            return 1;
        }
        return outcomes.stream().anyMatch(o -> o.state() == TargetOutcome.State.DRIFTED) ? 3 : 0;
    }

    static int apply(Session session, String fleet, ApplyOptions o) {
        Setup s = setup(session, fleet);
        Out out = session.out();
        FleetRunner.Options options = new FleetRunner.Options(o.parallel() != null ? o.parallel() : s.config.parallel(),
                o.canary() != null ? o.canary() : s.config.canary(), o.maxFailures() != null ? o.maxFailures() : s.config.maxFailures(),
                o.lockTimeout());
        if (!confirmedOnProduction(session, fleet, s)) {
            return 3;
        }
        Path root = session.project().root();
        FleetRecord record = o.resume() ? FleetRecord.resume(root, fleet, s.folder) : FleetRecord.start(root, fleet, s.folder);
        FleetRunner runner = new FleetRunner(s.folder, s.routes).replayCache(root.resolve(".godwit").resolve("cache"));
        // Ctrl-C or a TERM signal: no new target starts, those under way finish, and the record stays true.
        Thread onSignal = new Thread(() -> runner.stopAndWait(Duration.ofMinutes(5)), "godwit-fleet-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        long start = System.nanoTime();
        List<TargetOutcome> outcomes;
        try {
            if (!o.json()) {
                out.println("Fleet " + fleet + ": " + s.targets.size() + " targets, parallel " + options.parallel()
                        + (options.canary() > 0 ? ", " + options.canary() + " canary first" : "") + ", stopping after "
                        + options.maxFailures() + (options.maxFailures() == 1 ? " failure" : " failures") + (o.resume() ? ", resuming" : ""));
            }
            outcomes = runner.apply(s.targets, options, record, o.json() ? FleetRunner.Listener.NONE : new Progress(out));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException exiting) {
                // the JVM is shutting down already: the hook has run
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (o.json()) {
            out.println(Json.write(json(fleet, "apply", outcomes, took)));
        } else {
            summary(out, outcomes, took, record);
        }
        return outcomes.stream().allMatch(r -> r.state().ok()) ? 0 : 1;
    }

    private static void summary(Out out, List<TargetOutcome> outcomes, Duration took, FleetRecord record) {
        boolean all = outcomes.size() <= FULL_TABLE;
        TableText t = new TableText(List.of("target", "state", "applied", "time", "error"));
        for (TargetOutcome o : outcomes) {
            if (all || !o.state().ok()) {
                t.row(List.of(o.target(), o.state().label(), String.valueOf(o.applied().size()),
                        o.state() == TargetOutcome.State.SKIPPED || o.state() == TargetOutcome.State.DONE_EARLIER ? "" : Durations.format(o.took()),
                        o.error() == null ? "" : o.error()));
            }
        }
        out.println("");
        if (t.size() > 0) {
            t.lines().forEach(out::printlnAsIs);
        }
        int migrations = outcomes.stream().mapToInt(o -> o.applied().size()).sum();
        out.println(counts(outcomes) + "; " + migrations + (migrations == 1 ? " migration" : " migrations") + " applied in " + Durations.format(took));
        if (outcomes.stream().anyMatch(o -> o.state() == TargetOutcome.State.SKIPPED)) {
            out.println("Next: fix what failed, then `--resume` continues where this run stopped (record: " + record.file() + ")");
        }
    }

    private static String counts(List<TargetOutcome> outcomes) {
        Map<TargetOutcome.State, Integer> n = new EnumMap<>(TargetOutcome.State.class);
        outcomes.forEach(o -> n.merge(o.state(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder(outcomes.size() + (outcomes.size() == 1 ? " target: " : " targets: "));
        boolean first = true;
        for (Map.Entry<TargetOutcome.State, Integer> e : n.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().label());
            first = false;
        }
        return sb.toString();
    }

    private static Map<String, Object> json(String fleet, String command, List<TargetOutcome> outcomes, Duration took) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fleet", fleet);
        m.put("command", command);
        Map<String, Integer> counts = new LinkedHashMap<>();
        outcomes.forEach(o -> counts.merge(o.state().name().toLowerCase(), 1, Integer::sum));
        m.put("counts", counts);
        if (took != null) {
            m.put("durationMs", took.toMillis());
        }
        m.put("targets", outcomes.stream().map(o -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("target", o.target());
            t.put("state", o.state().name().toLowerCase());
            t.put(command.equals("apply") ? "applied" : "appliedMigrations", o.applied());
            if (command.equals("status")) {
                t.put("pending", o.pending());
                t.put("failed", o.failed());
            }
            t.put("error", o.error());
            if (!o.notes().isEmpty()) {
                t.put("readied", o.notes());
            }
            t.put("durationMs", o.took().toMillis());
            return t;
        }).toList());
        return m;
    }

    /**
     * The production guard of a single apply, once for the fleet: from CI (no terminal) a deploy goes ahead, as
     * Prisma's does, with a note naming the production targets; typed at a terminal the user types the fleet's
     * name, as the database's name for one database.
     */
    private static boolean confirmedOnProduction(Session session, String fleet, Setup s) {
        Map<String, String> production = FleetGuards.production(session.project(), s.targets, session.processEnv());
        if (production.isEmpty()) {
            return true;
        }
        String which = production.size() + " of its " + s.targets.size() + " targets " + (production.size() == 1 ? "is a" : "are")
                + " production database" + (production.size() == 1 ? "" : "s") + " (" + production.values().iterator().next() + "): "
                + String.join(", ", production.keySet().stream().limit(5).toList()) + (production.size() > 5 ? ", …" : "");
        if (session.terminal().isEmpty() || session.prompter() == null) {
            session.out().note("fleet " + fleet + ": " + which);
            return true;
        }
        boolean ok = session.prompter().confirm("This will apply the pending migrations on every target of fleet " + fleet + " (PRODUCTION).\n"
                + which + ".", fleet);
        if (!ok) {
            session.out().note("cancelled: nothing was changed");
        }
        return ok;
    }

    record Setup(FleetConfig config, List<FleetTarget> targets, MigrationsFolder folder, TargetRoutes routes) {
    }

    static Setup setup(Session session, String fleet) {
        Project p = session.project();
        FleetConfig config = FleetTargets.config(p, fleet);
        List<FleetTarget> targets = FleetTargets.resolve(p, config, session.options().env(), session.processEnv());
        if (targets.isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, "fleet " + fleet + " has no targets (its sources returned none)",
                    "check the fleet's urls, file, query or schemas pattern");
        }
        Provider provider = p.schemaProvider().orElse(targets.get(0).url().provider());
        for (FleetTarget t : targets) {
            if (t.url().provider() != provider) {
                throw new GodwitException(ErrorKind.USAGE, "fleet " + fleet + ": target " + t.name() + " is " + t.url().provider().prismaName()
                        + " but the project's migrations are for " + provider.prismaName(), "a fleet holds databases of one kind");
            }
        }
        MigrationsFolder folder = MigrationsFolder.read(p.migrationsDir(), provider);
        folder.warnings().forEach(session.out()::warn);
        Out out = session.out();
        TargetRoutes routes = new TargetRoutes(url -> FleetGuards.directUrl(p, session.options().env(), session.processEnv(), url),
                note -> {
                    synchronized (out) {
                        out.note(note);
                    }
                });
        return new Setup(config, targets, folder, routes);
    }

    /** One line per finished target: "[ 12/500] tenant_012  applied 20 in 1.2 s". */
    private static final class Progress implements FleetRunner.Listener {
        private final Out out;

        Progress(Out out) {
            this.out = out;
        }

        @Override
        public synchronized void finished(TargetOutcome o, int done, int total) {
            if (o.state() == TargetOutcome.State.SKIPPED) {
                return;
            }
            int width = String.valueOf(total).length();
            String counter = "[" + " ".repeat(width - String.valueOf(done).length()) + done + "/" + total + "] ";
            String what = switch (o.state()) {
                case APPLIED -> out.style(Out.Style.GREEN, "applied " + o.applied().size()) + " in " + Durations.format(o.took());
                case UP_TO_DATE -> "up to date";
                case DONE_EARLIER -> "done earlier";
                case FAILED -> out.style(Out.Style.RED_BOLD, "FAILED") + ": " + o.error();
                default -> o.state().label();
            };
            out.println(counter + o.target() + "  " + what);
            o.notes().forEach(n -> out.println(" ".repeat(counter.length() + 2) + "readied after the interrupted run: " + n));
        }
    }
}
