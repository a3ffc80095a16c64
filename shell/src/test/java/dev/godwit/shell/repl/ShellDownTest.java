package dev.godwit.shell.repl;

import dev.godwit.shell.app.Shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.app.GodwitCommand;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.TestProject;
import dev.godwit.shell.session.Out;
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

/** `down` in the shell: the question comes through the shell's line reader, no is the default, y undoes. */
class ShellDownTest {
    @TempDir
    Path tmp;

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
            fail("never showed \"" + what + "\":\n" + text());
        }
    }

    @Test
    void downAsksThroughTheShellAndUndoesOnYes() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("p"), db)
                    .add("20240101000000_one", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_two", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n");
            Files.writeString(p.root().resolve("prisma/migrations/20240102000000_two/down.sql"),
                    "/*\n  Warnings:\n\n  - Rows of t2 written since are gone for good.\n\n*/\nDROP TABLE t2;\n");
            assertEquals(0, p.run("apply").exitCode());

            Screen screen = new Screen();
            Screen output = new Screen();
            PrintStream shellOut = new PrintStream(output.bytes, true, StandardCharsets.UTF_8);
            PipedOutputStream keys = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(keys, 64 * 1024);
            Terminal terminal = TerminalBuilder.builder().system(false).streams(in, screen.bytes)
                    .provider("exec").type("xterm-256color").size(new Size(120, 40)).build();
            Out out = new Out(shellOut, shellOut, false);
            GodwitCommand root = new GodwitCommand(out, Map.of());
            GlobalOptions options = new GlobalOptions().withTarget(p.root(), null, null);
            options.setPooled(true);
            root.useSession(new Session(options, out, Map.of()));
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> exit = thread.submit(() -> new Shell(root, out, Map.of(), terminal, tmp.resolve("state")).run());
                screen.waitFor("(up to date)> ", 0);

                int mark = screen.text().length();
                keys.write("down\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                screen.waitFor("[y/N] ", mark);
                assertTrue(screen.text().substring(mark).contains("Rows of t2 written since are gone for good."), screen.text());
                assertTrue(screen.text().substring(mark).contains("drops nothing that holds data now"), screen.text());
                keys.write("\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                output.waitFor("Nothing changed.", 0);
                assertEquals("1", db.scalar("SELECT COUNT(*) FROM pg_tables WHERE tablename = 't2'"), "Enter means no");

                mark = screen.text().length();
                keys.write("down\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                screen.waitFor("[y/N] ", mark);
                keys.write("y\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                output.waitFor("Undid 20240102000000_two", 0);
                screen.waitFor("(1 pending)> ", mark);
                assertEquals("0", db.scalar("SELECT COUNT(*) FROM pg_tables WHERE tablename = 't2'"));

                keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
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
}
