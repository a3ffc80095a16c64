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
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Renames in plan, dev and push, end to end against real PostgreSQL and MariaDB: the rows stay. */
class RenameCliTest {
    @TempDir
    Path tmp;

    /** User and a model with a serial id, a unique column, an index, a foreign key; {@code title} is the column that gets renamed. */
    private static String schema(TestDatabase db, String post, String title) {
        return "datasource db {\n  provider = \"" + db.provider().prismaName() + "\"\n}\n\n"
                + "model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n  posts " + post + "[]\n}\n\n"
                + "model " + post + " {\n  id       Int     @id @default(autoincrement())\n  " + title + " String  @db.VarChar(200)\n"
                + "  slug     String  @unique\n  authorId Int\n  author   User    @relation(fields: [authorId], references: [id])\n\n"
                + "  @@index([" + title + "])\n}\n";
    }

    private static void writeSchema(TestProject p, String text) throws IOException {
        Files.writeString(p.root().resolve("prisma/schema.prisma"), text, StandardCharsets.UTF_8);
    }

    private static List<Path> folders(TestProject p) throws IOException {
        try (Stream<Path> s = Files.list(p.root().resolve("prisma/migrations"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** A project with the first schema applied and one post in it. */
    private static TestProject started(Path tmp, TestDatabase db) throws IOException {
        TestProject p = new TestProject(tmp, db);
        writeSchema(p, schema(db, "Post", "title"));
        GodwitRun init = p.run("dev", "--name", "init");
        assertEquals(0, init.exitCode(), init.all());
        db.execute("INSERT INTO " + p.q("User") + " (email) VALUES ('a@x')");
        db.execute("INSERT INTO " + p.q("Post") + " (title, slug, " + p.q("authorId") + ") VALUES ('Hello', 'hello', 1)");
        return p;
    }

    private static int diffExitCode(TestProject p) {
        return p.run("diff", "--from", "database", "--to", "schema", "--exit-code").exitCode();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void devWithRenameKeepsTheRowsAndDownSqlRenamesBack(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = started(tmp, db);
            writeSchema(p, schema(db, "Post", "heading"));

            GodwitRun preview = p.run("plan", "--rename", "Post.title=heading");
            assertEquals(0, preview.exitCode(), preview.all());
            assertTrue(preview.stdout().contains("-- RenameColumn\nALTER TABLE " + p.q("Post") + " RENAME COLUMN " + p.q("title")
                    + " TO " + p.q("heading") + ";"), preview.stdout());
            assertFalse(preview.stdout().contains("DROP COLUMN") || preview.stdout().contains("Warnings"), preview.stdout());
            assertFalse(preview.stderr().contains("looks like a rename"), preview.stderr());

            GodwitRun dev = p.run("dev", "--name", "heading", "--rename", "Post.title=heading");
            assertEquals(0, dev.exitCode(), dev.all());
            assertEquals("Hello", db.scalar("SELECT heading FROM " + p.q("Post")));
            assertEquals(0, diffExitCode(p), "the database equals the schema, index name included");

            Path latest = folders(p).get(1);
            String down = Files.readString(latest.resolve("down.sql"));
            assertTrue(down.contains("RENAME COLUMN " + p.q("heading") + " TO " + p.q("title")), down);
            assertFalse(down.contains("cannot be restored"), down);
            String up = Files.readString(latest.resolve("migration.sql"));
            assertTrue(up.contains("-- RenameIndex\n") && up.contains(p.q("Post_heading_idx")), up);

            // godwit down asks, and knows that going back is a rename too: no data is lost, the column holds a value
            ScriptedPrompter no = new ScriptedPrompter("n");
            assertEquals(3, p.runAnswering(no, "down").exitCode());
            assertTrue(no.questions().get(0).contains("drops nothing that holds data"), no.questions().toString());
            assertFalse(no.questions().get(0).contains("drop the column"), no.questions().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void withoutRenameBatchModeSaysWhatWouldKeepTheDataAndDropRulesStillApply(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = started(tmp, db);
            writeSchema(p, schema(db, "Post", "heading"));

            GodwitRun plan = p.run("plan");
            assertEquals(0, plan.exitCode(), plan.all());
            assertTrue(plan.stderr().contains("`Post.title` → `Post.heading` looks like a rename: add --rename Post.title=heading to keep its data"),
                    plan.stderr());
            assertTrue(plan.stdout().contains("DROP COLUMN " + p.q("title")), plan.stdout());
            assertTrue(plan.stdout().contains("You are about to drop the column `title` on the `Post` table"), plan.stdout());

            // Dropped and added, the new required column cannot be filled on a table with rows: dev stops.
            GodwitRun dev = p.run("dev", "--name", "heading", "--accept-data-loss");
            assertEquals(3, dev.exitCode(), dev.all());
            assertTrue(dev.stderr().contains("Added the required column `heading`"), dev.stderr());
            writeSchema(p, schema(db, "Post", "heading").replace("heading String ", "heading String? "));
            GodwitRun optional = p.run("dev", "--name", "heading");
            assertEquals(3, optional.exitCode(), optional.all());
            assertTrue(optional.stderr().contains("looks like a rename") && optional.stderr().contains("--accept-data-loss"), optional.stderr());
            assertEquals(1, folders(p).size());
            assertEquals("Hello", db.scalar("SELECT title FROM " + p.q("Post")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void atATerminalEachLikelyRenameIsOfferedDefaultNo(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = started(tmp, db);
            writeSchema(p, schema(db, "Post", "heading"));

            ScriptedPrompter planner = new ScriptedPrompter("y");
            GodwitRun plan = p.runAnswering(planner, "plan");
            assertEquals(0, plan.exitCode(), plan.all());
            assertEquals(List.of("Was column `Post.title` renamed to `Post.heading`?"), planner.questions());
            assertTrue(plan.stdout().contains("RENAME COLUMN") && !plan.stdout().contains("DROP COLUMN"), plan.stdout());

            // No (the default): drop and add, and a required column cannot be added to a table with rows.
            ScriptedPrompter declines = new ScriptedPrompter("");
            GodwitRun declined = p.runAnswering(declines, "dev", "--name", "heading");
            assertEquals(3, declined.exitCode(), declined.all());
            assertEquals(List.of("Was column `Post.title` renamed to `Post.heading`?"), declines.questions());
            assertTrue(declined.stderr().contains("Added the required column `heading`"), declined.stderr());
            assertEquals(1, folders(p).size());

            ScriptedPrompter accepts = new ScriptedPrompter("y");
            GodwitRun accepted = p.runAnswering(accepts, "dev", "--name", "heading");
            assertEquals(0, accepted.exitCode(), accepted.all());
            assertEquals(List.of("Was column `Post.title` renamed to `Post.heading`?"), accepts.questions());
            assertEquals("Hello", db.scalar("SELECT heading FROM " + p.q("Post")));
            assertEquals(0, diffExitCode(p));

            // --yes never asks: the drop-and-add stands, and needs --accept-data-loss.
            writeSchema(p, schema(db, "Post", "title"));
            ScriptedPrompter unasked = new ScriptedPrompter("y");
            GodwitRun yes = p.runAnswering(unasked, "dev", "--name", "back", "--yes");
            assertEquals(3, yes.exitCode(), yes.all());
            assertEquals(List.of(), unasked.questions());
            assertTrue(yes.stderr().contains("looks like a rename"), yes.stderr());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRenamedTableTakesItsKeyIndexAndSequenceNames(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = started(tmp, db);
            writeSchema(p, schema(db, "Article", "title"));

            GodwitRun dev = p.run("dev", "--name", "article", "--rename", "Post=Article");
            assertEquals(0, dev.exitCode(), dev.all());
            assertEquals(0, diffExitCode(p), Files.readString(folders(p).get(1).resolve("migration.sql")));
            assertEquals(List.of("Article", "User", "_prisma_migrations"), db.tables());
            assertEquals("Hello", db.scalar("SELECT title FROM " + p.q("Article")));
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                assertEquals("public.\"Article_id_seq\"", db.scalar("SELECT pg_get_serial_sequence('\"Article\"', 'id')"));
                assertEquals(List.of(List.of("Article_pkey"), List.of("Article_slug_key"), List.of("Article_title_idx")),
                        db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'Article' ORDER BY 1"));
                db.execute("INSERT INTO \"Article\" (title, slug, \"authorId\") VALUES ('Two', 'two', 1)");
            }
            String down = Files.readString(folders(p).get(1).resolve("down.sql"));
            assertTrue(down.contains(kind == TestDatabase.Kind.POSTGRESQL ? "ALTER TABLE \"Article\" RENAME TO \"Post\";"
                    : "RENAME TABLE `Article` TO `Post`;"), down);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pushRenamesTooAndAnUnknownRenameIsAUsageError(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = started(tmp, db);
            writeSchema(p, schema(db, "Post", "heading"));

            GodwitRun unknown = p.run("plan", "--rename", "Post.nope=heading");
            assertEquals(2, unknown.exitCode(), unknown.all());
            assertTrue(unknown.stderr().contains("the table `Post` has no column `nope`"), unknown.stderr());
            assertTrue(unknown.stderr().contains("hint:"), unknown.stderr());
            assertFalse(unknown.stderr().contains("Exception"), unknown.stderr());
            GodwitRun nowhere = p.run("dev", "--name", "x", "--rename", "Missing=Other");
            assertEquals(2, nowhere.exitCode(), nowhere.all());
            assertTrue(nowhere.stderr().contains("found no table, enum or column `Missing`"), nowhere.stderr());
            GodwitRun malformed = p.run("push", "--rename", "title");
            assertEquals(2, malformed.exitCode(), malformed.all());
            assertTrue(malformed.stderr().contains("expected OLD=NEW"), malformed.stderr());

            GodwitRun push = p.run("push", "--rename", "title=heading");
            assertEquals(0, push.exitCode(), push.all());
            assertEquals("Hello", db.scalar("SELECT heading FROM " + p.q("Post")));
            assertEquals(0, diffExitCode(p));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void newNamesMayBeModelAndFieldNames(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db);
            String mapped = "datasource db {\n  provider = \"" + db.provider().prismaName() + "\"\n}\n\n"
                    + "model Entry {\n  id Int @id\n  %s String @map(\"%s\")\n\n  @@map(\"entries\")\n}\n";
            writeSchema(p, mapped.formatted("title", "title_text"));
            assertEquals(0, p.run("dev", "--name", "init").exitCode());
            db.execute("INSERT INTO entries (id, title_text) VALUES (1, 'Hello')");
            writeSchema(p, mapped.formatted("heading", "heading_text"));

            // The model's name for the table, the field's name for the new column; the old column as the database has it.
            GodwitRun dev = p.run("dev", "--name", "heading", "--rename", "Entry.title_text=heading");
            assertEquals(0, dev.exitCode(), dev.all());
            assertEquals("Hello", db.scalar("SELECT heading_text FROM entries"));
            assertEquals(0, diffExitCode(p));
        }
    }
}
