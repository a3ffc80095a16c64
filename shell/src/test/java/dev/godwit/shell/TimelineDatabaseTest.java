package dev.godwit.shell;

import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Session;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.tui.TimelineScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The timeline on a real database: resolving from the screen changes the history row. */
class TimelineDatabaseTest {
    @TempDir
    Path tmp;

    private static String screenText(DefaultVirtualTerminal vt) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < vt.getTerminalSize().getRows(); y++) {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < vt.getTerminalSize().getColumns(); x++) {
                line.append(vt.getCharacter(x, y).getCharacterString());
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static void type(DefaultVirtualTerminal vt, TimelineScreen t, String chars, KeyType... then) throws Exception {
        for (char c : chars.toCharArray()) {
            vt.addInput(new KeyStroke(c, false, false));
        }
        for (KeyType k : then) {
            vt.addInput(new KeyStroke(k));
        }
        t.processPending();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resolveRolledBackFromTheScreenChangesTheRowAndStatusShowsIt(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db)
                    .add("20240101000000_ok", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_bad", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);\n");
            assertEquals(1, p.run("apply").exitCode());

            GlobalOptions options = new GlobalOptions().withTarget(p.root(), null, null);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Out out = new Out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), false);
            try (Session session = new Session(options, out, Map.of())) {
                DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
                TerminalScreen screen = new TerminalScreen(vt);
                screen.startScreen();
                TimelineScreen t = TimelineScreen.create(session, screen);
                t.draw();
                String before = screenText(vt);
                assertTrue(before.contains("✘ 20240102000000_bad"), before);

                type(vt, t, "", KeyType.End);
                String selected = screenText(vt);
                assertTrue(selected.contains("▸ ✘ 20240102000000_bad"), selected);
                assertTrue(selected.lines().anyMatch(l -> l.startsWith("   ") && l.contains("no_such_table")), "the database's message: " + selected);
                assertTrue(selected.contains("▶3 INSERT INTO no_such_table VALUES (1);"), selected);

                type(vt, t, "rfixed the table name", KeyType.Enter);
                type(vt, t, "", KeyType.Enter);
                assertEquals("", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE rolled_back_at IS NOT NULL").replace("0", ""),
                        "Enter at [y/N] changes nothing");

                type(vt, t, "rfixed the table name", KeyType.Enter);
                type(vt, t, "y");
                String after = screenText(vt);
                assertTrue(after.contains("Marked 20240102000000_bad as rolled back"), after);
                assertTrue(after.contains("▸ ↺ 20240102000000_bad"), after);
                assertEquals("1", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '20240102000000_bad'"
                        + " AND rolled_back_at IS NOT NULL AND logs LIKE '%resolved as rolled back by % with godwit: fixed the table name%'"));
                assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing written around the screen");
                screen.stopScreen();
            }

            GodwitRun status = p.run("status");
            assertTrue(status.stdout().contains("20240102000000_bad") && status.stdout().contains("rolled back"), status.stdout());
        }
    }

    @Test
    void resolveAppliedOnProductionNeedsTheDatabaseNameTyped() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db)
                    .add("20240101000000_bad", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n");
            assertEquals(1, p.run("apply").exitCode());
            dev.godwit.engine.testing.MigrationsDir.write(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n"
                    + "[env.prod]\nurl = \"" + db.url() + "\"\nproduction = true\n");
            String dbName = db.name();

            GlobalOptions options = new GlobalOptions().withTarget(p.root(), null, null);
            Out out = new Out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
            try (Session session = new Session(options, out, Map.of())) {
                DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
                TerminalScreen screen = new TerminalScreen(vt);
                screen.startScreen();
                TimelineScreen t = TimelineScreen.create(session, screen);
                t.draw();
                type(vt, t, "afixed by hand", KeyType.Enter);
                assertTrue(screenText(vt).contains("This is a production database. Type its name, " + dbName + ", to confirm:"), screenText(vt));
                type(vt, t, "y", KeyType.Enter);
                assertTrue(screenText(vt).contains("Not resolved: the name typed is not " + dbName), screenText(vt));
                assertEquals("0", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL"));

                type(vt, t, "afixed by hand", KeyType.Enter);
                type(vt, t, dbName, KeyType.Enter);
                assertTrue(screenText(vt).contains("▸ ✔ 20240101000000_bad"), screenText(vt));
                assertEquals("1", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL"
                        + " AND logs LIKE '%resolved as applied by % with godwit: fixed by hand%'"));
                screen.stopScreen();
            }
        }
    }

    @Test
    void withoutATerminalTimelineSaysSoAndSuggestsStatus() {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            GodwitRun run = p.run("timeline");
            assertEquals(2, run.exitCode(), run.all());
            assertTrue(run.stderr().contains("needs a terminal"), run.stderr());
            assertTrue(run.stderr().contains("godwit status"), run.stderr());
            assertEquals("", run.stdout());
        }
    }
}
