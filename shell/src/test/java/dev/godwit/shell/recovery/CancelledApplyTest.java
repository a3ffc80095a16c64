package dev.godwit.shell.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.GodwitRun;
import dev.godwit.shell.TestProject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An apply stopped on purpose is not a failure: the attempt is recorded as cancelled with what took effect,
 * and what comes next follows from that. When nothing took effect (PostgreSQL rolls the transaction back)
 * the attempt is set aside as rolled back, so the migration is simply pending again, for godwit and Prisma
 * alike; when statements had committed (MariaDB, or PostgreSQL statement by statement) it stays failed,
 * since running it again would repeat them, and finish or undo takes it on.
 */
class CancelledApplyTest {
    private static final String M = "20240102000000_slow";

    @TempDir
    Path tmp;

    private static String sleep(boolean pg) {
        // MariaDB ends an interrupted DO SLEEP quietly, and SELECT SLEEP with "query execution was interrupted"
        return pg ? "SELECT pg_sleep(60);" : "SELECT SLEEP(60);";
    }

    /** Cancels the sleeping statement from another session, as the driver's cancel (Ctrl-C in the shell) does. */
    private static void cancelSleep(TestDatabase db, boolean pg) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String sql = pg ? "SELECT COUNT(pg_cancel_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"
                    : "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(60)%'";
            if (!"0".equals(db.scalar(sql))) {
                if (!pg) {
                    String id = db.scalar("SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(60)%' LIMIT 1");
                    db.execute("KILL QUERY " + id);
                }
                return;
            }
            Thread.sleep(100);
        }
        fail("the sleeping statement never started");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCancelledApplyRecordsWhatTookEffectAndOffersTheRightNextStep(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            TestProject p = new TestProject(tmp.resolve("project"), db);
            p.add("20240101000000_init", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
            p.add(M, "CREATE TABLE b (id INTEGER PRIMARY KEY);\n" + sleep(pg) + "\nCREATE TABLE c (id INTEGER PRIMARY KEY);\n");

            CompletableFuture<GodwitRun> apply = CompletableFuture.supplyAsync(() -> p.run("apply", "--no-color"));
            cancelSleep(db, pg);
            GodwitRun cancelled = apply.get(120, TimeUnit.SECONDS);
            assertEquals(1, cancelled.exitCode(), cancelled.all());
            assertTrue(cancelled.stdout().contains("CANCELLED"), cancelled.all());
            assertTrue(cancelled.stderr().contains("was cancelled at statement 2 of 3"), cancelled.all());

            GodwitRun status = p.run("status", "--json");
            JsonNode slow = new ObjectMapper().readTree(status.stdout()).get("migrations").get(1);
            Files.writeString(p.migrationFile(M), "CREATE TABLE b (id INTEGER PRIMARY KEY);\nCREATE TABLE c (id INTEGER PRIMARY KEY);\n");
            if (pg) {
                // one transaction, rolled back: nothing took effect, and the attempt does not block
                assertEquals("rolled_back", slow.get("state").asText(), slow.toString());
                assertTrue(slow.get("history").get(0).get("logs").asText().contains("godwit statements: 3, one transaction, cancelled"), slow.toString());
                assertFalse(db.tables().contains("b"));
                assertTrue(cancelled.stderr().contains("nothing of it took effect and it stays pending"), cancelled.all());
                GodwitRun again = p.run("apply");
                assertEquals(0, again.exitCode(), again.all());
            } else {
                assertEquals("failed", slow.get("state").asText(), slow.toString());
                assertEquals("cancelled", slow.get("statements").get("outcome").asText(), slow.toString());
                assertEquals(1, slow.get("statements").get("tookEffect").size(), slow.toString());
                assertTrue(db.tables().contains("b"), "MariaDB kept the statement that had committed");
                assertTrue(slow.get("next").asText().contains("resolve --finish " + M), slow.toString());
                GodwitRun finish = p.run("resolve", "--finish", M, "--yes");
                assertEquals(0, finish.exitCode(), finish.all());
            }
            GodwitRun end = p.run("status");
            assertEquals(0, end.exitCode(), end.all());
            assertTrue(db.tables().contains("c"));
            if (pg) {
                Optional<PrismaRef.Result> prisma = PrismaRef.migrateStatus(p.root(), db.url());
                prisma.ifPresent(r -> assertTrue(r.output().contains("Database schema is up to date"), r.output()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sigtermDuringApplyCancelsTheStatementAndRecordsTheAttemptAsCancelled(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            TestProject p = new TestProject(tmp.resolve("project"), db);
            p.add("20240101000000_init", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
            p.add(M, "CREATE TABLE b (id INTEGER PRIMARY KEY);\n" + sleep(pg) + "\nCREATE TABLE c (id INTEGER PRIMARY KEY);\n");
            Process proc = GodwitRun.start(p.root(), tmp.resolve("out"), tmp.resolve("err"), "apply", "--no-color");
            long deadline = System.currentTimeMillis() + 60_000;
            String running = pg ? "SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"
                    : "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(60)%'";
            while (!"1".equals(db.scalar(running))) {
                assertTrue(System.currentTimeMillis() < deadline && proc.isAlive(), "the slow statement never started");
                Thread.sleep(100);
            }
            proc.destroy(); // SIGTERM, as a cancelled CI job sends
            assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
            String err = Files.readString(tmp.resolve("err"));
            assertTrue(err.contains("was cancelled at statement 2 of 3"), err);

            JsonNode slow = new ObjectMapper().readTree(p.run("status", "--json").stdout()).get("migrations").get(1);
            assertEquals(pg ? "rolled_back" : "failed", slow.get("state").asText(), slow.toString());
            assertTrue(slow.get("history").get(0).get("logs").asText().contains("cancelled"), slow.toString());
        }
    }
}
