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

/** plan, dev, reset and push end to end, in-process and without a terminal, against real PostgreSQL and MariaDB. */
class PlanDevCliTest {
    @TempDir
    Path tmp;

    private static String schema(TestDatabase db, String userExtra, String postExtra) {
        return "datasource db {\n  provider = \"" + db.provider().prismaName() + "\"\n}\n\n"
                + "model User {\n  id    Int     @id @default(autoincrement())\n  email String  @unique\n  name  String?\n"
                + "  role  Role    @default(USER)\n  posts Post[]\n" + userExtra + "}\n\n"
                + "model Post {\n  id        Int      @id @default(autoincrement())\n  createdAt DateTime @default(now())\n"
                + "  title     String   @db.VarChar(200)\n  author    User     @relation(fields: [authorId], references: [id])\n"
                + "  authorId  Int\n" + postExtra + "\n  @@index([title])\n}\n\nenum Role {\n  USER\n  ADMIN\n}\n";
    }

    private static void writeSchema(TestProject p, String text) throws IOException {
        Files.writeString(p.root().resolve("prisma/schema.prisma"), text, StandardCharsets.UTF_8);
    }

    private static List<Path> folders(TestProject p) throws IOException {
        Path dir = p.root().resolve("prisma/migrations");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void planWritesAMigrationThatReachesTheSchemaThenFindsNoChanges(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db);
            writeSchema(p, schema(db, "", "  published Boolean  @default(false)\n"));

            GodwitRun preview = p.run("plan");
            assertEquals(0, preview.exitCode(), preview.all());
            assertTrue(preview.stdout().contains("-- CreateTable"), preview.stdout());
            assertEquals(List.of(), folders(p), "without --name nothing is written");

            GodwitRun plan = p.run("plan", "--name", "Init Blog!");
            assertEquals(0, plan.exitCode(), plan.all());
            List<Path> written = folders(p);
            assertEquals(1, written.size());
            assertTrue(written.get(0).getFileName().toString().matches("\\d{14}_init_blog"), written.toString());
            String sql = Files.readString(written.get(0).resolve("migration.sql"));
            assertTrue(sql.endsWith(";\n") && !sql.endsWith("\n\n"), "one final newline");
            assertFalse(sql.contains("CreateSchema"), sql);
            assertTrue(Files.exists(p.root().resolve("prisma/migrations/migration_lock.toml")));
            assertTrue(Files.readString(written.get(0).resolve("down.sql")).contains("DROP TABLE"));

            GodwitRun same = p.run("diff", "--from", "migrations", "--to", "schema", "--exit-code");
            assertEquals(0, same.exitCode(), same.all() + "\n" + sql);

            GodwitRun again = p.run("plan", "--name", "again");
            assertEquals(0, again.exitCode(), again.all());
            assertTrue(again.stdout().contains("No changes"), again.stdout());
            assertEquals(1, folders(p).size());
            GodwitRun cached = p.run("plan");
            assertTrue(cached.stdout().contains("No changes"), cached.stdout());
            assertTrue(cached.stderr().contains("from the cache") && !cached.stderr().contains("replaying"), cached.stderr());

            assertEquals(0, p.run("apply").exitCode());
            GodwitRun live = p.run("diff", "--from", "database", "--to", "schema", "--exit-code");
            assertEquals(0, live.exitCode(), live.all());

            // One more migration: the cached prefix is used and only the new one replayed.
            writeSchema(p, schema(db, "  bio String?\n", "  published Boolean  @default(false)\n"));
            GodwitRun second = p.run("plan", "--name", "bio");
            assertEquals(0, second.exitCode(), second.all());
            assertTrue(second.stderr().contains("from the cache"), second.stderr());
            GodwitRun third = p.run("plan");
            assertTrue(third.stdout().contains("No changes"), third.all());
            assertTrue(third.stderr().contains("replaying 1 migration(s) after 1 cached"), third.stderr());
            assertEquals(0, p.run("apply").exitCode());
            assertEquals(0, p.run("diff", "--from", "database", "--to", "schema", "--exit-code").exitCode());

            // History problems stop plan with what is wrong: drift, then an edited migration.
            db.execute("ALTER TABLE " + p.q("User") + " ADD COLUMN extra INTEGER");
            GodwitRun drifted = p.run("plan", "--name", "x");
            assertEquals(3, drifted.exitCode(), drifted.all());
            assertTrue(drifted.stderr().contains("drifted") && drifted.stderr().contains("extra"), drifted.stderr());
            db.execute("ALTER TABLE " + p.q("User") + " DROP COLUMN extra");
            Path firstSql = folders(p).get(0).resolve("migration.sql");
            Files.writeString(firstSql, Files.readString(firstSql) + "-- edited\n");
            GodwitRun edited = p.run("plan", "--name", "x");
            assertEquals(3, edited.exitCode(), edited.all());
            assertTrue(edited.stderr().contains(folders(p).get(0).getFileName() + " was edited after it was applied"), edited.stderr());
            assertEquals(2, folders(p).size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dataLossIsFoundWithRealRowsAndDevRefusesInBatch(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db);
            writeSchema(p, schema(db, "", "  published Boolean  @default(false)\n"));
            GodwitRun first = p.run("dev", "--name", "init");
            assertEquals(0, first.exitCode(), first.all());
            assertEquals(1, folders(p).size());
            db.execute("INSERT INTO " + p.q("User") + " (email, name) VALUES ('a@x', 'A'), ('b@x', NULL)");
            db.execute("INSERT INTO " + p.q("Post") + " (title, " + p.q("authorId") + ") VALUES ('t', 1)");

            // Dropping a column with values: a warning.
            writeSchema(p, schema(db, "", ""));
            GodwitRun plan = p.run("plan");
            assertEquals(0, plan.exitCode(), plan.all());
            assertTrue(plan.stdout().startsWith("/*\n  Warnings:\n\n  - You are about to drop the column `published` on the `Post` table, "
                    + "which still contains 1 non-null value.\n\n*/\n-- AlterTable\n"), plan.stdout());

            GodwitRun refused = p.run("dev", "--name", "drop_published");
            assertEquals(3, refused.exitCode(), refused.all());
            assertTrue(refused.stderr().contains("--accept-data-loss"), refused.stderr());
            assertEquals(1, folders(p).size(), "nothing written when refused");

            // Required column without default on a table with rows, and NULLs in a column made required: unexecutable.
            writeSchema(p, schema(db, "  nickname String\n", "").replace("name  String?", "name  String"));
            GodwitRun blocked = p.run("dev", "--name", "nick", "--accept-data-loss");
            assertEquals(3, blocked.exitCode(), blocked.all());
            assertTrue(blocked.stderr().contains("Added the required column `nickname` to the `User` table without a default value"), blocked.stderr());
            assertTrue(blocked.stderr().contains("Made the column `name` on table `User` required, but there are 1 existing NULL value"), blocked.stderr());
            assertTrue(blocked.stderr().contains("@default"), blocked.stderr());

            // Cast a column with values and add a unique constraint: warnings.
            writeSchema(p, schema(db, "", "").replace("@db.VarChar(200)", "@db.VarChar(50) @unique"));
            GodwitRun cast = p.run("plan");
            assertTrue(cast.stdout().contains("You are about to alter the column `title` on the `Post` table, which contains 1 non-null value."),
                    cast.stdout());
            assertTrue(cast.stdout().contains("A unique constraint covering the columns `[title]` on the table `Post` will be added."), cast.stdout());

            writeSchema(p, schema(db, "", ""));
            GodwitRun accepted = p.run("dev", "--name", "drop_published", "--accept-data-loss");
            assertEquals(0, accepted.exitCode(), accepted.all());
            assertEquals(2, folders(p).size());
            assertTrue(Files.readString(folders(p).get(1).resolve("down.sql")).contains("cannot be restored"));
            assertEquals(0, p.run("diff", "--from", "database", "--to", "schema", "--exit-code").exitCode());
            assertEquals("2", db.scalar("SELECT COUNT(*) FROM " + p.q("User")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resetIsRefusedOnProductionAndInBatchWithoutForce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind); TestDatabase prodDb = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();
            // another database: [env.dev] must not name the production one, or it is production too
            Files.writeString(p.root().resolve("godwit.toml"), "\n[env.prod]\nurl = \"" + prodDb.url() + "\"\nproduction = true\n",
                    StandardOpenOption.APPEND);
            assertEquals(0, p.run("apply").exitCode());
            assertEquals(0, p.run("--env", "prod", "apply").exitCode());
            db.execute("INSERT INTO " + p.q("User") + " (id, email) VALUES (1, 'a@x')");

            GodwitRun prod = p.run("reset", "--force", "--env", "prod");
            assertEquals(2, prod.exitCode(), prod.all());
            assertTrue(prod.stderr().contains("production"), prod.stderr());
            GodwitRun batch = p.run("reset");
            assertEquals(2, batch.exitCode(), batch.all());
            assertTrue(batch.stderr().contains("--force"), batch.stderr());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM " + p.q("User")));

            GodwitRun forced = p.run("reset", "--force");
            assertEquals(0, forced.exitCode(), forced.all());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM " + p.q("User")));
            GodwitRun status = p.run("status");
            assertEquals(0, status.exitCode(), status.all());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pushMakesTheDatabaseMatchWithoutAMigration(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db);
            writeSchema(p, schema(db, "", "  published Boolean  @default(false)\n"));
            GodwitRun push = p.run("push");
            assertEquals(0, push.exitCode(), push.all());
            assertEquals(0, p.run("diff", "--from", "database", "--to", "schema", "--exit-code").exitCode());
            assertEquals(List.of(), folders(p));
            GodwitRun again = p.run("push");
            assertTrue(again.stdout().contains("already in sync"), again.stdout());

            db.execute("INSERT INTO " + p.q("User") + " (email) VALUES ('a@x')");
            db.execute("INSERT INTO " + p.q("Post") + " (title, " + p.q("authorId") + ") VALUES ('t', 1)");
            writeSchema(p, schema(db, "", ""));
            GodwitRun refused = p.run("push");
            assertEquals(3, refused.exitCode(), refused.all());
            assertTrue(refused.stderr().contains("drop the column `published`"), refused.stderr());
            GodwitRun accepted = p.run("push", "--accept-data-loss");
            assertEquals(0, accepted.exitCode(), accepted.all());
            assertEquals(0, p.run("diff", "--from", "database", "--to", "schema", "--exit-code").exitCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pullThenPlanFindsNoChange(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db);
            writeSchema(p, "generator client {\n  provider = \"prisma-client-js\"\n}\n\n"
                    + schema(db, "  bio String? @db.VarChar(300)\n  score Decimal @default(1.5) @db.Decimal(10, 2)\n",
                    "  published Boolean  @default(false)\n  tags String  @default(\"none\")\n"));
            assertEquals(0, p.run("dev", "--name", "init").exitCode());
            GodwitRun printed = p.run("pull", "--print");
            assertEquals(0, printed.exitCode(), printed.all());
            assertTrue(printed.stdout().startsWith("generator client {"), printed.stdout());
            assertTrue(printed.stdout().contains("model Post {") && printed.stdout().contains("enum "), printed.stdout());
            GodwitRun pull = p.run("pull");
            assertEquals(0, pull.exitCode(), pull.all());
            String pulled = Files.readString(p.root().resolve("prisma/schema.prisma"));
            assertFalse(pull.stderr().contains("does not pass"), pull.stderr() + pulled);
            GodwitRun plan = p.run("plan");
            assertEquals(0, plan.exitCode(), plan.all());
            assertTrue(plan.stdout().contains("No changes"), plan.all() + "\n" + pulled);
        }
    }
}
