package dev.godwit.shell.app;

import dev.godwit.shell.repl.MaskingHistory;
import dev.godwit.shell.repl.Metadata;
import dev.godwit.shell.repl.PromptText;
import dev.godwit.shell.repl.ShellCompleter;
import dev.godwit.shell.repl.ShellHighlighter;
import dev.godwit.shell.repl.ShellHelp;
import dev.godwit.shell.repl.ShellInput;
import dev.godwit.shell.repl.ShellParser;
import dev.godwit.shell.repl.SystemCommand;

import dev.godwit.engine.Provider;
import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.engine.project.Secrets;
import dev.godwit.shell.session.CommandSplitter;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Prompter;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.Out;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interactive shell: one session (a small validated connection pool, the project's
 * context) for many commands, with a prompt that shows where commands go and what state that
 * database is in, live completion, highlighting, per-project history without passwords,
 * multi-line SQL, and Ctrl-C that stops the running statement rather than the shell.
 */
public final class Shell {
    /** Commands after which the database may have changed, so names and the prompt are read again. */
    private static final Set<String> READ_ONLY = Set.of("status", "show", "history", "inspect", "envs", "help");
    /** Commands that change nothing and can be run again after a lost connection. */
    private static final Set<String> RETRYABLE = Set.of("status", "show", "history", "inspect", "envs", "refresh", "connect", "use", "project");

    /** Commands that point the session at another database. */
    private static final Set<String> SWITCHING = Set.of("connect", "use", "project");

    private final GodwitCommand root;
    private final Out out;
    private final Map<String, String> env;
    private final Terminal terminal;
    private final Path stateDir;
    private final boolean color;
    private Session session;
    private CommandLine tree;
    private Metadata metadata;
    private LineReader reader;
    private ShellHighlighter highlighter;
    private volatile boolean running;
    private volatile Thread commandThread;

    public Shell(GodwitCommand root, Out out, Map<String, String> env, Terminal terminal, Path stateDir) {
        this.root = root;
        this.out = out;
        this.env = env;
        this.terminal = terminal;
        this.stateDir = stateDir;
        String type = terminal.getType();
        this.color = out.color() && type != null && !type.startsWith(Terminal.TYPE_DUMB);
    }

    /** The user's state folder: $XDG_STATE_HOME/godwit or ~/.local/state/godwit. */
    public static Path defaultStateDir(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state")).resolve("godwit");
    }

    /** History file of one project: named by a hash of the project's path, so projects keep separate histories. */
    public static Path historyFile(Path stateDir, Path projectRoot) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(projectRoot.toAbsolutePath().normalize().toString()
                    .getBytes(StandardCharsets.UTF_8));
            return stateDir.resolve("history-" + HexFormat.of().formatHex(h, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commands can hold table data and host names: the history file is readable by its owner only. */
    private static void privateFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stay
        }
    }

    public int run() throws IOException {
        root.globals().setPooled(true);
        session = root.session(new GlobalOptions());
        metadata = new Metadata(session);
        tree = Main.commandLine(new GodwitCommand(out, env), out);
        Files.createDirectories(stateDir);
        Path projectRoot;
        try {
            projectRoot = session.project().root();
        } catch (RuntimeException e) {
            projectRoot = Path.of("").toAbsolutePath();
        }
        Path historyFile = historyFile(stateDir, projectRoot);
        privateFile(historyFile);
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("godwit")
                .history(new MaskingHistory())
                .completer(new ShellCompleter(tree, metadata::snapshot))
                .highlighter(highlighter = new ShellHighlighter(tree.getSubcommands().keySet()))
                .parser(new ShellParser(this::provider))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_IGNORE, "exit:quit")
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P -> ")
                .variable(LineReader.LIST_MAX, 200)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .build();
        reader.setAutosuggestion(LineReader.SuggestionType.HISTORY);
        highlighter.setEnabled(color); // NO_COLOR, --no-color and dumb terminals get plain input too
        session.setPrompter(new ReaderPrompter());
        out.wrapTo(terminal::getWidth); // 0 on a terminal that does not know its size: no wrapping
        // Full-screen views (timeline, drift) draw on this terminal between two prompts.
        session.useTerminal(terminal);
        terminal.handle(Terminal.Signal.INT, signal -> interrupt());
        try {
            out.println("godwit " + Version.version() + ", project " + projectRoot
                    + ". TAB completes, `help` lists commands, Ctrl-C cancels, Ctrl-D leaves.");
            int first = runWithRetry(List.of("status"));
            if (first == dev.godwit.engine.ErrorKind.CONNECTION.exitCode()) {
                metadata.refreshAsync();
            } else {
                metadata.refresh(Duration.ofSeconds(5));
            }
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (!execute(line)) {
                    return 0;
                }
            }
        } finally {
            try {
                reader.getHistory().save();
            } catch (IOException | RuntimeException e) {
                out.warn("could not save the shell history: " + e.getMessage());
            }
            metadata.close();
            session.setPrompter(null);
        }
    }

    private Provider provider() {
        ResolvedUrl r = session.resolvedIfKnown();
        return r != null ? r.url().provider() : Provider.ASSUMED;
    }

    private void interrupt() {
        if (running) {
            int n = session.statements().cancelAll();
            if (n > 0) {
                out.note("cancelling the running statement…");
            } else {
                out.note("interrupted");
                Thread t = commandThread;
                if (t != null) {
                    t.interrupt(); // e.g. waiting for a connection
                }
            }
        }
    }

    /** Runs one input line (possibly several commands); false when the user asked to leave. */
    boolean execute(String line) {
        ShellInput.Action action = ShellInput.read(line);
        if (action instanceof ShellInput.Problem p) {
            out.error(p.message(), null);
            return true;
        }
        if (action instanceof ShellInput.OsCommand os) {
            runSystemCommand(os.command());
            return true;
        }
        boolean changed = false;
        int lastCode = 0;
        for (List<String> typed : CommandSplitter.split(((ShellInput.Commands) action).text(), provider())) {
            List<String> words = ShellInput.withoutProgramName(typed);
            String name = words.get(0);
            if (name.equals("exit") || name.equals("quit")) {
                return false;
            }
            if (name.equals("clear") && words.size() == 1) {
                clearScreen();
                continue;
            }
            if (name.equals("help") && words.size() == 1) {
                ShellHelp.print(tree, out);
                continue;
            }
            // the exit code is for scripts; here the error line has said what went wrong
            lastCode = runWithRetry(words);
            if (SWITCHING.contains(name) && lastCode == 0) {
                metadata.invalidate(); // a failed switch stayed where it was, and so does what is known
            }
            changed |= !READ_ONLY.contains(name);
        }
        if (lastCode == dev.godwit.engine.ErrorKind.CONNECTION.exitCode()) {
            metadata.refreshAsync(); // the database is not answering: show the prompt now, fill in the state later
        } else {
            metadata.refresh(changed ? Duration.ofSeconds(2) : Duration.ofMillis(1000));
        }
        return true;
    }

    private void runSystemCommand(String command) {
        running = true;
        commandThread = Thread.currentThread();
        try {
            SystemCommand.run(command, out, ownsTerminal());
        } finally {
            running = false;
            commandThread = null;
            Thread.interrupted();
        }
    }

    /** Whether godwit's output is the terminal itself (not a test's streams), so a program can be handed the terminal. */
    private boolean ownsTerminal() {
        return System.console() != null && terminal.getClass().getSimpleName().startsWith("Posix");
    }

    private void clearScreen() {
        if (terminal.puts(org.jline.utils.InfoCmp.Capability.clear_screen)) {
            terminal.flush();
        }
    }

    private int runWithRetry(List<String> words) {
        boolean retryable = RETRYABLE.contains(words.get(0)) || (words.get(0).equals("sql") && !words.contains("--write"));
        session.recordFailure(null);
        session.setQuietConnectionLoss(retryable);
        commandThread = Thread.currentThread();
        running = true;
        try {
            int code = Batch.runOne(session, out, env, words);
            if (code != 0 && Session.isConnectionLoss(session.lastFailure())) {
                String where = session.resolvedIfKnown() != null ? session.resolvedIfKnown().url().display() : "the database";
                session.evictConnections();
                if (retryable) {
                    out.note("lost the connection to " + where + " (server restarted?); reconnecting and running it again");
                    session.setQuietConnectionLoss(false);
                    code = Batch.runOne(session, out, env, words);
                } else {
                    out.note("lost the connection to " + where + "; the next command reconnects. Run `status` to see what took effect.");
                }
            }
            return code;
        } finally {
            running = false;
            commandThread = null;
            Thread.interrupted(); // a Ctrl-C that came too late must not hit the next read
            session.setQuietConnectionLoss(false);
        }
    }

    /** The prompt for the current session and the latest metadata. */
    String prompt() {
        PromptText p = promptText(session, metadata.snapshot());
        return color ? p.render().toAnsi(terminal) : p.plain();
    }

    static PromptText promptText(Session session, Metadata.Snapshot m) {
        ResolvedUrl r = session.resolvedIfKnown();
        String envName = r != null && r.env() != null ? r.env().name() : session.options().env();
        if (envName == null && r != null && session.embedded()) {
            String def = null;
            try {
                def = session.project().defaultEnvName();
            } catch (RuntimeException ignored) {
                // no project: the embedded label will do
            }
            envName = def != null ? def : "embedded";
        }
        String db = r != null ? r.url().display() : null;
        boolean prod = r != null && r.production();
        return new PromptText(envName, db, prod, m.pending(), m.failed().size(), m.known(), m.error() != null && !m.known());
    }

    /** Questions through the line reader, kept out of the history and not highlighted. */
    private final class ReaderPrompter implements Prompter {
        @Override
        public String ask(String question) {
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            highlighter.setEnabled(false);
            try {
                return reader.readLine(question);
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            } finally {
                highlighter.setEnabled(color);
                reader.setVariable(LineReader.DISABLE_HISTORY, false);
            }
        }
    }

    /** For tests: masks a line the way the history does. */
    static String masked(String line) {
        return dev.godwit.engine.project.CommandLineSecrets.mask(line);
    }
}
