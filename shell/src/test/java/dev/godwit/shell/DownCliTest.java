package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** `godwit down`: the last applied migration undone with its down.sql, after a question, against real databases. */
class DownCliTest {
    @TempDir
    Path tmp;

    private static String schema(TestDatabase db, String userExtra, String extraModels) {
        return "datasource db {\n  provider = \"" + db.provider().prismaName() + "\"\n}\n\n"
                + "model User {\n  id    Int     @id @default(autoincrement())\n  email String\n" + userExtra + "}\n" + extraModels;
    }

    private static final String TAG = "\nmodel Tag {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n";

    private static void writeSchema(TestProject p, String text) throws IOException {
        Files.writeString(p.root().resolve("prisma/schema.prisma"), text, StandardCharsets.UTF_8);
    }

    private static List<Path> folders(TestProject p) throws IOException {
        try (Stream<Path> s = Files.list(p.root().resolve("prisma/migrations"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String columns(TestDatabase db, String table) {
        return db.scalar("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = '" + table + "' AND table_schema = '"
                + db.schema() + "'");
    }

    /** init (User with nick), then drop_nick (drops nick, adds Tag), applied with rows in both tables. */
    private static TestProject twoMigrations(Path root, TestDatabase db) throws IOException {
        TestProject p = new TestProject(root, db);
        writeSchema(p, schema(db, "  nick  String?\n", ""));
        assertEquals(0, p.run("dev", "--name", "init").exitCode());
        db.execute("INSERT INTO " + p.q("User") + " (email, nick) VALUES ('a@x', 'A')");
        writeSchema(p, schema(db, "", TAG));
        GodwitRun second = p.run("dev", "--name", "drop_nick", "--accept-data-loss");
        assertEquals(0, second.exitCode(), second.all());
        db.execute("INSERT INTO " + p.q("Tag") + " (name) VALUES ('t')");
        return p;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void downAsksShowingWhatCannotBeRestoredThenUndoesTheLastMigrationWhichApplyRunsAgain(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = twoMigrations(tmp, db);
            String last = folders(p).get(1).getFileName().toString();

            GodwitRun batch = p.run("down");
            assertEquals(2, batch.exitCode(), batch.all());
            assertTrue(batch.stderr().contains("--yes"), batch.stderr());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM " + p.q("Tag")));

            ScriptedPrompter no = new ScriptedPrompter("");
            GodwitRun declined = p.runAnswering(no, "down");
            assertEquals(3, declined.exitCode(), declined.all());
            String question = no.questions().get(0);
            assertTrue(question.contains("Run down.sql of " + last), question);
            assertTrue(question.contains("`nick`") && question.contains("cannot be restored"), question);
            assertTrue(question.contains("You are about to drop the `Tag` table, which is not empty (1 row)."), question);
            assertEquals("2", columns(db, "User"), "an empty answer is no");

            ScriptedPrompter yes = new ScriptedPrompter("y");
            GodwitRun down = p.runAnswering(yes, "down");
            assertEquals(0, down.exitCode(), down.all());
            assertTrue(down.stdout().contains("Undid " + last), down.stdout());
            assertEquals("3", columns(db, "User"), "nick is back");
            assertEquals("0", columns(db, "Tag"), "Tag is gone");
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '" + last
                    + "' AND rolled_back_at IS NOT NULL AND finished_at IS NOT NULL"), "the row is kept, marked rolled back");

            GodwitRun status = p.run("status");
            assertEquals(3, status.exitCode(), status.all());
            assertTrue(status.stdout().contains("rolled back"), status.stdout());

            GodwitRun apply = p.run("apply");
            assertEquals(0, apply.exitCode(), apply.all());
            assertEquals(0, p.run("status").exitCode());
            assertEquals("2", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '" + last + "'"));
            assertEquals(0, p.run("diff", "--from", "database", "--to", "schema", "--exit-code").exitCode());

            // Twice in a batch: the last, then the one before it (whose down.sql drops the User table).
            GodwitRun both = p.run("-c", "down --yes; down --yes");
            assertEquals(0, both.exitCode(), both.all());
            assertEquals("0", columns(db, "User"));
            GodwitRun none = p.run("down", "--yes");
            assertEquals(2, none.exitCode(), none.all());
            assertTrue(none.stderr().contains("nothing to undo"), none.stderr());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMissingOrFailingDownScriptLeavesTheHistoryAsItWas(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = twoMigrations(tmp, db);
            Path lastDir = folders(p).get(1);
            String last = lastDir.getFileName().toString();
            Path downSql = lastDir.resolve("down.sql");

            String original = Files.readString(downSql);
            Files.delete(downSql);
            GodwitRun missing = p.run("down", "--yes");
            assertEquals(2, missing.exitCode(), missing.all());
            assertTrue(missing.stderr().contains(last + ", has no down.sql"), missing.stderr());

            Files.writeString(downSql, "DROP TABLE " + p.q("Tag") + ";\nUPDATE no_such_table SET x = 1;\n");
            GodwitRun failing = p.run("down", "--yes");
            assertEquals(1, failing.exitCode(), failing.all());
            assertTrue(failing.stderr().contains("statement 2 of 2 (line 2)"), failing.stderr());
            assertTrue(failing.stderr().contains("UPDATE no_such_table SET x = 1"), failing.stderr());
            assertTrue(failing.stderr().contains("no_such_table") && failing.stderr().toLowerCase().contains("exist"), failing.stderr());
            assertFalse(failing.stderr().contains("\tat "), "no stack trace");
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                assertEquals(0, p.run("status").exitCode(), "the history still shows it applied");
                assertTrue(failing.stderr().contains("rolled back"), failing.stderr());
                assertEquals("1", db.scalar("SELECT COUNT(*) FROM \"Tag\""), "the DROP was rolled back with the rest");
            } else {
                // half undone: the history says so, status asks for action, and a second down does not start over
                assertTrue(failing.stderr().contains("1 earlier statement(s) took effect"), failing.stderr());
                assertTrue(failing.stderr().contains("resolve --rolled-back " + last) && failing.stderr().contains("resolve --applied " + last),
                        failing.stderr());
                GodwitRun status = p.run("status");
                assertEquals(3, status.exitCode(), status.all());
                assertTrue(status.stdout().contains("godwit down stopped after 1 of 2 statements"), status.stdout());
                GodwitRun again = p.run("down", "--yes");
                assertEquals(3, again.exitCode(), again.all());
                assertTrue(again.stderr().contains("failed and is not resolved"), again.stderr());
                // the user finishes the undo by hand (the column the migration dropped comes back) and says so:
                // the migration is pending again
                db.execute("ALTER TABLE " + p.q("User") + " ADD COLUMN " + p.q("nick") + " VARCHAR(191) NULL");
                assertEquals(0, p.run("resolve", "--rolled-back", last).exitCode());
                assertEquals(0, p.run("apply").exitCode());
                assertEquals(0, p.run("status").exitCode());
                assertEquals("0", db.scalar("SELECT COUNT(*) FROM " + p.q("Tag")), "apply ran the migration again");
                return;
            }
            Files.writeString(downSql, original);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onProductionDownNeedsTheFlagAndTheDatabaseName(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = twoMigrations(tmp, db);
            Files.writeString(p.root().resolve("godwit.toml"), "\n[env.prod]\nurl = \"" + db.url() + "\"\nproduction = true\n",
                    StandardOpenOption.APPEND);
            ScriptedPrompter user = new ScriptedPrompter("y");
            GodwitRun refused = p.runAnswering(user, "down", "--env", "prod");
            assertEquals(2, refused.exitCode(), refused.all());
            assertTrue(refused.stderr().contains("production") && refused.stderr().contains("--yes"), refused.stderr());
            assertEquals(List.of(), user.questions());

            ScriptedPrompter wrong = new ScriptedPrompter("y");
            GodwitRun notNamed = p.runAnswering(wrong, "down", "--env", "prod", "--yes");
            assertEquals(3, notNamed.exitCode(), notNamed.all());
            assertTrue(wrong.questions().get(0).contains("PRODUCTION") && wrong.questions().get(0).contains("[type " + db.name() + "]"),
                    wrong.questions().toString());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM " + p.q("Tag")));

            GodwitRun named = p.runAnswering(new ScriptedPrompter(db.name()), "down", "--env", "prod", "--yes");
            assertEquals(0, named.exitCode(), named.all());
            assertEquals("0", columns(db, "Tag"));
        }
    }
}
