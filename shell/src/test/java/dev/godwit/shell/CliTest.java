package dev.godwit.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The batch CLI end to end, in-process, against real databases: what a scenario file cannot say (computed
 * values, bytes that are not text). The other scenarios are .txtar files under src/test/resources/scripts.
 */
class CliTest {
    @TempDir
    Path tmp;

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
}
