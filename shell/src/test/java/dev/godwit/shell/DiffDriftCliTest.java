package dev.godwit.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** diff and drift end to end, in-process, against real PostgreSQL and MariaDB. */
class DiffDriftCliTest {
    @TempDir
    Path tmp;

    private static List<String> shadows(TestDatabase db) {
        String sql = db.kind() == TestDatabase.Kind.POSTGRESQL
                ? "SELECT datname FROM pg_database WHERE datname LIKE 'godwit\\_shadow\\_%' ORDER BY 1"
                : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'godwit\\_shadow\\_%' ORDER BY 1";
        return db.query(sql).stream().map(r -> r.get(0)).toList();
    }

    private static void runScript(TestDatabase db, String script) {
        Arrays.stream(script.split(";\\s*\\n")).map(String::strip)
                .map(s -> s.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip())
                .filter(s -> !s.isEmpty()).forEach(db::execute);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void diffExitCodesAreZeroForNoDifferenceTwoForDifferencesOneForErrors(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());

            GodwitRun same = p.run("diff", "--from", "migrations", "--to", "database", "--exit-code");
            assertEquals(0, same.exitCode(), same.all());
            assertTrue(same.stdout().contains("no differences"), same.stdout());

            db.execute("ALTER TABLE " + p.q("Post") + " ADD COLUMN body VARCHAR(20)");
            GodwitRun differs = p.run("diff", "--from", "migrations", "--to", "database", "--exit-code");
            assertEquals(2, differs.exitCode(), differs.all());
            assertTrue(differs.stdout().contains("table \"Post\" (changed)"), differs.stdout());
            assertTrue(differs.stdout().contains("+ column body varchar(20)"), differs.stdout());

            GodwitRun withoutFlag = p.run("diff", "--from", "migrations", "--to", "database");
            assertEquals(0, withoutFlag.exitCode(), withoutFlag.all());

            GodwitRun bad = p.run("diff", "--from", "nowhere:x", "--to", "database", "--exit-code");
            assertEquals(1, bad.exitCode(), bad.all());
            GodwitRun badOption = p.run("diff", "--from", "empty", "--exit-code");
            assertEquals(1, badOption.exitCode(), badOption.all());
            assertEquals(2, p.run("diff", "--from", "empty").exitCode(), "without --exit-code a usage error stays 2");
            GodwitRun missing = p.run("diff", "--from", "sql:" + tmp.resolve("none.sql"), "--to", "database", "--exit-code");
            assertEquals(1, missing.exitCode(), missing.all());

            GodwitRun json = p.run("diff", "--from", "database", "--to", "migrations", "--json");
            assertEquals(0, json.exitCode(), json.all());
            assertTrue(json.stdout().contains("\"kind\" : \"DropColumn\""), json.stdout());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theScriptFromEmptyToMigrationsBuildsTheSameSchemaAndShadowsAreDroppedEvenOnFailure(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog()
                    .add("20240104000000_fk", "ALTER TABLE " + p(db, "Post") + " ADD COLUMN " + p(db, "authorId") + " INTEGER;\n"
                            + "ALTER TABLE " + p(db, "Post") + " ADD CONSTRAINT " + p(db, "Post_authorId_fkey") + " FOREIGN KEY ("
                            + p(db, "authorId") + ") REFERENCES " + p(db, "User") + " (id) ON DELETE SET NULL;\n");
            Path out = tmp.resolve("schema.sql");
            GodwitRun script = p.run("diff", "--from", "empty", "--to", "migrations", "--script", "-o", out.toString());
            assertEquals(0, script.exitCode(), script.all());
            assertTrue(script.stderr().contains("temporary database godwit_shadow_"), script.stderr());
            runScript(db, Files.readString(out));
            GodwitRun again = p.run("diff", "--from", "database", "--to", "migrations", "--exit-code");
            assertEquals(0, again.exitCode(), again.all() + "\nscript:\n" + Files.readString(out));

            p.add("20240105000000_broken", "ALTER TABLE nowhere ADD COLUMN x INTEGER;\n");
            GodwitRun broken = p.run("diff", "--from", "empty", "--to", "migrations", "--exit-code");
            assertEquals(1, broken.exitCode(), broken.all());
            assertTrue(broken.stderr().contains("replaying 20240105000000_broken"), broken.stderr());
            // the shadows these runs named are gone (others on the same server may come and go meanwhile)
            List<String> named = new java.util.ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("godwit_shadow_[0-9a-f]+").matcher(script.stderr() + broken.stderr());
            while (m.find()) {
                named.add(m.group());
            }
            assertFalse(named.isEmpty(), script.stderr() + broken.stderr());
            List<String> left = shadows(db);
            assertTrue(named.stream().noneMatch(left::contains), "left behind: " + left + " of " + named);
        }
    }

    private static String p(TestDatabase db, String ident) {
        return db.kind() == TestDatabase.Kind.POSTGRESQL ? "\"" + ident + "\"" : "`" + ident + "`";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void driftIsReportedThenAdoptedAfterConfirmationThenGone(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());
            assertEquals(0, p.run("drift").exitCode());

            db.execute("ALTER TABLE " + p.q("User") + " ADD COLUMN nickname VARCHAR(30)");
            db.execute(pg ? "DROP INDEX \"Post_title_idx\"" : "DROP INDEX `Post_title_idx` ON `Post`");
            db.execute(pg ? "ALTER TABLE \"Post\" ALTER COLUMN title TYPE VARCHAR(200)" : "ALTER TABLE `Post` MODIFY title VARCHAR(200)");
            if (pg) {
                db.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
                db.execute("CREATE TRIGGER post_touch BEFORE UPDATE ON \"Post\" FOR EACH ROW EXECUTE FUNCTION touch()");
            } else {
                db.execute("CREATE TRIGGER post_touch BEFORE UPDATE ON `Post` FOR EACH ROW SET NEW.title = NEW.title");
            }

            GodwitRun drift = p.run("drift");
            assertEquals(3, drift.exitCode(), drift.all());
            String s = drift.stdout();
            assertTrue(s.contains("3 differences in 2 tables"), s);
            // each script flagged for its own direction: reverting drops the column the database gained, adopting keeps it
            assertTrue(s.contains("table \"User\" (changed)  [may lose data: revert]\n  + column nickname varchar(30)"), s);
            assertTrue(s.contains("- index Post_title_idx (title)"), s);
            assertTrue(s.contains("~ column title: type varchar(100) → varchar(200)"), s);
            assertTrue(s.contains("-- SQL that brings the database back to its history, 2 differences may lose data:"), s);
            assertTrue(s.contains("(godwit drift --adopt NAME), 1 difference may lose data:"), s);
            assertTrue(s.contains("Not compared (godwit does not model these objects and never drops them"), s);
            assertTrue(s.contains("\n  trigger Post.post_touch"), s);
            assertFalse(s.toLowerCase().contains("drop trigger") || s.toLowerCase().contains("drop function"), s);

            GodwitRun status = p.run("status", "--drift", "--json");
            assertEquals(3, status.exitCode(), status.all());
            JsonNode json = new ObjectMapper().readTree(status.stdout());
            assertTrue(json.get("drift").get("found").asBoolean());

            GodwitRun refused = p.run("drift", "--adopt", "hotfix");
            assertEquals(2, refused.exitCode(), refused.all());
            assertTrue(refused.stderr().contains("--yes"), refused.stderr());

            GodwitRun adopted = p.run("drift", "--adopt", "hotfix", "--yes");
            assertEquals(0, adopted.exitCode(), adopted.all());
            try (var dirs = Files.list(tmp.resolve("prisma/migrations"))) {
                assertEquals(1, dirs.filter(d -> d.getFileName().toString().endsWith("_hotfix")).count());
            }
            // the adopted migration holds what godwit models; the trigger it does not is still not in the history
            assertTrue(adopted.all().contains("does not model"), adopted.all());
            GodwitRun notCompared = p.run("drift");
            assertEquals(3, notCompared.exitCode(), notCompared.all());
            assertTrue(notCompared.stdout().contains("no difference in what godwit compares, but"), notCompared.stdout());
            db.execute(pg ? "DROP TRIGGER post_touch ON \"Post\"" : "DROP TRIGGER post_touch");
            if (pg) {
                db.execute("DROP FUNCTION touch()");
            }
            GodwitRun none = p.run("drift");
            assertEquals(0, none.exitCode(), none.all());
            GodwitRun upToDate = p.run("status", "--drift");
            assertEquals(0, upToDate.exitCode(), upToDate.all());
            assertTrue(upToDate.stdout().contains("Drift: none"), upToDate.stdout());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aShadowUrlNamingTheMainDatabaseIsRefusedAndProductionIsNotAdopted(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());
            MigrationsDir.write(tmp.resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[env.dev]\nurl = \""
                    + db.url() + "\"\nshadow_url = \"" + db.url() + "\"\nproduction = true\n");
            GodwitRun same = p.run("drift");
            assertEquals(2, same.exitCode(), same.all());
            assertTrue(same.stderr().contains("names the main database"), same.stderr());

            MigrationsDir.write(tmp.resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[env.dev]\nurl = \""
                    + db.url() + "\"\nproduction = true\n");
            db.execute("ALTER TABLE " + p.q("User") + " ADD COLUMN nickname VARCHAR(30)");
            GodwitRun prod = p.run("drift", "--adopt", "hotfix", "--yes");
            assertEquals(2, prod.exitCode(), prod.all());
            assertTrue(prod.stderr().contains("production"), prod.stderr());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sqlFilesAndOtherEnvironmentsAreSources(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind); TestDatabase other = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();
            assertEquals(0, p.run("apply").exitCode());
            Path sql = tmp.resolve("ddl");
            MigrationsDir.write(sql.resolve("1_tables.sql"), "CREATE TABLE " + p.q("User") + " (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL);\n"
                    + "CREATE TABLE " + p.q("Post") + " (id INTEGER PRIMARY KEY, title VARCHAR(100));\n");
            MigrationsDir.write(sql.resolve("2_index.sql"), "CREATE INDEX " + p.q("Post_title_idx") + " ON " + p.q("Post") + " (title);\n");
            GodwitRun fromSql = p.run("diff", "--from", "sql:" + sql, "--to", "database", "--exit-code");
            assertEquals(0, fromSql.exitCode(), fromSql.all());
            GodwitRun oneFile = p.run("diff", "--from", "sql:" + sql.resolve("1_tables.sql"), "--to", "database", "--exit-code");
            assertEquals(2, oneFile.exitCode(), oneFile.all());
            assertTrue(oneFile.stdout().contains("+ index Post_title_idx (title)"), oneFile.stdout());

            Files.writeString(tmp.resolve("godwit.toml"), "\n[env.other]\nurl = \"" + other.url() + "\"\n", java.nio.file.StandardOpenOption.APPEND);
            GodwitRun envs = p.run("diff", "--from", "env:other", "--to", "database", "--script");
            assertEquals(0, envs.exitCode(), envs.all());
            assertTrue(envs.stdout().contains("CREATE TABLE") && envs.stdout().contains("Post_title_idx"), envs.stdout());
            GodwitRun same = p.run("diff", "--from", "url:" + db.url(), "--to", "database", "--exit-code");
            assertEquals(0, same.exitCode(), same.all());
        }
    }
}
