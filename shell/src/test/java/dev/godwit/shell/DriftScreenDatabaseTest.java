package dev.godwit.shell;

import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Session;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.godwit.engine.drift.DriftCheck;
import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.Provider;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.tui.DriftScreen;
import dev.godwit.shell.tui.TimelineScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The drift report on a real PostgreSQL changed by hand: adopting from the screen, and d from the timeline. */
class DriftScreenDatabaseTest {
    @TempDir
    Path tmp;

    private static String text(DefaultVirtualTerminal vt) {
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

    private static void type(DefaultVirtualTerminal vt, String chars, KeyType... then) {
        for (char c : chars.toCharArray()) {
            vt.addInput(new KeyStroke(c, false, false));
        }
        for (KeyType k : then) {
            vt.addInput(new KeyStroke(k));
        }
    }

    private static TestProject drifted(Path root, TestDatabase db) {
        TestProject p = new TestProject(root, db).blog();
        assertEquals(0, p.run("apply").exitCode());
        db.execute("ALTER TABLE \"User\" ADD COLUMN nickname VARCHAR(30)");
        db.execute("DROP INDEX \"Post_title_idx\"");
        db.execute("ALTER TABLE \"Post\" ALTER COLUMN title TYPE VARCHAR(200)");
        return p;
    }

    private static Session session(TestProject p) {
        GlobalOptions options = new GlobalOptions().withTarget(p.root(), null, null);
        Out out = new Out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        return new Session(options, out, Map.of());
    }

    @Test
    void adoptFromTheScreenWritesTheMigrationAndMarksItApplied() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = drifted(tmp, db);
            try (Session session = session(p)) {
                DriftReport report = DriftCheck.run(session.target(), session.resolvedUrl().url(), Optional.empty(),
                        MigrationsFolder.read(p.root().resolve("prisma/migrations"), Provider.POSTGRESQL));
                DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
                TerminalScreen screen = new TerminalScreen(vt);
                screen.startScreen();
                DriftScreen drift = DriftScreen.create(session, screen, report);
                drift.draw();
                String before = text(vt);
                assertTrue(before.contains("3 differences in 2 tables"), before);
                assertTrue(before.contains("~ table User  changed"), before);
                assertTrue(before.contains("+ column nickname varchar(30)"), before);
                assertTrue(before.contains("- index Post_title_idx (title)"), before);
                assertTrue(before.contains("~ column title: type varchar(100) → varchar(200)  may lose data"), before);

                type(vt, "w");
                type(vt, "nickname and title", KeyType.Enter);
                type(vt, "n");
                drift.processPending();
                assertTrue(text(vt).contains("Nothing written."), text(vt));
                assertEquals(3, Files.list(p.root().resolve("prisma/migrations")).filter(Files::isDirectory).count());

                type(vt, "w");
                type(vt, "nickname and title", KeyType.Enter);
                drift.processPending();
                String asked = text(vt).replaceAll("(?s).*Write (\\d{14}_nickname_and_title) and mark.*", "$1");
                assertTrue(asked.matches("\\d{14}_nickname_and_title"), text(vt));
                Thread.sleep(1100); // the folder written is the one asked about, not one named when y is typed
                type(vt, "y");
                drift.processPending();
                String after = text(vt);
                assertTrue(after.contains("Wrote " + asked + ", marked it applied."), after);
                assertTrue(after.contains("_nickname_and_title, marked it applied. Drift now: none."), after);
                assertTrue(after.contains(" Drift "), after);
                assertTrue(after.contains("none"), after);

                List<Path> adopted;
                try (var dirs = Files.list(p.root().resolve("prisma/migrations"))) {
                    adopted = dirs.filter(d -> d.getFileName().toString().endsWith("_nickname_and_title")).toList();
                }
                assertEquals(1, adopted.size());
                String sql = Files.readString(adopted.get(0).resolve("migration.sql"));
                assertTrue(sql.contains("ADD COLUMN") && sql.contains("\"nickname\" VARCHAR(30)"), sql);
                assertTrue(sql.contains("DROP INDEX \"Post_title_idx\""), sql);
                assertEquals("1", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '"
                        + adopted.get(0).getFileName() + "' AND finished_at IS NOT NULL AND rolled_back_at IS NULL"));
                screen.stopScreen();
            }
            GodwitRun none = p.run("drift");
            assertEquals(0, none.exitCode(), none.all());
            GodwitRun status = p.run("status");
            assertEquals(0, status.exitCode(), status.all());
        }
    }

    @Test
    void dFromTheTimelineOpensTheDriftReportAndQReturns() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = drifted(tmp, db);
            try (Session session = session(p)) {
                DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
                TerminalScreen screen = new TerminalScreen(vt);
                screen.startScreen();
                TimelineScreen timeline = TimelineScreen.create(session, screen);
                timeline.draw();
                assertTrue(text(vt).contains(" Timeline "), text(vt));
                type(vt, "d");
                timeline.processPending();
                String drift = text(vt);
                assertTrue(drift.contains("3 differences in 2 tables"), drift);
                assertTrue(drift.contains("history: 3 applied migration(s), replayed into the"), drift);
                assertFalse(drift.contains(" Timeline "), drift);
                type(vt, "q");
                timeline.processPending();
                assertFalse(timeline.isDone());
                assertTrue(text(vt).contains(" Timeline "), text(vt));
                assertTrue(text(vt).contains("20240103000000_index"), text(vt));
                type(vt, "q");
                timeline.processPending();
                assertTrue(timeline.isDone());
                screen.stopScreen();
            }
        }
    }
}
