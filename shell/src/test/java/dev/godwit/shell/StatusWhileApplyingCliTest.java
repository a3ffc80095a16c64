package dev.godwit.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** While another process applies a slow migration, status calls it running: not failed, nothing to resolve. */
class StatusWhileApplyingCliTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMigrationWhoseLockIsHeldByALiveSessionIsRunning(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            TestProject p = new TestProject(tmp.resolve("project"), db)
                    .add("20240101000000_init", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_slow", "CREATE TABLE b (id INTEGER PRIMARY KEY);\n"
                            + (pg ? "SELECT pg_sleep(25);" : "DO SLEEP(25);") + "\n")
                    .add("20240103000000_after", "CREATE TABLE c (id INTEGER PRIMARY KEY);\n");
            Process proc = GodwitRun.start(p.root(), tmp.resolve("out"), tmp.resolve("err"), "apply", "--no-color");
            try {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!"1".equals(count(db, "20240102000000_slow")) && System.currentTimeMillis() < deadline) {
                    assertTrue(proc.isAlive(), "godwit ended before the slow migration started");
                    Thread.sleep(100);
                }
                assertTrue(proc.isAlive(), "the slow migration is still running");
                GodwitRun status = p.run("status", "--no-color");
                assertTrue(proc.isAlive(), "still running after status: the test checked the right moment");
                assertEquals(0, status.exitCode(), status.all());
                assertTrue(status.stdout().matches("(?s).*20240102000000_slow\\s+running.*"), status.stdout());
                assertFalse(status.stdout().contains("failed"), status.stdout());
                assertFalse(status.all().contains("resolve"), status.all());
                assertTrue(status.stdout().contains("An apply is running"), status.stdout());

                GodwitRun json = p.run("status", "--json");
                JsonNode slow = new ObjectMapper().readTree(json.stdout()).get("migrations").get(1);
                assertEquals("running", slow.get("state").asText(), slow.toString());
            } finally {
                assertEquals(0, GodwitRun.waitFor(proc, 120), "the apply itself succeeds");
            }
            GodwitRun after = p.run("status");
            assertEquals(0, after.exitCode(), after.all());
        }
    }

    private static String count(TestDatabase db, String migration) {
        try {
            return db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '" + migration + "'");
        } catch (IllegalStateException notYet) {
            return "0";
        }
    }
}
