package dev.godwit.shell;

import dev.godwit.engine.migrate.Checksums;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** A local migration overtaken by teammates' newer ones: plan and dev say so, rebase moves it to the end. */
class RebaseCliTest {
    @TempDir
    Path tmp;

    private static List<String> folders(TestProject p) throws Exception {
        try (Stream<Path> s = Files.list(p.root().resolve("prisma/migrations"))) {
            return s.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void planWarnsAboutAnOvertakenMigrationAndRebaseGivesItTheNewestTimestamp(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());
            // Written locally before the teammates' 20240103000000_index arrived and was applied.
            String mine = "20240102120000_mine";
            p.add(mine, "CREATE TABLE " + p.q("Mine") + " (id INTEGER PRIMARY KEY);\n");
            Path down = p.root().resolve("prisma/migrations").resolve(mine).resolve("down.sql");
            Files.writeString(down, "DROP TABLE " + p.q("Mine") + ";\n");
            String checksum = Checksums.sha256Hex(Files.readAllBytes(p.migrationFile(mine)));

            GodwitRun plan = p.run("plan");
            assertEquals(0, plan.exitCode(), plan.all());
            assertTrue(plan.stderr().contains(mine + " is older than 20240103000000_index"), plan.stderr());
            assertTrue(plan.stderr().contains("run `godwit rebase " + mine + "`"), plan.stderr());

            GodwitRun applied = p.run("rebase", "20240103000000_index");
            assertEquals(2, applied.exitCode(), applied.all());
            assertTrue(applied.stderr().contains("20240103000000_index is applied in this database"), applied.stderr());
            GodwitRun unknown = p.run("rebase", "20240102120000_mien");
            assertEquals(2, unknown.exitCode(), unknown.all());
            assertTrue(unknown.stderr().contains("no migration folder named 20240102120000_mien"), unknown.stderr());

            GodwitRun rebase = p.run("rebase", mine);
            assertEquals(0, rebase.exitCode(), rebase.all());
            List<String> after = folders(p);
            String renamed = after.get(after.size() - 1);
            assertTrue(renamed.matches("\\d{14}_mine") && renamed.compareTo("20240103000000_index") > 0, after.toString());
            assertFalse(after.contains(mine));
            assertEquals(checksum, Checksums.sha256Hex(Files.readAllBytes(p.migrationFile(renamed))), "same bytes, same checksum");
            assertTrue(Files.exists(p.root().resolve("prisma/migrations").resolve(renamed).resolve("down.sql")), "down.sql moves along");

            GodwitRun again = p.run("rebase", renamed);
            assertEquals(0, again.exitCode(), again.all());
            assertTrue(again.stdout().contains("nothing to do"), again.stdout());

            GodwitRun quiet = p.run("plan");
            assertFalse(quiet.stderr().contains("is older than"), quiet.stderr());
            GodwitRun status = p.run("status");
            assertEquals(3, status.exitCode(), status.all());
            assertFalse(status.stdout().contains("out of order"), status.stdout());
            assertEquals(0, p.run("apply").exitCode());
            assertEquals(0, p.run("status").exitCode());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '" + renamed
                    + "' AND checksum = '" + checksum + "'"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void devWarnsToo(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db)
                    .add("20240101000000_init", "CREATE TABLE " + p0(db, "User") + " (id INTEGER NOT NULL, CONSTRAINT "
                            + p0(db, "User_pkey") + " PRIMARY KEY (id));\n");
            Files.writeString(p.root().resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"" + db.provider().prismaName()
                    + "\"\n}\n\nmodel User {\n  id Int @id\n}\n");
            assertEquals(0, p.run("apply").exitCode());
            p.add("20231231000000_late", "SELECT 1;\n");
            GodwitRun dev = p.run("dev", "--name", "x");
            assertEquals(0, dev.exitCode(), dev.all());
            assertTrue(dev.stderr().contains("20231231000000_late is older than 20240101000000_init"), dev.stderr());
            assertTrue(dev.stderr().contains("godwit rebase 20231231000000_late"), dev.stderr());
        }
    }

    private static String p0(TestDatabase db, String ident) {
        return db.kind() == TestDatabase.Kind.POSTGRESQL ? "\"" + ident + "\"" : "`" + ident + "`";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSchemaProviderThatDiffersFromTheLockFileIsAnErrorNamingBoth(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();
            String other = kind == TestDatabase.Kind.POSTGRESQL ? "mysql" : "postgresql";
            Files.writeString(p.root().resolve("prisma/migrations/migration_lock.toml"),
                    "# Please do not edit this file manually\nprovider = \"" + other + "\"\n");
            for (String[] args : new String[][]{{"plan"}, {"dev", "--name", "x"}}) {
                GodwitRun run = p.run(args);
                assertEquals(2, run.exitCode(), run.all());
                assertTrue(run.stderr().contains("prisma/schema.prisma uses provider \"" + db.provider().prismaName()
                        + "\" but prisma/migrations/migration_lock.toml says \"" + other + "\""), run.stderr());
                assertTrue(run.stderr().contains("hint:"), run.stderr());
                assertEquals(1, run.stderr().lines().filter(l -> l.startsWith("error")).count(), run.stderr());
            }
            // The schema changed instead: it then differs from the database too. Where the project names the database's
            // URL, that is found first, when the target is resolved; either way one error names both providers.
            Files.writeString(p.root().resolve("prisma/migrations/migration_lock.toml"),
                    "provider = \"" + db.provider().prismaName() + "\"\n");
            Files.writeString(p.root().resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"" + other + "\"\n}\n");
            for (String[] args : new String[][]{{"plan"}, {"dev", "--name", "x"}}) {
                GodwitRun run = p.run(args);
                assertEquals(2, run.exitCode(), run.all());
                assertTrue(run.stderr().contains("schema.prisma uses provider \"" + other + "\" but "), run.stderr());
                assertTrue(run.stderr().contains("migration_lock.toml says \"" + db.provider().prismaName() + "\"")
                        || run.stderr().contains("the database URL (godwit.toml [env.dev]) is " + db.provider().prismaName() + ": "), run.stderr());
            }
            assertEquals(3, folders(p).size(), "nothing written");
        }
    }

    /** Unapplied migrations after the rebased one may build on it: they move with it, keeping their order. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void laterUnappliedMigrationsMoveAlongInTheirOrder(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());
            p.add("20240102120000_mine_one", "CREATE TABLE " + p.q("B") + " (id INTEGER PRIMARY KEY);\n");
            p.add("20240104000000_mine_two", "ALTER TABLE " + p.q("B") + " ADD COLUMN " + p.q("n") + " INTEGER;\n");
            GodwitRun rebase = p.run("rebase", "20240102120000_mine_one");
            assertEquals(0, rebase.exitCode(), rebase.all());
            List<String> after = folders(p);
            String one = after.get(after.size() - 2);
            String two = after.get(after.size() - 1);
            assertTrue(one.endsWith("_mine_one") && two.endsWith("_mine_two") && one.compareTo("20240103000000_index") > 0, after.toString());
            assertFalse(after.contains("20240104000000_mine_two"), after.toString());
            GodwitRun apply = p.run("apply");
            assertEquals(0, apply.exitCode(), apply.all());
            assertEquals(0, p.run("status").exitCode());
        }
    }

    /** A database that applied a migration before a teammate rebased it must not apply the renamed copy again. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void applyRefusesTheRenamedCopyOfAMigrationItAlreadyApplied(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();
            p.add("20240104000000_seed_row", "INSERT INTO " + p.q("User") + " (id, email) VALUES (7, 'x@y');\n");
            assertEquals(0, p.run("apply").exitCode());
            Path dir = p.root().resolve("prisma/migrations");
            Files.move(dir.resolve("20240104000000_seed_row"), dir.resolve("20240105000000_seed_row"));
            GodwitRun apply = p.run("apply");
            assertEquals(3, apply.exitCode(), apply.all());
            assertTrue(apply.stderr().contains("20240105000000_seed_row has the same SQL as 20240104000000_seed_row"), apply.stderr());
            assertTrue(apply.stderr().contains("rename the folder back"), apply.stderr());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM " + p.q("User")), "the row was not inserted twice");
        }
    }
}
