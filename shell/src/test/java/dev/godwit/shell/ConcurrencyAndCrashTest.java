package dev.godwit.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Real processes: several godwits at once, and one killed with SIGKILL half-way. */
class ConcurrencyAndCrashTest {
    private static final int PROCESSES = 8;
    private static final int MIGRATIONS = 20;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eightProcessesApplyingAtOnceApplyEveryMigrationExactlyOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp.resolve("project"), db);
            String pause = kind == TestDatabase.Kind.POSTGRESQL ? "SELECT pg_sleep(0.05);" : "DO SLEEP(0.05);";
            for (int i = 1; i <= MIGRATIONS; i++) {
                String t = p.q("t" + i);
                p.add(String.format("202401010000%02d_m%d", i, i), "CREATE TABLE " + t + " (id INTEGER PRIMARY KEY);\n" + pause
                        + "\nINSERT INTO " + t + " VALUES (" + i + ");\n");
            }
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(GodwitRun.start(p.root(), tmp.resolve("out" + i), tmp.resolve("err" + i),
                        "apply", "--lock-timeout", "120", "--no-color"));
            }
            int totalApplied = 0;
            for (int i = 0; i < PROCESSES; i++) {
                int code = GodwitRun.waitFor(processes.get(i), 180);
                String err = Files.readString(tmp.resolve("err" + i));
                String out = Files.readString(tmp.resolve("out" + i));
                assertEquals(0, code, "process " + i + " failed:\n" + out + err);
                totalApplied += (int) out.lines().filter(l -> l.startsWith("Applying ") && l.contains("done in")).count();
            }
            assertEquals(MIGRATIONS, totalApplied, "each migration applied by exactly one process");
            assertEquals(String.valueOf(MIGRATIONS), db.scalar("SELECT COUNT(*) FROM _prisma_migrations"));
            assertEquals(String.valueOf(MIGRATIONS), db.scalar("SELECT COUNT(DISTINCT migration_name) FROM _prisma_migrations WHERE finished_at IS NOT NULL"));
            assertEquals(0, p.run("status").exitCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aProcessKilledMidMigrationLeavesATruthfulStateThatResolveAndApplyRecover(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            TestProject p = new TestProject(tmp.resolve("project"), db)
                    .add("20240101000000_init", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n")
                    // Stands for a long data migration: the process is killed while it runs.
                    .add("20240102000000_slow", "CREATE TABLE b (id INTEGER PRIMARY KEY);\n"
                            + (pg ? "SELECT pg_sleep(60);" : "DO SLEEP(6);") + "\nCREATE TABLE c (id INTEGER PRIMARY KEY);\n");
            Process proc = GodwitRun.start(p.root(), tmp.resolve("out"), tmp.resolve("err"), "apply", "--no-color");
            waitUntilStarted(db, "20240102000000_slow", proc);
            Thread.sleep(500);
            proc.destroyForcibly();   // SIGKILL: no shutdown hook, no cleanup
            proc.waitFor();
            endOrphanedSessions(db);

            GodwitRun status = p.run("status", "--json");
            assertEquals(3, status.exitCode(), status.all());
            JsonNode slow = new ObjectMapper().readTree(status.stdout()).get("migrations").get(1);
            assertEquals("failed", slow.get("state").asText(), slow.toString());
            assertTrue(db.tables().contains("a"));
            assertFalse(db.tables().contains("c"), "the statement after the kill never ran");
            if (pg) {
                assertFalse(db.tables().contains("b"), "PostgreSQL rolled the killed migration's transaction back");
            } else {
                assertTrue(db.tables().contains("b"), "MySQL kept the statement that had committed");
                assertEquals(1, slow.get("history").get(0).get("appliedSteps").asInt(), "the history counts what took effect");
                db.execute("DROP TABLE b");
            }
            Files.writeString(p.migrationFile("20240102000000_slow"), "CREATE TABLE b (id INTEGER PRIMARY KEY);\nCREATE TABLE c (id INTEGER PRIMARY KEY);\n");
            GodwitRun resolve = p.run("resolve", "--rolled-back", "20240102000000_slow", "--lock-timeout", "30", "--reason", "killed during deploy");
            assertEquals(0, resolve.exitCode(), resolve.all());
            GodwitRun apply = p.run("apply", "--lock-timeout", "30");
            assertEquals(0, apply.exitCode(), apply.all());
            assertEquals(0, p.run("status").exitCode());
            assertTrue(db.tables().containsAll(List.of("a", "b", "c")));
        }
    }

    /**
     * The server goes on with a killed client's statement (pg_sleep, SLEEP) until it next talks to it; until
     * then that session holds the migration lock and status truthfully calls the migration running. End the
     * session as the server would, then wait until the lock is free.
     */
    private static void endOrphanedSessions(TestDatabase db) throws InterruptedException {
        boolean pg = db.kind() == TestDatabase.Kind.POSTGRESQL;
        if (pg) {
            db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        } else {
            for (List<String> row : db.query("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()")) {
                try {
                    db.execute("KILL " + row.get(0));
                } catch (RuntimeException gone) {
                    // ended by itself meanwhile
                }
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        String free = pg ? "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                : "SELECT COUNT(*) FROM (SELECT IS_USED_LOCK('prisma_migrate') AS h) x WHERE h IS NOT NULL";
        while (!"0".equals(db.scalar(free)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    private static void waitUntilStarted(TestDatabase db, String migration, Process proc) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(proc.isAlive(), "godwit ended before the slow migration started");
            try {
                if ("1".equals(db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '" + migration + "'"))) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the history table does not exist yet
            }
            Thread.sleep(100);
        }
        fail("the slow migration never started");
    }
}
