package dev.godwit.shell.repl;

import dev.godwit.shell.app.Shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.app.GodwitCommand;
import dev.godwit.shell.TestProject;
import dev.godwit.shell.session.Out;
import org.jline.terminal.Attributes;
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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real shell on an in-memory terminal with a line discipline (JLine's ExternalTerminal):
 * keys go in as a user types them, and the screen output is checked.
 */
class ShellEndToEndTest {
    @TempDir
    Path tmp;

    /** Everything written to the terminal and to the shell's output streams, as one transcript. */
    private static final class Screen {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
        }

        void waitFor(String what, int fromIndex) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                if (text().indexOf(what, fromIndex) >= 0) {
                    return;
                }
                Thread.sleep(50);
            }
            fail("the screen never showed \"" + what + "\":\n" + text());
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void statusThenCompleteAndResolveAFailedMigrationThenExit() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("p"), db)
                    .add("20240101000000_ok", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_bad", "INSERT INTO no_such_table VALUES (1);\n");
            assertEquals(1, p.run("apply").exitCode());

            Screen screen = new Screen();
            Screen output = new Screen();
            PrintStream shellOut = new PrintStream(output.bytes, true, StandardCharsets.UTF_8);
            PipedOutputStream keys = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(keys, 64 * 1024);
            Terminal terminal = TerminalBuilder.builder().system(false).streams(in, screen.bytes)
                    .provider("exec").type("xterm-256color").size(new Size(200, 40)).build();
            Attributes before = terminal.getAttributes();
            Out out = new Out(shellOut, shellOut, false);
            GodwitCommand root = new GodwitCommand(out, Map.of());
            GlobalOptions options = new GlobalOptions().withTarget(p.root(), null, null);
            options.setPooled(true);
            root.useSession(new Session(options, out, Map.of()));
            Path state = tmp.resolve("state");
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> exit = thread.submit(() -> new Shell(root, out, Map.of(), terminal, state).run());

                screen.waitFor("godwit dev@" + DatabaseUrl.parse(db.url()).display() + " (1 failed)> ", 0);
                keys.write("status\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                output.waitFor("Next: nothing of it took effect", output.text().indexOf("Next: nothing of it took effect") + 1);

                int mark = screen.text().length();
                keys.write("resolve --rolled-back \t".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                screen.waitFor("resolve --rolled-back 20240102000000_bad", mark);
                keys.write("\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                output.waitFor("Marked 20240102000000_bad as rolled back", 0);
                screen.waitFor("(1 pending)> ", mark);

                // The server drops every connection of the pool (as on a restart): the next command works, at worst after a notice and a retry.
                db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
                int before2 = count(output.text(), "1 rolled back");
                keys.write("status\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                long deadline = System.currentTimeMillis() + 30_000;
                while (count(output.text(), "1 rolled back") == before2 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(count(output.text(), "1 rolled back") > before2, output.text());
                assertFalse(output.text().contains("error:"), output.text());

                // A connection lost during a read-only command: one notice, one retry (which here is lost again).
                // (sql refuses pg_terminate_backend itself, so the server side ends the session, twice.)
                keys.write("sql select pg_sleep(30);\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                long killing = System.currentTimeMillis();
                while (!output.text().contains("error: lost the connection") && System.currentTimeMillis() - killing < 60_000) {
                    db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'select pg_sleep(30)'");
                    Thread.sleep(200);
                }
                output.waitFor("reconnecting and running it again", 0);
                output.waitFor("error: lost the connection", 0);
                assertEquals(1, count(output.text(), "error: lost the connection"), "reported once, after the retry: " + output.text());

                // Ctrl-C while a statement runs cancels the statement, not the shell.
                keys.write("sql select pg_sleep(60);\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                long started = System.currentTimeMillis();
                while (db.scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'select pg_sleep(60)%'").equals("0")
                        && System.currentTimeMillis() - started < 20_000) {
                    Thread.sleep(50);
                }
                keys.write(3);
                keys.flush();
                output.waitFor("statement cancelled", 0);
                assertTrue(System.currentTimeMillis() - started < 30_000, "cancelled long before the minute was up");

                int outMark = output.text().length();
                mark = screen.text().length();
                keys.write("connect postgresql://someone:s3cr3t-pw@127.0.0.1:1/nowhere\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                output.waitFor("error: ", outMark);
                // the failed connect left the session on its database
                screen.waitFor("godwit dev@" + DatabaseUrl.parse(db.url()).display() + " (1 pending)> ", screen.text().lastIndexOf("nowhere"));
                assertFalse(output.text().substring(outMark).contains("exit code"), "no exit-code trailer in the shell: " + output.text());

                keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                assertEquals(0, exit.get(30, TimeUnit.SECONDS));
                assertFalse(output.text().contains("s3cr3t-pw"), "no message shows the password: " + output.text());
                assertEquals(before.getLocalFlags(), terminal.getAttributes().getLocalFlags(), "terminal modes restored");

                Path history = Shell.historyFile(state, p.root());
                String saved = Files.readString(history);
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
                assertTrue(saved.contains("resolve --rolled-back 20240102000000_bad"), saved);
                assertTrue(saved.contains("connect postgresql://someone:****@127.0.0.1:1/nowhere"), saved);
                assertFalse(saved.contains("s3cr3t-pw"), saved);
                assertFalse(saved.contains("exit"), saved);
            } finally {
                thread.shutdownNow();
                terminal.close();
                if (root.existingSession() != null) {
                    root.existingSession().close();
                }
            }
        }
    }
}
