package dev.godwit.shell;

import dev.godwit.shell.render.Out;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The interactive shell: one session (connection, project) for many commands,
 * with history and command completion. The full shell (live completion from
 * the database, highlighting, prompt state) grows on this loop.
 */
final class Repl {
    private Repl() {
    }

    static int run(GodwitCommand root, Out out, Map<String, String> env) throws IOException {
        root.globals().setPooled(true);
        Session session = root.session(new GlobalOptions());
        Path historyFile = stateDir().resolve("history");
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("godwit")
                    .completer(new StringsCompleter("status", "apply", "apply --dry-run", "resolve --applied", "resolve --rolled-back",
                            "init", "timeline", "help", "exit"))
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            session.useTerminal(terminal);
            out.println("godwit " + Version.version() + " — project " + session.project().root()
                    + ". Type `help` for commands, Ctrl-D to leave.");
            Batch.runOne(session, out, env, List.of("status"));
            while (true) {
                String line;
                try {
                    line = reader.readLine("godwit> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.strip().equals("exit") || line.strip().equals("quit")) {
                    return 0;
                }
                for (List<String> words : CommandSplitter.split(line)) {
                    if (words.get(0).equals("help")) {
                        words = words.size() > 1 ? List.of(words.get(1), "--help") : List.of("--help");
                    }
                    int code = Batch.runOne(session, out, env, words);
                    if (code != 0) {
                        out.note("exit code " + code);
                    }
                }
            }
        }
    }

    private static Path stateDir() throws IOException {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path dir = (xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state")).resolve("godwit");
        Files.createDirectories(dir);
        return dir;
    }
}
