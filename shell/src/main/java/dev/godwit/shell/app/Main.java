package dev.godwit.shell.app;

import dev.godwit.shell.session.Prompter;
import dev.godwit.shell.session.Session;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.project.Secrets;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.session.StopSignal;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Entry point. {@code godwit COMMAND …} runs one command; {@code -c}, {@code -f}
 * and piped stdin run a batch; no command on a terminal opens the shell.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, stdout, stderr, System.getenv()));
    }

    public static int run(String[] args, PrintStream stdout, PrintStream stderr, Map<String, String> env) {
        return run(args, stdout, stderr, env, null);
    }

    /** {@code prompter}: who answers questions instead of the console (tests); null for the console when there is one. */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr, Map<String, String> env, Prompter prompter) {
        boolean noColor = Arrays.asList(args).contains("--no-color");
        Out out = new Out(stdout, stderr, Out.colorWanted(noColor));
        int columns = Out.startingColumns(env);
        if (columns > 0) {
            out.wrapTo(() -> columns);
        }
        GodwitCommand root = new GodwitCommand(out, env);
        root.answerWith(prompter);
        CommandLine cli = args.length > 0 ? commandLine(root, out, args[0]) : commandLine(root, out);
        try {
            int code = cli.execute(JsonOutput.afterCommand(cli, args));
            if (code == 0 && cli.getParseResult() != null && !cli.getParseResult().hasSubcommand()
                    && !cli.isUsageHelpRequested() && !cli.isVersionHelpRequested()) {
                code = Batch.runWithoutCommand(root, out, env);
            }
            return code;
        } finally {
            StopSignal.commandFinished();
            if (root.existingSession() != null) {
                root.existingSession().close();
            }
        }
    }

    /** The whole tree: every command, the shell's included (help, completion, the shell, batches). */
    public static CommandLine commandLine(GodwitCommand root, Out out) {
        CommandLine cli = new CommandLine(root);
        for (GodwitCommand.Entry e : GodwitCommand.COMMANDS) {
            cli.addSubcommand(e.make().get());
        }
        dev.godwit.shell.command.ShellCommands.addTo(cli);
        return configured(cli, root, out);
    }

    /**
     * The tree for {@code godwit FIRST …}: when FIRST names one of the main commands, the root with
     * that command alone (the run cannot reach any other); otherwise the whole tree, which the
     * root's options, help, batches and the did-you-mean of a mistyped command need.
     */
    static CommandLine commandLine(GodwitCommand root, Out out, String first) {
        for (GodwitCommand.Entry e : GodwitCommand.COMMANDS) {
            if (e.names().contains(first)) {
                CommandLine cli = new CommandLine(root);
                cli.addSubcommand(e.make().get());
                return configured(cli, root, out);
            }
        }
        return commandLine(root, out);
    }

    private static CommandLine configured(CommandLine cli, GodwitCommand root, Out out) {
        // `status --version` prints godwit's version, as `godwit --version` does, rather than nothing
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        JsonOutput.offerEverywhere(cli);
        cli.setExecutionStrategy(pr -> JsonOutput.execute(pr, cli, out));
        cli.setOut(new PrintWriter(out.stdoutWriter(), true));
        cli.setErr(new PrintWriter(out.stderr(), true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        if (out.width() > 0) {
            // --help and `help COMMAND` fit the terminal, as the rest of the output does (picocli's least is 55)
            cli.setUsageHelpWidth(Math.max(55, Math.min(out.width(), 160)));
        }
        // `godwit -c status` and `-f apply`: a command name is a fine value for -c and -f
        cli.setAllowSubcommandsAsOptionParameters(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, root, out));
        cli.setParameterExceptionHandler((ex, args) -> {
            boolean inShell = root.existingSession() != null && root.existingSession().terminal().isPresent();
            String[] said = UsageErrors.describe(ex, inShell);
            out.error(said[0], said[1]);
            // diff --exit-code keeps 2 for "differences found": any error, bad options included, is 1.
            boolean diffExitCode = ex.getCommandLine().getCommandName().equals("diff") && Arrays.asList(args).contains("--exit-code");
            int code = diffExitCode ? ErrorKind.RUNTIME.exitCode() : ErrorKind.USAGE.exitCode();
            if (Arrays.asList(args).contains("--json")) {
                JsonOutput.usageError(out.stdoutWriter(), ex.getCommandLine().getCommandName(), ex.getMessage(), code);
            }
            return code;
        });
        return cli;
    }

    /** Turns any failure into an error line, a hint and an exit code; a stack trace only with --verbose. */
    static int report(Exception ex, GodwitCommand root, Out out) {
        if (root.existingSession() != null) {
            root.existingSession().recordFailure(ex);
            if (root.existingSession().quietConnectionLoss() && Session.isConnectionLoss(ex)) {
                return ErrorKind.CONNECTION.exitCode();
            }
        }
        boolean verbose = root.globals().verbose()
                || (root.existingSession() != null && root.existingSession().options().verbose());
        if (ex instanceof GodwitException g) {
            out.error(g.getMessage(), g.hint());
            if (verbose && g.getCause() != null) {
                out.stderr().println(Secrets.mask(dev.godwit.shell.session.TerminalText.safe(stackTrace(g), false)));
            }
            return g.kind().exitCode();
        }
        out.error("internal error: " + ex, verbose ? null : "run again with --verbose for details, and please report it");
        if (verbose) {
            out.stderr().println(Secrets.mask(dev.godwit.shell.session.TerminalText.safe(stackTrace(ex), false)));
        }
        return ErrorKind.RUNTIME.exitCode();
    }

    private static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
