package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renames of tables and columns that carry what schema.prisma cannot say (checks, partial indexes,
 * comments, collations, identity and generated columns), renames with a type that has no cast, a
 * sequence that does not have the derived name, and a push that fails half way (PostgreSQL).
 */
class RenameEdgesCliTest {
    @TempDir
    Path tmp;

    private static TestProject project(Path tmp, TestDatabase db, String models) throws IOException {
        TestProject p = new TestProject(tmp, db);
        Files.writeString(p.root().resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n}\n\n" + models,
                StandardCharsets.UTF_8);
        return p;
    }

    private static void schema(TestProject p, String models) throws IOException {
        Files.writeString(p.root().resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n}\n\n" + models,
                StandardCharsets.UTF_8);
    }

    @Test
    void aRenamedTableKeepsItsChecksPartialIndexesAndComment() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("""
                    CREATE TABLE "Old" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL, "gone" BOOLEAN NOT NULL DEFAULT false,
                        CONSTRAINT "name_not_empty" CHECK ("name" <> ''));
                    CREATE INDEX "Old_live_idx" ON "Old" ("name") WHERE NOT "gone";
                    COMMENT ON TABLE "Old" IS 'kept';
                    INSERT INTO "Old" ("name") VALUES ('a');
                    """);
            TestProject p = project(tmp, db, "model New {\n  id   Int     @id @default(autoincrement())\n  name String\n  gone Boolean @default(false)\n}\n");
            GodwitRun push = p.run("push", "--rename", "Old=New");
            assertEquals(0, push.exitCode(), push.all());
            assertEquals("1", db.scalar("SELECT count(*) FROM pg_constraint WHERE conname = 'name_not_empty' AND conrelid = '\"New\"'::regclass"));
            assertEquals("1", db.scalar("SELECT count(*) FROM pg_indexes WHERE tablename = 'New' AND indexdef LIKE '%WHERE (NOT gone)%'"));
            assertEquals("kept", db.scalar("SELECT obj_description('\"New\"'::regclass, 'pg_class')"));
            assertEquals("a", db.scalar("SELECT name FROM \"New\""));
            assertTrue(p.run("push").stdout().contains("already in sync"));
        }
    }

    @Test
    void aRenamedColumnKeepsItsCollationAndPartialIndex() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("""
                    CREATE TABLE "T" ("id" INTEGER PRIMARY KEY, "title" TEXT COLLATE "C");
                    CREATE INDEX "t_title_partial" ON "T" ("title") WHERE "title" IS NOT NULL;
                    INSERT INTO "T" VALUES (1, 'x');
                    """);
            TestProject p = project(tmp, db, "model T {\n  id      Int     @id\n  heading String?\n}\n");
            GodwitRun push = p.run("push", "--rename", "T.title=heading");
            assertEquals(0, push.exitCode(), push.all());
            assertEquals("C", db.scalar("SELECT collation_name FROM information_schema.columns WHERE table_name = 'T' AND column_name = 'heading'"));
            assertEquals("1", db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 't_title_partial' AND indexdef LIKE '%heading%'"));
            assertEquals("x", db.scalar("SELECT heading FROM \"T\""));
        }
    }

    @Test
    void aRenamedColumnWhoseTypeCannotBeCastStillWarnsAboutItsValues() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE TABLE \"T\" (\"id\" INTEGER PRIMARY KEY, \"code\" INTEGER); INSERT INTO \"T\" VALUES (1, 7), (2, 8)");
            TestProject p = project(tmp, db, "model T {\n  id  Int     @id\n  ref String? @db.Uuid\n}\n");
            GodwitRun refused = p.run("push", "--rename", "T.code=ref");
            assertEquals(3, refused.exitCode(), refused.all());
            assertTrue(refused.stderr().contains("which still contains 2 non-null values"), refused.stderr());
            assertEquals("15", db.scalar("SELECT sum(code) FROM \"T\""));
        }
    }

    @Test
    void aSequenceThatKeptAnOlderNameDoesNotStopATableRename() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE TABLE \"A\" (\"id\" SERIAL, CONSTRAINT \"B_pkey\" PRIMARY KEY (\"id\")); ALTER TABLE \"A\" RENAME TO \"B\";"
                    + " INSERT INTO \"B\" DEFAULT VALUES");
            TestProject p = project(tmp, db, "model C {\n  id Int @id @default(autoincrement())\n}\n");
            GodwitRun push = p.run("push", "--rename", "B=C");
            assertEquals(0, push.exitCode(), push.all());
            assertEquals("C_pkey", db.scalar("SELECT conname FROM pg_constraint WHERE conrelid = '\"C\"'::regclass AND contype = 'p'"));
            db.execute("INSERT INTO \"C\" DEFAULT VALUES");
            assertEquals("2", db.scalar("SELECT max(id) FROM \"C\""));
            assertTrue(p.run("push").stdout().contains("already in sync"));
        }
    }

    @Test
    void aPushThatFailsHalfWayChangesNothingOnPostgres() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = project(tmp, db, "model T {\n  id   Int    @id\n  name String\n}\n");
            assertEquals(0, p.run("push").exitCode());
            db.execute("INSERT INTO \"T\" VALUES (1, 'same'), (2, 'same')");
            schema(p, "model T {\n  id    Int     @id\n  name  String  @unique\n  extra String?\n}\n");
            GodwitRun failed = p.run("push", "--accept-data-loss");
            assertEquals(1, failed.exitCode(), failed.all());
            assertTrue(failed.stderr().contains("rolled back"), failed.stderr());
            assertEquals("0", db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'T' AND column_name = 'extra'"),
                    "the column added before the failing unique index is gone with the rollback");
        }
    }
}
