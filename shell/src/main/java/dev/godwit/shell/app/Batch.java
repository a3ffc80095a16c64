package dev.godwit.shell.app;

import dev.godwit.shell.session.CommandSplitter;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Session;

import dev.godwit.engine.ErrorKind;
import dev.godwit.shell.session.Out;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Runs several commands on one session (one connection, one embedded server):
 * from {@code -c}, from {@code -f FILE}, or from piped stdin; never prompts. A migration tool that
 * goes on after a failed or refused step can do harm (a seed after a failed apply, an apply after a
 * refused check), so a batch stops at the first command that exits non-zero and says which commands
 * did not run; {@code --on-error continue} runs them all. The exit code is that of the first failure
 * either way, so a script's caller sees what went wrong first, not what happened last.
 *
 * <p>{@code status}'s exit 3 ("migrations are pending or failed") is a report, not a failure, when
 * more commands follow: {@code status; apply; status} is how people look before they act, and the
 * apply must run. As the last command its 3 is the batch's exit code, as it is on its own.
 */
public final class Batch {
    private Batch() {
    }

    static int runWithoutCommand(GodwitCommand root, Out out, Map<String, String> env) {
        try {
            if (root.commands != null) {
                return run(root, out, env, root.commands);
            }
            if (root.file != null) {
                String text = root.file.toString().equals("-")
                        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(root.file, StandardCharsets.UTF_8);
                return run(root, out, env, text);
            }
            if (System.console() == null) {
                String text = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines()
                        .reduce("", (a, b) -> a + b + "\n");
                return run(root, out, env, text);
            }
            return Repl.run(root, out, env);
        } catch (IOException e) {
            out.error("cannot read commands: " + e.getMessage(), null);
            return ErrorKind.USAGE.exitCode();
        }
    }

    static int run(GodwitCommand root, Out out, Map<String, String> env, String script) {
        Session shared = root.session(new GlobalOptions());
        shared.setBatch(true);
        boolean goOn = root.onError == GodwitCommand.OnError.CONTINUE || root.continueOnError;
        List<List<String>> commands = CommandSplitter.split(script, sqlProvider(shared));
        int first = 0;
        for (int i = 0; i < commands.size(); i++) {
            List<String> words = commands.get(i);
            if (isExit(words)) {
                break;
            }
            int code = runOne(shared, out, env, words);
            boolean last = i + 1 == commands.size() || isExit(commands.get(i + 1));
            if (code == ErrorKind.ACTION_NEEDED.exitCode() && !last && "status".equals(commandName(words))) {
                continue;
            }
            if (code != 0 && first == 0) {
                first = code;
            }
            if (code != 0 && !goOn) {
                List<String> rest = commands.subList(i + 1, commands.size()).stream()
                        .takeWhile(w -> !isExit(w))
                        .map(w -> w.get(0)).toList();
                if (!rest.isEmpty()) {
                    out.note("stopped: `" + words.get(0) + "` exited with " + code + "; not run: " + String.join(", ", rest)
                            + " (--on-error continue runs every command)");
                }
                return code;
            }
        }
        return first;
    }

    private static boolean isExit(List<String> words) {
        return words.get(0).equals("exit") || words.get(0).equals("quit");
    }

    /** The command a batch line runs: its first word after a leading {@code godwit} and the global options. */
    static String commandName(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i == 0 && w.equals("godwit")) {
                continue;
            }
            if (w.startsWith("-")) {
                if (!w.contains("=") && List.of("--env", "-e", "--url", "--project").contains(w)) {
                    i++;
                }
                continue;
            }
            return w;
        }
        return null;
    }

    /** Whose SQL rules split the statements of sql commands: the project's provider when known, else PostgreSQL's. */
    private static dev.godwit.engine.Provider sqlProvider(Session session) {
        try {
            if (session.options().url() != null) {
                return dev.godwit.engine.project.DatabaseUrl.parse(session.options().url()).provider();
            }
            return session.project().schemaProvider().orElse(dev.godwit.engine.Provider.ASSUMED);
        } catch (RuntimeException e) {
            return dev.godwit.engine.Provider.ASSUMED;
        }
    }

    public static int runOne(Session shared, Out out, Map<String, String> env, List<String> words) {
        GodwitCommand cmd = new GodwitCommand(out, env);
        cmd.useSession(shared);
        CommandLine cli = Main.commandLine(cmd, out);
        int code = cli.execute(JsonOutput.afterCommand(cli, words.toArray(String[]::new)));
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (code == 0 && parsed != null && !parsed.hasSubcommand() && !cli.isUsageHelpRequested() && !cli.isVersionHelpRequested()) {
            // options without a command: in a session that is already running they would silently do nothing
            boolean nested = cmd.commands != null || cmd.file != null;
            out.error(nested ? "-c and -f start a batch from a terminal or a script; here, give the commands themselves (e.g. `status`)"
                    : "`" + String.join(" ", words) + "` names no command: options go with one, e.g. `" + String.join(" ", words) + " status`", null);
            return ErrorKind.USAGE.exitCode();
        }
        return code;
    }
}
