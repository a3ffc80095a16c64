package dev.godwit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the bench jar.
 * <pre>
 *   run [apply|status|memory|introspect|plan|all] [--quick] [--reps N] [--size N] [--db postgresql|mysql]   the scenarios, tables of medians and ratios
 *   run scale [--ops apply,status,introspect,diff,plan,parse] [--max N] [--prisma-max N] [--reps N]   cost as the work grows
 *   run history [--history NAME] [--reps N]                       a real project's history (scripts/bench-data/NAME)
 *   one CONTENDER OP URL PROJECT                                    one timed operation (a child process of run)
 *   warm CONTENDER URL PROJECT CALLS                                repeated status in one JVM
 * </pre>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        int code = switch (args[0]) {
            case "one" -> Contenders.one(args[1], args[2], args[3], Path.of(args[4]));
            case "warm" -> Contenders.warm(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            case "run" -> runScenarios(List.of(args).subList(1, args.length));
            default -> {
                usage();
                yield 2;
            }
        };
        System.exit(code);
    }

    private static int runScenarios(List<String> args) throws Exception {
        boolean quick = false;
        Integer reps = null;
        Integer size = null;
        String db = "all";
        List<String> scaleOps = ScaleScenario.OPERATIONS;
        int max = Integer.MAX_VALUE;
        int prismaMax = Integer.MAX_VALUE;
        String history = "langfuse";
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--quick" -> quick = true;
                case "--reps" -> reps = Integer.parseInt(args.get(++i));
                case "--size" -> size = Integer.parseInt(args.get(++i));
                case "--db" -> db = args.get(++i);
                case "--ops" -> scaleOps = List.of(args.get(++i).split(","));
                case "--max" -> max = Integer.parseInt(args.get(++i));
                case "--prisma-max" -> prismaMax = Integer.parseInt(args.get(++i));
                case "--history" -> history = args.get(++i);
                default -> scenarios.add(args.get(i));
            }
        }
        if (scenarios.isEmpty() || scenarios.contains("all")) {
            scenarios = List.of("apply", "status", "memory", "introspect", "plan");
        }
        Scenarios s = new Scenarios(Settings.fromEnvironment(quick, reps, size, db));
        int failures = 0;
        for (String name : scenarios) {
            failures += switch (name) {
                case "apply" -> s.apply();
                case "status" -> s.status();
                case "memory" -> s.memory();
                case "introspect" -> new IntrospectScenario(s).run();
                case "plan" -> new PlanScenario(s).run();
                // Not part of "all": the largest sizes take many minutes.
                case "scale" -> new ScaleScenario(s, scaleOps, max, prismaMax, reps != null ? reps : 1).run();
                // Not part of "all": it needs a real history brought into scripts/bench-data.
                case "history" -> new HistoryScenario(s, history).run();
                default -> {
                    System.err.println("bench: unknown scenario " + name + " (apply, status, memory, introspect, plan, all, scale, history)");
                    yield 1;
                }
            };
        }
        return failures == 0 ? 0 : 1;
    }

    private static void usage() {
        System.err.println("usage: bench run [apply|status|memory|introspect|plan|all|scale|history] [--quick] [--reps N] [--size N] [--db postgresql|mysql|all]"
                + " [--ops apply,status,introspect,diff,plan,parse] [--max N] [--prisma-max N] [--history NAME]");
    }
}
