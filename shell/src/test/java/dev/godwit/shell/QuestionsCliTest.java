package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user at a terminal is asked, and what each answer does: the default is always no,
 * a yes goes ahead, and a production database must be named.
 */
class QuestionsCliTest {
    @TempDir
    Path tmp;

    private static final String BASE = "datasource db {\n  provider = \"postgresql\"\n}\n\n"
            + "model User {\n  id    Int     @id @default(autoincrement())\n  email String\n%s}\n";

    private static void writeSchema(TestProject p, String extra) throws IOException {
        Files.writeString(p.root().resolve("prisma/schema.prisma"), BASE.formatted(extra), StandardCharsets.UTF_8);
    }

    private static List<String> folders(TestProject p) throws IOException {
        Path dir = p.root().resolve("prisma/migrations");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void devAsksForTheNameAndBeforeDataLossDefaultingToNo() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            writeSchema(p, "  nick  String?\n");
            ScriptedPrompter namer = new ScriptedPrompter("first");
            GodwitRun first = p.runAnswering(namer, "dev");
            assertEquals(0, first.exitCode(), first.all());
            assertEquals(List.of("Name of the new migration: "), namer.questions());
            assertTrue(folders(p).get(0).endsWith("_first"), folders(p).toString());
            db.execute("INSERT INTO \"User\" (email, nick) VALUES ('a@x', 'A')");

            writeSchema(p, "");
            ScriptedPrompter declines = new ScriptedPrompter("");
            GodwitRun declined = p.runAnswering(declines, "dev", "--name", "drop_nick");
            assertEquals(3, declined.exitCode(), declined.all());
            assertTrue(declines.questions().get(0).contains("accept the data loss"), declines.questions().toString());
            assertTrue(declined.stderr().contains("drop the column `nick`"), declined.stderr());
            assertEquals(1, folders(p).size(), "an empty answer means no: nothing written");
            assertEquals("A", db.scalar("SELECT nick FROM \"User\""));

            ScriptedPrompter accepts = new ScriptedPrompter("y");
            GodwitRun accepted = p.runAnswering(accepts, "dev", "--name", "drop_nick");
            assertEquals(0, accepted.exitCode(), accepted.all());
            assertEquals(2, folders(p).size());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'nick'"));
        }
    }

    @Test
    void devWithYesNeverAsksAndStillNeedsAcceptDataLoss() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            writeSchema(p, "  nick  String?\n");
            assertEquals(0, p.run("dev", "--name", "init").exitCode());
            db.execute("INSERT INTO \"User\" (email, nick) VALUES ('a@x', 'A')");
            writeSchema(p, "");
            ScriptedPrompter user = new ScriptedPrompter("y");
            GodwitRun refused = p.runAnswering(user, "dev", "--name", "drop_nick", "--yes");
            assertEquals(3, refused.exitCode(), refused.all());
            assertEquals(List.of(), user.questions());
            assertTrue(refused.stderr().contains("--accept-data-loss"), refused.stderr());
        }
    }

    @Test
    void resetAsksAndKeepsTheDataUnlessTheAnswerIsYes() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());
            db.execute("INSERT INTO \"User\" (id, email) VALUES (1, 'a@x')");

            for (String no : new String[] {"", "n", "nope", "yess"}) {
                ScriptedPrompter user = new ScriptedPrompter(no);
                GodwitRun kept = p.runAnswering(user, "reset");
                assertEquals(3, kept.exitCode(), "answer '" + no + "': " + kept.all());
                assertTrue(user.questions().get(0).contains("Drop everything in"), user.questions().toString());
                assertEquals("1", db.scalar("SELECT COUNT(*) FROM \"User\""), "answer '" + no + "'");
            }
            ScriptedPrompter yes = new ScriptedPrompter("YES");
            GodwitRun reset = p.runAnswering(yes, "reset");
            assertEquals(0, reset.exitCode(), reset.all());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM \"User\""));
        }
    }

    @Test
    void batchScriptsNeverAskEvenWithSomeoneThere() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());
            db.execute("INSERT INTO \"User\" (id, email) VALUES (1, 'a@x')");
            ScriptedPrompter user = new ScriptedPrompter("y");
            GodwitRun batch = p.runAnswering(user, "-c", "reset");
            assertEquals(2, batch.exitCode(), batch.all());
            assertEquals(List.of(), user.questions());
            assertTrue(batch.stderr().contains("--force"), batch.stderr());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM \"User\""));
        }
    }

    @Test
    void withCiSetNobodyIsAskedEvenAtATerminal() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());
            ScriptedPrompter user = new ScriptedPrompter("y");
            GodwitRun ci = GodwitRun.answering(user, java.util.Map.of("CI", "true"), "--project", p.root().toString(), "reset");
            assertEquals(2, ci.exitCode(), ci.all());
            assertEquals(List.of(), user.questions());
            assertTrue(ci.stderr().contains("--force"), ci.stderr());
        }
    }

    @Test
    void driftAdoptionAsksBeforeWritingAndRecording() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());
            db.execute("ALTER TABLE \"User\" ADD COLUMN extra INTEGER");
            ScriptedPrompter no = new ScriptedPrompter("n");
            GodwitRun declined = p.runAnswering(no, "drift", "--adopt", "extra");
            assertEquals(3, declined.exitCode(), declined.all());
            assertEquals(3, folders(p).size());
            assertTrue(no.questions().get(0).contains("mark it applied?"), no.questions().toString());

            GodwitRun adopted = p.runAnswering(new ScriptedPrompter("y"), "drift", "--adopt", "extra");
            assertEquals(0, adopted.exitCode(), adopted.all());
            assertEquals(4, folders(p).size());
            assertEquals(0, p.run("status").exitCode());
        }
    }

    @Test
    void sqlWritesOnProductionNeedTheDatabaseNameTyped() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            Files.writeString(p.root().resolve("godwit.toml"), "\n[env.prod]\nurl = \"" + db.url() + "\"\nproduction = true\n",
                    StandardOpenOption.APPEND);
            assertEquals(0, p.run("apply").exitCode());
            ScriptedPrompter wrong = new ScriptedPrompter("y");
            GodwitRun refused = p.runAnswering(wrong, "--env", "prod", "sql", "--write", "INSERT INTO \"User\" (id, email) VALUES (1, 'a@x')");
            assertEquals(3, refused.exitCode(), refused.all());
            assertTrue(wrong.questions().get(0).contains("PRODUCTION"), wrong.questions().toString());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM \"User\""), refused.all());
            ScriptedPrompter yesIsNotEnough = new ScriptedPrompter("y");
            GodwitRun withYes = p.runAnswering(yesIsNotEnough, "--env", "prod", "sql", "--write", "--yes",
                    "INSERT INTO \"User\" (id, email) VALUES (1, 'a@x')");
            assertEquals(3, withYes.exitCode(), "at a terminal --yes does not replace typing the name on production: " + withYes.all());
            assertEquals(1, yesIsNotEnough.questions().size(), yesIsNotEnough.questions().toString());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM \"User\""), withYes.all());
            GodwitRun named = p.runAnswering(new ScriptedPrompter(db.name()), "--env", "prod", "sql", "--write",
                    "INSERT INTO \"User\" (id, email) VALUES (1, 'a@x')");
            assertEquals(0, named.exitCode(), named.all());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM \"User\""));
        }
    }
}
