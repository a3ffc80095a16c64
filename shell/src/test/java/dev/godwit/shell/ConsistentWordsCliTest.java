package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.app.Main;
import dev.godwit.shell.tui.ScreenSize;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Words that must agree with each other: the order of apply's notes, status and the prompt, screens and small terminals. */
class ConsistentWordsCliTest {
    @TempDir
    Path tmp;

    @Test
    void theHistoryTableIsCreatedBeforeTheMigrationsItRecords() {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("p"), db).add("20240101000000_one", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n");
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(both, true, StandardCharsets.UTF_8);
            assertEquals(0, Main.run(new String[]{"--project", p.root().toString(), "apply"}, ps, ps, Map.of()));
            String text = both.toString(StandardCharsets.UTF_8);
            int created = text.indexOf("created the _prisma_migrations table");
            assertTrue(created >= 0, text);
            assertTrue(created < text.indexOf("Applying 20240101000000_one"), "in the order it happens: " + text);
        }
    }

    @Test
    void aRolledBackMigrationIsPendingInStatusAsInThePrompt() {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("p"), db)
                    .add("20240101000000_bad", "INSERT INTO no_such_table VALUES (1);\n");
            assertEquals(1, p.run("apply").exitCode());
            assertEquals(0, p.run("resolve", "--rolled-back", "20240101000000_bad").exitCode());
            String status = p.run("status").stdout();
            assertTrue(status.contains("1 rolled back (pending again)"), status);
        }
    }

    @Test
    void aTerminalBelowAScreensMinimumGetsTheTextForm() throws Exception {
        try (Terminal small = TerminalBuilder.builder().system(false).streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                .provider("exec").type("xterm-256color").size(new Size(60, 15)).build();
             Terminal big = TerminalBuilder.builder().system(false).streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                     .provider("exec").type("xterm-256color").size(new Size(140, 40)).build()) {
            assertEquals("the terminal is 60×15 and the drift screen needs 80×24: printed as text",
                    ScreenSize.tooSmall(small, "drift screen", 80, 24));
            assertNull(ScreenSize.tooSmall(big, "drift screen", 80, 24));
        }
    }
}
