package dev.godwit.shell.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.FailedMigrationsBlockException;
import dev.godwit.engine.migrate.MigrationFailedException;
import dev.godwit.engine.project.Secrets;
import dev.godwit.shell.render.Json;
import dev.godwit.shell.render.LedgerJson;
import dev.godwit.shell.session.Out;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --json} on every command: stdout then holds exactly one JSON object, whatever the exit code. A command
 * with a JSON form of its own prints it when it succeeds (or answers "action needed" with it, as status does);
 * any other outcome becomes an envelope: {@code {"command", "ok", "exitCode", "error": {...}, "output", "result"}}.
 * Messages stay on stderr.
 */
final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOutput() {
    }

    /** Gives every subcommand a --json option; those that print JSON themselves already have one. */
    static void offerEverywhere(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--json") == null) {
                spec.addOption(OptionSpec.builder("--json").type(boolean.class).arity("0")
                        .description("Print the outcome as one JSON object on stdout (also on errors).").build());
            }
        }
    }

    /**
     * {@code --json status} as {@code status --json}: --json is an option of each command, and one typed before
     * the command's name is meant for it as much as the global options there are. Words that are values of
     * the root's options ({@code --env json}) are left alone; without a command the line is unchanged.
     */
    static String[] afterCommand(CommandLine cli, String[] args) {
        CommandSpec root = cli.getCommandSpec();
        int json = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                if (json < 0) {
                    json = i;
                }
            } else if (a.startsWith("-")) {
                OptionSpec o = a.contains("=") ? null : root.findOption(a);
                if (o != null && o.arity().max() > 0) {
                    i++; // its value
                }
            } else if (json >= 0 && cli.getSubcommands().containsKey(a)) {
                java.util.List<String> moved = new java.util.ArrayList<>(java.util.Arrays.asList(args));
                moved.remove(json);
                moved.add(i, "--json"); // i: the command's index, one less now that --json is out, plus one
                return moved.toArray(String[]::new);
            } else {
                return args;
            }
        }
        return args;
    }

    static boolean requested(ParseResult pr) {
        ParseResult sub = innermost(pr);
        return sub != pr && sub.hasMatchedOption("--json");
    }

    static String commandName(ParseResult pr) {
        return innermost(pr).commandSpec().name();
    }

    private static ParseResult innermost(ParseResult pr) {
        ParseResult sub = pr;
        while (sub.hasSubcommand()) {
            sub = sub.subcommand();
        }
        return sub;
    }

    /** Runs the parsed command, collecting what it prints, and prints one object. */
    static int execute(ParseResult pr, CommandLine cli, Out out) {
        if (!requested(pr)) {
            return new CommandLine.RunLast().execute(pr);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream real = out.swapStdout(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        Exception failure = null;
        int code;
        try {
            code = new CommandLine.RunLast().execute(pr);
        } catch (CommandLine.ExecutionException ex) {
            // handled here rather than by picocli's caller, so that the error goes into the one object
            failure = ex.getCause() instanceof Exception cause ? cause : ex;
            try {
                code = cli.getExecutionExceptionHandler().handleExecutionException(failure, ex.getCommandLine(), pr);
            } catch (Exception handlerFailure) {
                code = 1;
            }
        } finally {
            out.swapStdout(real);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        JsonNode own = singleObject(printed);
        if (own != null && failure == null) {
            real.println(printed.strip());
            return code;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", commandName(pr));
        m.put("ok", code == 0);
        m.put("exitCode", code);
        m.put("error", failure == null ? null : error(failure));
        m.put("result", own);
        m.put("output", own != null || printed.isBlank() ? null : Secrets.mask(printed));
        real.println(Json.write(m));
        return code;
    }

    /** A usage error found while reading the command line, as the one object. */
    static void usageError(PrintStream stdout, String command, String message, int code) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", "usage");
        e.put("message", Secrets.mask(message));
        e.put("hint", command.equals("godwit") ? "run `godwit --help` for the commands and options" : "run `godwit " + command + " --help` for the options");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("ok", false);
        m.put("exitCode", code);
        m.put("error", e);
        m.put("result", null);
        m.put("output", null);
        stdout.println(Json.write(m));
    }

    static Map<String, Object> error(Exception ex) {
        Map<String, Object> e = new LinkedHashMap<>();
        if (ex instanceof GodwitException g) {
            e.put("kind", g.kind().name().toLowerCase());
            e.put("message", Secrets.mask(g.getMessage()));
            e.put("hint", g.hint() == null ? null : Secrets.mask(g.hint()));
        } else {
            e.put("kind", "internal");
            e.put("message", Secrets.mask(String.valueOf(ex)));
            e.put("hint", "run again with --verbose for details, and please report it");
        }
        if (ex instanceof MigrationFailedException f) {
            e.put("cancelled", f.cancelled());
            e.put("migration", f.migration());
            e.put("statement", f.statementIndex());
            e.put("statementCount", f.statementCount());
            e.put("line", f.line());
            e.put("databaseMessage", Secrets.mask(f.databaseMessage()));
            e.put("statementsApplied", f.statementsTakenEffect());
            e.put("statements", LedgerJson.of(f.ledger()));
            e.put("migrationsAppliedBefore", f.appliedBefore().stream().map(ApplyResult.Applied::name).toList());
        } else if (ex instanceof FailedMigrationsBlockException b) {
            e.put("migration", b.migrations().get(0));
            e.put("failedMigrations", b.migrations());
            e.put("statementsApplied", b.firstLedger().known() ? b.firstLedger().tookEffect() : null);
            e.put("statements", LedgerJson.of(b.firstLedger()));
        }
        return e;
    }

    private static JsonNode singleObject(String printed) {
        String text = printed.strip();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && (node.isObject() || node.isArray()) ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
