package dev.godwit.shell;

import dev.godwit.engine.testing.MigrationsDir;
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

/**
 * A fleet apply killed (-9) while its targets are inside a migration, then {@code --resume}: every target ends up to
 * date and each migration takes effect once, without a hand on the history.
 */
class FleetKillCliTest {
    private static final String SLOW = "20240101000002_slow";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFleetKilledInsideItsTargetsMigrationsIsReadiedAndFinishedByResume(TestDatabase.Kind kind) throws Exception {
        boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
        List<TestDatabase> dbs = new ArrayList<>();
        try {
            dbs.add(TestDatabases.of(kind));
            List<Tenant> tenants = new ArrayList<>();
            String fleet;
            if (pg) {
                for (int i = 1; i <= 3; i++) {
                    dbs.get(0).execute("CREATE SCHEMA tenant_" + i);
                    tenants.add(new Tenant(dbs.get(0), "tenant_" + i + "."));
                }
                fleet = "[fleet.tenants]\nschemas = \"tenant\\\\_%\"\n";
            } else {
                dbs.add(TestDatabases.of(kind));
                dbs.add(TestDatabases.of(kind));
                dbs.forEach(d -> tenants.add(new Tenant(d, "")));
                fleet = "[fleet.tenants]\nurls = [" + String.join(", ", dbs.stream().map(d -> "\"" + d.url() + "\"").toList()) + "]\n";
            }
            TestDatabase main = dbs.get(0);
            TestProject p = new TestProject(tmp.resolve("p"), main);
            MigrationsDir.write(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[env.dev]\nurl = \""
                    + main.url() + "\"\n\n" + fleet);
            p.add("20240101000001_init", "CREATE TABLE " + p.q("a") + " (id INTEGER PRIMARY KEY);\n");
            // Stands for a long data migration, killed while it runs: on PostgreSQL its transaction dies with the
            // client; on MySQL the table and its row have committed, and the sleep may or may not have ended.
            p.add(SLOW, "CREATE TABLE " + p.q("b") + " (id INTEGER PRIMARY KEY);\nINSERT INTO " + p.q("b") + " VALUES (1);\n"
                    + (pg ? "SELECT pg_sleep(3);" : "DO SLEEP(3);") + "\n");
            p.add("20240101000003_last", "CREATE TABLE " + p.q("c") + " (id INTEGER PRIMARY KEY);\n");

            Process proc = GodwitRun.start(p.root(), tmp.resolve("out"), tmp.resolve("err"), "apply", "--fleet", "tenants",
                    "--parallel", "3", "--no-color");
            long deadline = System.currentTimeMillis() + 60_000;
            while (tenants.stream().anyMatch(t -> !t.inside(SLOW))) {
                assertTrue(proc.isAlive(), "the fleet ended before every target was inside the slow migration: "
                        + Files.readString(tmp.resolve("out")) + Files.readString(tmp.resolve("err")));
                assertTrue(System.currentTimeMillis() < deadline, "targets never reached the slow migration");
                Thread.sleep(50);
            }
            proc.destroyForcibly();   // SIGKILL: no shutdown hook, the record is left as the last target start wrote it
            proc.waitFor();
            String record = Files.readString(p.root().resolve(".godwit/fleet/tenants.json"));
            assertEquals(3, record.split("IN_FLIGHT", -1).length - 1, "the record names the three targets in flight: " + record);
            for (Tenant t : tenants) {
                assertEquals("1", t.scalar("SELECT COUNT(*) FROM %s_prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL"),
                        "the killed run left its started row");
            }

            // The killed sessions may still be sleeping on the server: the resumption waits for them.
            GodwitRun resume = p.run("apply", "--fleet", "tenants", "--resume", "--parallel", "3", "--no-color");
            assertEquals(0, resume.exitCode(), resume.all());
            assertEquals(3, resume.stdout().split("readied after the interrupted run: " + SLOW, -1).length - 1, resume.all());
            if (!pg) {
                assertTrue(resume.stdout().contains("reversed what had taken effect"), "MySQL had committed part of it: " + resume.all());
            }
            for (Tenant t : tenants) {
                assertEquals("3", t.scalar("SELECT COUNT(*) FROM %s_prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL"));
                assertEquals("3", t.scalar("SELECT COUNT(DISTINCT migration_name) FROM %s_prisma_migrations WHERE finished_at IS NOT NULL"));
                assertEquals("0", t.scalar("SELECT COUNT(*) FROM %s_prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL"));
                assertEquals("1", t.scalar("SELECT COUNT(*) FROM %sb"), "the slow migration's row once");
            }
            assertEquals(0, p.run("status", "--fleet", "tenants").exitCode());
        } finally {
            dbs.forEach(TestDatabase::close);
        }
    }

    /** One target: its database, and the schema prefix its tables are named with. */
    private record Tenant(TestDatabase db, String prefix) {
        boolean inside(String migration) {
            try {
                return "1".equals(scalar("SELECT COUNT(*) FROM %s_prisma_migrations WHERE migration_name = '" + migration
                        + "' AND finished_at IS NULL"));
            } catch (RuntimeException noHistoryYet) {
                return false;
            }
        }

        String scalar(String sql) {
            return db.scalar(sql.formatted(prefix));
        }
    }
}
