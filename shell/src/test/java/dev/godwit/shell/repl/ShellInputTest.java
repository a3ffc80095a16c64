package dev.godwit.shell.repl;

import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.app.Shell;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.app.GodwitCommand;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.TestProject;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.render.Suggestions;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Input that forgives: a leading `godwit`, typos, psql's backslash commands, `!cmd`, and switches that fail. */
class ShellInputTest {
    @TempDir
    Path tmp;

    @Test
    void linesAreReadTheWayOtherToolsTaughtUsersToType() {
        assertEquals(new ShellInput.Commands("status --json"), ShellInput.read("godwit status --json"));
        assertEquals(new ShellInput.Commands("help"), ShellInput.read("godwit"));
        assertEquals(new ShellInput.Commands("inspect"), ShellInput.read("\\dt"));
        assertEquals(new ShellInput.Commands("inspect"), ShellInput.read("\\d"));
        assertEquals(new ShellInput.Commands("inspect users"), ShellInput.read("\\d users;"));
        assertEquals(new ShellInput.Commands("inspect \"my table\""), ShellInput.read("\\d my table"));
        assertEquals(new ShellInput.Commands("exit"), ShellInput.read("\\q"));
        assertEquals(new ShellInput.Commands("help"), ShellInput.read("\\?"));
        assertEquals(new ShellInput.Commands("envs"), ShellInput.read("\\l"));
        assertEquals(new ShellInput.Commands("use prod"), ShellInput.read("\\c prod"));
        assertEquals(new ShellInput.Commands("connect mysql://u@h/db"), ShellInput.read("\\c mysql://u@h/db"));
        assertEquals(new ShellInput.OsCommand("ls -l | wc -l"), ShellInput.read("!ls -l | wc -l"));
        assertEquals(new ShellInput.OsCommand("pwd"), ShellInput.read("\\! pwd"));
        assertInstanceOf(ShellInput.Problem.class, ShellInput.read("\\x"));
        assertEquals(List.of("status"), ShellInput.withoutProgramName(List.of("godwit", "status")));
        assertEquals(List.of("godwitx"), ShellInput.withoutProgramName(List.of("godwitx")));
    }

    @Test
    void typosFindTheirWord() {
        List<String> commands = List.of("status", "apply", "resolve", "show", "history", "seed", "sql", "use", "envs");
        assertEquals(List.of("status"), Suggestions.closest("stauts", commands));
        assertEquals(List.of("apply"), Suggestions.closest("aply", commands));
        assertEquals(List.of("history"), Suggestions.closest("hist", commands));
        assertEquals(List.of(), Suggestions.closest("frobnicate", commands));
        assertEquals(List.of("--json"), Suggestions.closest("--jsno", List.of("--json", "--drift", "--help")));
        assertEquals("; did you mean `status`?", Suggestions.didYouMean("stauts", commands));
    }

    @Test
    void batchUsageErrorsSuggestAndPointAtHelp() {
        var run = dev.godwit.shell.GodwitRun.inProcess("stauts");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("unknown command `stauts`; did you mean `status`?"), run.stderr());
        assertTrue(run.stderr().contains("`godwit --help` lists the commands"), run.stderr());
        var opt = dev.godwit.shell.GodwitRun.inProcess("status", "--jsno");
        assertTrue(opt.stderr().contains("`status` has no option `--jsno`; did you mean `--json`?"), opt.stderr());
        assertTrue(opt.stderr().contains("`godwit status --help` shows its options"), opt.stderr());
        var missing = dev.godwit.shell.GodwitRun.inProcess("resolve");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().contains("error: `resolve` needs one of --applied MIGRATION, --rolled-back MIGRATION, --retry MIGRATION,"),
                missing.stderr());
        assertFalse(missing.stderr().contains("Error:"), missing.stderr());
        var lonely = dev.godwit.shell.GodwitRun.inProcess("rebase");
        assertTrue(lonely.stderr().contains("error: `rebase` needs MIGRATION"), lonely.stderr());
    }

    @Test
    void theShellForgivesAndKeepsItsContext() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("p"), db)
                    .add("20240101000000_one", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n");
            Files.writeString(p.root().resolve("godwit.toml"), "\n[env.prod]\nurl = \"env:GODWIT_TEST_NEVER_SET_URL\"\nproduction = true\n",
                    StandardOpenOption.APPEND);
            assertEquals(0, p.run("apply").exitCode());

            ByteArrayOutputStream screenBytes = new ByteArrayOutputStream();
            ByteArrayOutputStream outputBytes = new ByteArrayOutputStream();
            PrintStream shellOut = new PrintStream(outputBytes, true, StandardCharsets.UTF_8);
            PipedOutputStream keys = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(keys, 64 * 1024);
            Terminal terminal = TerminalBuilder.builder().system(false).streams(in, screenBytes)
                    .provider("exec").type("xterm-256color").size(new Size(120, 40)).build();
            Out out = new Out(shellOut, shellOut, false);
            GodwitCommand root = new GodwitCommand(out, Map.of());
            GlobalOptions options = new GlobalOptions().withTarget(p.root(), null, null);
            options.setPooled(true);
            root.useSession(new Session(options, out, Map.of()));
            String prompt = "godwit dev@" + DatabaseUrl.parse(db.url()).display() + " (up to date)> ";
            Transcript screen = new Transcript(screenBytes);
            Transcript output = new Transcript(outputBytes);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> exit = thread.submit(() -> new Shell(root, out, Map.of(), terminal, tmp.resolve("state")).run());
                screen.waitFor(prompt, 0);

                String said = output.after(() -> type(keys, "godwit status"), "applied");
                assertFalse(said.contains("error"), said);

                said = output.after(() -> type(keys, "stauts"), "did you mean");
                assertTrue(said.contains("error: unknown command `stauts`; did you mean `status`?"), said);
                said = output.after(() -> type(keys, "status --jsno"), "did you mean");
                assertTrue(said.contains("error: `status` has no option `--jsno`; did you mean `--json`?"), said);
                assertFalse(said.contains("hint:"), "one line: " + said);

                said = output.after(() -> type(keys, "\\dt"), "t1");
                assertTrue(said.contains("_prisma_migrations") || said.contains("t1"), said);
                said = output.after(() -> type(keys, "\\d t1"), "id");
                assertTrue(said.contains("integer"), said);
                said = output.after(() -> type(keys, "!echo from-the-os"), "from-the-os");
                said = output.after(() -> type(keys, "\\?"), "configure");
                assertTrue(said.contains("inspect") && said.contains("recover") && said.contains("change"), said);
                assertFalse(said.contains("-c COMMANDS"), "the shell's help, not the batch usage: " + said);

                // A `use` that cannot work keeps the session where it was, and says why.
                said = output.after(() -> type(keys, "use prod"), "error");
                assertTrue(said.contains("GODWIT_TEST_NEVER_SET_URL"), said);
                said = output.after(() -> type(keys, "envs"), "in use:");
                assertTrue(said.contains("* dev"), said);
                assertFalse(said.contains("* prod"), said);
                screen.waitFor(prompt, screen.text().lastIndexOf("envs"));
                said = output.after(() -> type(keys, "use nowhere"), "error");
                assertTrue(said.contains("nowhere"), said);
                said = output.after(() -> type(keys, "status"), "applied");
                assertFalse(said.contains("error"), "still on dev: " + said);

                // Global options typed before the command are that command's, as after it.
                said = output.after(() -> type(keys, "--env prod status"), "error");
                assertTrue(said.contains("GODWIT_TEST_NEVER_SET_URL"), "status ran on prod: " + said);
                said = output.after(() -> type(keys, "--json status"), "upToDate");
                assertTrue(said.contains("\"upToDate\" : true"), said);
                said = output.after(() -> type(keys, "--dry-run apply"), "error");
                assertTrue(said.contains("`--dry-run` is an option of apply, not of godwit itself: put it after the command, e.g. `apply --dry-run`"), said);
                said = output.after(() -> type(keys, "status"), "applied");
                assertFalse(said.contains("error"), "still on dev: " + said);

                assertFalse(output.text().contains("exit code"), output.text());
                type(keys, "\\q");
                assertEquals(0, exit.get(30, TimeUnit.SECONDS));
            } finally {
                thread.shutdownNow();
                terminal.close();
                if (root.existingSession() != null) {
                    root.existingSession().close();
                }
            }
        }
    }

    private static void type(PipedOutputStream keys, String line) {
        try {
            keys.write((line + "\r").getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Text written so far, without escape sequences. */
    static final class Transcript {
        private final ByteArrayOutputStream bytes;

        Transcript(ByteArrayOutputStream bytes) {
            this.bytes = bytes;
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
            }
        }

        void waitFor(String what, int from) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                if (text().indexOf(what, Math.max(0, from)) >= 0) {
                    return;
                }
                Thread.sleep(50);
            }
            fail("never showed \"" + what + "\":\n" + text());
        }

        /** Runs {@code action} and returns what was written after it, once {@code what} has appeared. */
        String after(Runnable action, String what) throws InterruptedException {
            int mark = text().length();
            action.run();
            waitFor(what, mark);
            return text().substring(mark);
        }
    }
}
