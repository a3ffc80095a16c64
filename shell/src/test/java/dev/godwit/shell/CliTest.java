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

import static org.junit.jupiter.api.Assertions.*;

/** The batch CLI end to end, in-process, against real databases. */
class CliTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void statusApplyStatusWithStableExitCodesAndJson(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();

            GodwitRun before = p.run("status");
            assertEquals(3, before.exitCode(), before.all());
            assertTrue(before.stdout().contains("20240101000000_init") && before.stdout().contains("pending"), before.stdout());
            assertTrue(before.stdout().contains("3 pending"), before.stdout());

            GodwitRun dry = p.run("apply", "--dry-run");
            assertEquals(0, dry.exitCode(), dry.all());
            assertTrue(dry.stdout().contains("CREATE INDEX"), dry.stdout());
            assertTrue(db.tables().isEmpty(), "dry run created " + db.tables());

            GodwitRun apply = p.run("apply");
            assertEquals(0, apply.exitCode(), apply.all());
            assertTrue(apply.stdout().contains("Applying 20240102000000_post … done in"), apply.stdout());
            assertTrue(apply.stdout().contains("Applied 3 migrations"), apply.stdout());

            GodwitRun after = p.run("status", "--json");
            assertEquals(0, after.exitCode(), after.all());
            JsonNode json = new ObjectMapper().readTree(after.stdout());
            assertTrue(json.get("upToDate").asBoolean());
            assertEquals(3, json.get("migrations").size());
            assertEquals("applied", json.get("migrations").get(2).get("state").asText());
            assertEquals(json.get("migrations").get(0).get("localChecksum").asText(),
                    json.get("migrations").get(0).get("recordedChecksum").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailedMigrationNamesMigrationStatementLineAndDatabaseMessageWithoutStackTrace(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db)
                    .add("20240101000000_ok", "CREATE TABLE " + "t1 (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_bad", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);\n");
            GodwitRun apply = p.run("apply");
            assertEquals(1, apply.exitCode(), apply.all());
            assertTrue(apply.stderr().contains("20240102000000_bad"), apply.stderr());
            assertTrue(apply.stderr().contains("statement 2 of 2"), apply.stderr());
            assertTrue(apply.stderr().contains("line 3"), apply.stderr());
            assertTrue(apply.stderr().contains("no_such_table"), apply.stderr());
            assertTrue(apply.stderr().contains("statement: INSERT INTO no_such_table VALUES (1)"), apply.stderr());
            assertTrue(apply.stdout().contains("FAILED"), apply.stdout());
            assertFalse(apply.all().contains("\tat "), "no stack trace without --verbose");

            GodwitRun status = p.run("status", "--json");
            assertEquals(3, status.exitCode());
            JsonNode bad = new ObjectMapper().readTree(status.stdout()).get("migrations").get(1);
            assertEquals("failed", bad.get("state").asText());
            assertTrue(bad.get("error").asText().contains("no_such_table"), bad.toString());

            GodwitRun blocked = p.run("apply");
            assertEquals(3, blocked.exitCode(), blocked.all());
            // the advice follows what took effect: nothing in PostgreSQL's transaction, the CREATE TABLE on MySQL
            assertTrue(blocked.stderr().contains(kind == TestDatabase.Kind.POSTGRESQL ? "resolve --retry 20240102000000_bad"
                    : "resolve --undo 20240102000000_bad"), blocked.stderr());

            Files.writeString(p.migrationFile("20240102000000_bad"), "CREATE TABLE t3 (id INTEGER PRIMARY KEY);\n");
            GodwitRun resolve = p.run("resolve", "--rolled-back", "20240102000000_bad", "--reason", "wrong table");
            assertEquals(0, resolve.exitCode(), resolve.all());
            assertEquals(0, p.run("apply").exitCode());
            assertEquals(0, p.run("status").exitCode());
        }
    }

    @Test
    void aSchemaNamedInTheUrlIsCreatedAndUsed() {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db, db.url() + "?schema=app").blog();
            GodwitRun apply = p.run("apply");
            assertEquals(0, apply.exitCode(), apply.all());
            assertEquals("3", db.scalar("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'app'"), "User, Post and the history table");
            assertTrue(db.tables().isEmpty(), "nothing in public: " + db.tables());
            assertEquals(0, p.run("status").exitCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void applyAndStatusGiveOneDurationPerAttempt(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog()
                    .add("20240104000000_slow", kind == TestDatabase.Kind.MYSQL ? "SELECT SLEEP(0.05);\n" : "SELECT pg_sleep(0.05);\n");
            GodwitRun apply = p.run("apply", "--json");
            assertEquals(0, apply.exitCode(), apply.all());
            GodwitRun status = p.run("status", "--json");
            assertEquals(0, status.exitCode(), status.all());
            ObjectMapper json = new ObjectMapper();
            java.util.Map<String, Long> applied = new java.util.HashMap<>();
            for (JsonNode a : json.readTree(apply.stdout()).get("applied")) {
                applied.put(a.get("name").asText(), a.get("durationMs").asLong());
            }
            java.util.Map<String, Long> shown = new java.util.HashMap<>();
            for (JsonNode m : json.readTree(status.stdout()).get("migrations")) {
                shown.put(m.get("name").asText(), m.get("durationMs").asLong());
            }
            assertEquals(4, applied.size(), apply.stdout());
            assertEquals(applied, shown, "apply and status on the same attempts");
            assertTrue(shown.get("20240104000000_slow") >= 50, "the row's own clock: " + shown);

            // the text forms say the same: "done in N ms" while applying, N ms on the status line
            p.add("20240105000000_more", "CREATE TABLE " + p.q("More") + " (id INTEGER PRIMARY KEY);\n");
            GodwitRun text = p.run("apply");
            java.util.regex.Matcher done = java.util.regex.Pattern.compile("20240105000000_more … done in (\\d+ ms)").matcher(text.stdout());
            assertTrue(done.find(), text.stdout());
            String line = p.run("status").stdout().lines().filter(l -> l.contains("20240105000000_more")).findFirst().orElseThrow();
            assertTrue(line.endsWith("  " + done.group(1)), line + " vs " + done.group(1));
        }
    }

    @Test
    void batchStopsAtTheFirstFailingCommandUnlessToldToGoOn() {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            GodwitRun ok = p.run("-c", "apply; status");
            assertEquals(0, ok.exitCode(), ok.all());
            assertTrue(ok.stdout().contains("up to date"), ok.stdout());

            GodwitRun stops = p.run("-c", "resolve --applied 20990101000000_nope\nstatus --json\nenvs");
            assertEquals(2, stops.exitCode(), stops.all());
            assertFalse(stops.stdout().contains("\"upToDate\""), "status must not run after the failure: " + stops.stdout());
            assertTrue(stops.stderr().contains("stopped: `resolve` exited with 2; not run: status, envs (--on-error continue runs every command)"),
                    stops.stderr());

            GodwitRun goesOn = p.run("--on-error", "continue", "-c", "resolve --applied 20990101000000_nope; status --json");
            assertEquals(2, goesOn.exitCode());
            assertTrue(goesOn.stdout().contains("\"upToDate\" : true"), goesOn.stdout());
            assertFalse(goesOn.stderr().contains("not run"), goesOn.stderr());

            GodwitRun older = p.run("--continue-on-error", "-c", "resolve --applied 20990101000000_nope; status --json");
            assertEquals(2, older.exitCode());
            assertTrue(older.stdout().contains("\"upToDate\" : true"), older.stdout());

            // the first failure's code, not the last one's: a pending migration (3), then a bad option (2), then a success
            p.add("20990101000000_later", "CREATE TABLE later_one (id INTEGER PRIMARY KEY);\n");
            GodwitRun firstWins = p.run("--on-error=CONTINUE", "-c", "status; status --bogus; envs");
            assertEquals(3, firstWins.exitCode(), firstWins.all());
            assertTrue(firstWins.stdout().contains("dev"), "envs ran: " + firstWins.stdout());

            GodwitRun bad = p.run("--on-error", "maybe", "-c", "status");
            assertEquals(2, bad.exitCode(), bad.all());
        }
    }

    @Test
    void aPasswordNeverAppearsInOutputOrInTheHistoryTable() {
        // The test server trusts local connections, so any password logs in: a real secret to hunt for.
        String secret = "Sup3rSecretPw";
        try (TestDatabase db = TestDatabases.postgres()) {
            String url = db.url().replace("postgres@", "postgres:" + secret + "@");
            TestProject p = new TestProject(tmp, db, url)
                    .add("20240101000000_leak", "SELECT '" + secret + "'::int;\n");
            GodwitRun apply = p.run("apply", "--verbose");
            assertEquals(1, apply.exitCode(), apply.all());
            assertFalse(apply.all().contains(secret), apply.all());
            GodwitRun status = p.run("status", "--json");
            assertFalse(status.all().contains(secret), status.all());
            assertTrue(status.stdout().contains("****"), "the database message is kept, with the secret masked: " + status.stdout());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE logs LIKE '%" + secret + "%'"));
            GodwitRun badPort = GodwitRun.inProcess("--project", tmp.toString(), "status", "--url", "postgresql://postgres:" + secret + "@127.0.0.1:1/x");
            assertEquals(4, badPort.exitCode(), badPort.all());
            assertFalse(badPort.all().contains(secret), badPort.all());
        }
    }

    @Test
    void connectionProblemsGiveOneLineAndAHint() {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            GodwitRun refused = p.run("status", "--url", "postgresql://postgres@127.0.0.1:1/x");
            assertEquals(4, refused.exitCode());
            assertTrue(refused.stderr().startsWith("error: cannot reach 127.0.0.1:1/x: connection refused"), refused.stderr());
            assertTrue(refused.stderr().contains("hint: "), refused.stderr());

            GodwitRun missing = p.run("status", "--url", db.url().replace(db.name(), "godwit_no_such_db"));
            assertEquals(4, missing.exitCode(), missing.all());
            assertTrue(missing.stderr().contains("database \"godwit_no_such_db\" does not exist"), missing.stderr());

            GodwitRun malformed = p.run("status", "--url", "postgresql://user:pw@host:notaport/db");
            assertEquals(2, malformed.exitCode());
            assertTrue(malformed.stderr().contains("malformed database URL"), malformed.stderr());
            assertEquals(2, malformed.stderr().lines().count(), "one error line and one hint: " + malformed.stderr());
        }
    }

    @Test
    void aLockFileForAnotherProviderIsAnErrorThatSaysWhichIsWhich() {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            MigrationsDir.write(tmp.resolve("prisma/migrations/migration_lock.toml"), "provider = \"mysql\"\n");
            GodwitRun r = p.run("status");
            assertEquals(2, r.exitCode(), r.all());
            assertTrue(r.stderr().contains("says provider \"mysql\" but the project uses \"postgresql\""), r.stderr());
        }
    }

    @Test
    void foldersThatAreNotMigrationsAreIgnoredWithAWarningAndEmptyScriptsAreErrors() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            Files.createDirectories(tmp.resolve("prisma/migrations/notes"));
            GodwitRun r = p.run("status");
            assertTrue(r.stderr().contains("warning: ignoring notes/"), r.stderr());
            p.add("20240104000000_empty", "  \n");
            GodwitRun empty = p.run("status");
            assertEquals(2, empty.exitCode());
            assertTrue(empty.stderr().contains("20240104000000_empty/migration.sql is empty"), empty.stderr());
            Files.write(p.migrationFile("20240104000000_empty"), new byte[]{(byte) 0xC3, (byte) 0x28, 'x'});
            GodwitRun binary = p.run("status");
            assertTrue(binary.stderr().contains("is not valid UTF-8"), binary.stderr());
        }
    }

    @Test
    void initMakesAProjectAndRefusesToOverwriteOne() {
        GodwitRun r = GodwitRun.inProcess("init", "--dir", tmp.toString());
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(Files.exists(tmp.resolve("godwit.toml")));
        assertTrue(Files.exists(tmp.resolve("prisma/schema.prisma")));
        assertTrue(Files.exists(tmp.resolve("prisma/migrations/migration_lock.toml")));
        GodwitRun again = GodwitRun.inProcess("init", "--dir", tmp.toString());
        assertEquals(2, again.exitCode(), again.all());
    }

    @Test
    void usageErrorsExitWithTwo() {
        GodwitRun r = GodwitRun.inProcess("resolve");
        assertEquals(2, r.exitCode());
        GodwitRun unknown = GodwitRun.inProcess("frobnicate");
        assertEquals(2, unknown.exitCode());
    }
}
