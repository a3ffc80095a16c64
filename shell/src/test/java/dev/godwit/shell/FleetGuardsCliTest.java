package dev.godwit.shell;

import dev.godwit.engine.Provider;
import dev.godwit.engine.testing.GaleraCluster;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.PgBouncers;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.*;

/** A fleet's targets get what a single apply's database gets: the production note, the pooler check, Galera's lock row. */
class FleetGuardsCliTest {
    @TempDir
    Path tmp;

    private static TestProject project(Path root, TestDatabase db, String toml) {
        TestProject p = new TestProject(root, db);
        MigrationsDir.write(root.resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n" + toml);
        p.add("20240101000001_m1", "CREATE TABLE " + p.q("t1") + " (id INTEGER PRIMARY KEY);\n");
        p.add("20240101000002_m2", "CREATE TABLE " + p.q("t2") + " (id INTEGER PRIMARY KEY);\n");
        return p;
    }

    @Test
    void tenantSchemasBehindATransactionPoolerAreRefusedThenMigratedThroughTheDirectUrl() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE SCHEMA tenant_1");
            db.execute("CREATE SCHEMA tenant_2");
            String pooled = PgBouncers.url(PgBouncers.TRANSACTION_IGNORING_SEARCH_PATH, db.name());
            String fleet = "[fleet.tenants]\nschemas = \"tenant\\\\_%\"\n";
            TestProject p = project(tmp.resolve("p"), db, "[env.dev]\nurl = \"" + pooled + "\"\n\n" + fleet);

            GodwitRun refused = p.run("apply", "--fleet", "tenants");
            assertEquals(1, refused.exitCode(), refused.all());
            assertTrue(refused.stdout().contains("2 targets: 2 failed"), refused.all());
            assertTrue(refused.stdout().contains("goes through a connection pooler in transaction mode"), refused.all());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema LIKE 'tenant%'"),
                    "nothing applied through the pooler");
            // reading works through it
            GodwitRun status = p.run("status", "--fleet", "tenants");
            assertTrue(status.stdout().contains("2 targets: 2 pending"), status.all());

            MigrationsDir.write(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[env.dev]\nurl = \""
                    + pooled + "\"\ndirect_url = \"" + db.url() + "\"\n\n" + fleet);
            GodwitRun apply = p.run("apply", "--fleet", "tenants");
            assertEquals(0, apply.exitCode(), apply.all());
            assertTrue(apply.all().contains("migrating through the direct URL from godwit.toml [env.dev] direct_url"), apply.all());
            for (String s : new String[]{"tenant_1", "tenant_2"}) {
                assertEquals("2", db.scalar("SELECT COUNT(*) FROM " + s + "._prisma_migrations WHERE finished_at IS NOT NULL"));
            }
        }
    }

    @Test
    void aFleetInTheDatabaseOfAProductionEnvironmentSaysSoAndDeploysFromBatchAsASingleApplyDoes() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE SCHEMA tenant_1");
            db.execute("CREATE SCHEMA tenant_2");
            TestProject p = project(tmp.resolve("p"), db, "[env.prod]\nurl = \"" + db.url() + "\"\nproduction = true\n\n"
                    + "[fleet.tenants]\nschemas = \"tenant\\\\_%\"\n");
            GodwitRun apply = p.run("--env", "prod", "apply", "--fleet", "tenants");
            assertEquals(0, apply.exitCode(), apply.all());
            assertTrue(apply.all().contains("2 of its 2 targets are production databases ([env.prod] is marked production = true)"), apply.all());
            assertTrue(apply.stdout().contains("2 targets: 2 applied"), apply.all());
        }
    }

    @Test
    void onGaleraEachFleetTargetTakesTheLockRowOfItsOwnDatabase() throws Exception {
        try (GaleraCluster.Database a = GaleraCluster.database(); GaleraCluster.Database b = GaleraCluster.database()) {
            Path root = tmp.resolve("p");
            MigrationsDir.write(root.resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[fleet.shards]\nurls = [\""
                    + a.url(0) + "\", \"" + b.url(0) + "\"]\n");
            MigrationsDir.write(root.resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"mysql\"\n}\n");
            new MigrationsDir(root.resolve("prisma/migrations"), Provider.MYSQL)
                    .add("20240101000001_m1", "CREATE TABLE `t1` (id INTEGER PRIMARY KEY);\n")
                    .add("20240101000002_slow", "DO SLEEP(4);\n");
            // A deploy of database b through node 2 holds b's lock row while it sleeps.
            Process single = GodwitRun.start(root, tmp.resolve("out"), tmp.resolve("err"), "--url", b.url(1), "apply", "--no-color");
            long deadline = System.currentTimeMillis() + 30_000;
            while (!rowHeld(a, b.name())) {
                assertTrue(single.isAlive() && System.currentTimeMillis() < deadline, "the single deploy never took b's lock row");
                Thread.sleep(50);
            }
            // The fleet goes through node 1: GET_LOCK there is free, but b's row is not.
            GodwitRun fleet = GodwitRun.inProcess("--project", root.toString(), "apply", "--fleet", "shards", "--lock-timeout", "1", "--max-failures", "2");
            assertEquals(0, GodwitRun.waitFor(single, 60), "the single deploy of b ends well");
            assertEquals(1, fleet.exitCode(), fleet.all());
            assertTrue(fleet.stdout().contains("could not take the cluster-wide migration lock"), fleet.all());
            assertTrue(fleet.stdout().matches("(?s).*" + a.name() + " +\\| applied.*"), fleet.all());
            try (Connection c = b.connect(2); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT migration_name) FROM _prisma_migrations")) {
                rs.next();
                assertEquals(2, rs.getInt(1), "each migration of b applied once, by the single deploy");
                assertEquals(2, rs.getInt(2));
            }
        }
    }

    @Test
    void onGaleraAResumeTakesOverTheLockRowsOfAKilledFleetWithoutWaitingForThemToGoStale() throws Exception {
        try (GaleraCluster.Database a = GaleraCluster.database(); GaleraCluster.Database b = GaleraCluster.database()) {
            Path root = tmp.resolve("p");
            MigrationsDir.write(root.resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[fleet.shards]\nurls = [\""
                    + a.url(0) + "\", \"" + b.url(0) + "\"]\n");
            MigrationsDir.write(root.resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"mysql\"\n}\n");
            new MigrationsDir(root.resolve("prisma/migrations"), Provider.MYSQL)
                    .add("20240101000001_m1", "CREATE TABLE `t1` (id INTEGER PRIMARY KEY);\n")
                    .add("20240101000002_slow", "CREATE TABLE `t2` (id INTEGER PRIMARY KEY);\nINSERT INTO `t2` VALUES (1);\nDO SLEEP(3);\n")
                    .add("20240101000003_last", "CREATE TABLE `t3` (id INTEGER PRIMARY KEY);\n");
            Process fleet = GodwitRun.start(root, tmp.resolve("out"), tmp.resolve("err"), "apply", "--fleet", "shards",
                    "--parallel", "2", "--no-color");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!inside(a, "20240101000002_slow") || !inside(b, "20240101000002_slow")) {
                assertTrue(fleet.isAlive() && System.currentTimeMillis() < deadline, "the fleet never got inside the slow migration on both");
                Thread.sleep(50);
            }
            fleet.destroyForcibly();   // SIGKILL: the lock rows stay taken, their heartbeats stop
            fleet.waitFor();
            assertTrue(rowHeld(a, a.name()) && rowHeld(a, b.name()), "the killed run left both lock rows taken");

            // The rows would go stale only after two minutes; the resumption sees their sessions gone and takes them over.
            GodwitRun resume = GodwitRun.inProcess("--project", root.toString(), "apply", "--fleet", "shards", "--resume",
                    "--lock-timeout", "45", "--no-color");
            assertEquals(0, resume.exitCode(), resume.all());
            for (GaleraCluster.Database d : java.util.List.of(a, b)) {
                try (Connection c = d.connect(2); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT migration_name) FROM _prisma_migrations"
                             + " WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")) {
                    rs.next();
                    assertEquals(3, rs.getInt(1), "each migration of " + d.name() + " applied once");
                    assertEquals(3, rs.getInt(2));
                }
                try (Connection c = d.connect(1); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t2")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "the slow migration's row once on " + d.name());
                }
                assertFalse(rowHeld(a, d.name()), "the resumption let go of " + d.name() + "'s row");
            }
        }
    }

    private static boolean inside(GaleraCluster.Database d, String migration) {
        try (Connection c = d.connect(0); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '" + migration + "' AND finished_at IS NULL")) {
            rs.next();
            return rs.getInt(1) == 1;
        } catch (java.sql.SQLException noHistoryYet) {
            return false;
        }
    }

    private static boolean rowHeld(GaleraCluster.Database any, String database) throws Exception {
        try (Connection c = any.connect(0); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '_godwit'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return false;
            }
        }
        try (Connection c = any.connect(0); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM `_godwit`.`migration_lock` WHERE lock_key = '" + database + "' AND token IS NOT NULL")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
