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
 * from {@code -c}, from {@code -f FILE}, or from piped stdin. Stops at the first
 * failing command unless --continue-on-error; never prompts.
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
        int last = 0;
        for (List<String> words : CommandSplitter.split(script, sqlProvider(shared))) {
            if (words.get(0).equals("exit") || words.get(0).equals("quit")) {
                break;
            }
            int code = runOne(shared, out, env, words);
            if (code != 0) {
                last = code;
                if (!root.continueOnError) {
                    return code;
                }
            }
        }
        return last;
    }

    /** Whose SQL rules split the statements of sql commands: the project's provider when known, else PostgreSQL's. */
    private static dev.godwit.engine.Provider sqlProvider(Session session) {
        try {
            if (session.options().url() != null) {
                return dev.godwit.engine.project.DatabaseUrl.parse(session.options().url()).provider();
            }
            return session.project().schemaProvider().orElse(dev.godwit.engine.Provider.POSTGRESQL);
        } catch (RuntimeException e) {
            return dev.godwit.engine.Provider.POSTGRESQL;
        }
    }

    public static int runOne(Session shared, Out out, Map<String, String> env, List<String> words) {
        GodwitCommand cmd = new GodwitCommand(out, env);
        cmd.useSession(shared);
        CommandLine cli = Main.commandLine(cmd, out);
        return cli.execute(words.toArray(String[]::new));
    }
}
