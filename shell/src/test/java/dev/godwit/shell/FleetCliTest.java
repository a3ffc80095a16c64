package dev.godwit.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** status and apply over fleets of real schemas and databases. */
class FleetCliTest {
    @TempDir
    Path tmp;

    private static TestProject project(Path root, TestDatabase db, String fleetToml) {
        TestProject p = new TestProject(root, db);
        MigrationsDir.write(root.resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[env.dev]\nurl = \""
                + db.url() + "\"\n\n" + fleetToml);
        for (int i = 1; i <= 3; i++) {
            p.add("2024010100000" + i + "_m" + i, "CREATE TABLE " + p.q("t" + i) + " (id INTEGER PRIMARY KEY);\n");
        }
        return p;
    }

    @Test
    void aSchemaPerTenantFleetStopsAtItsFirstFailureAndResumesWhereItStopped() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            for (int i = 1; i <= 4; i++) {
                db.execute("CREATE SCHEMA tenant_" + i);
            }
            db.execute("CREATE SCHEMA other");
            TestProject p = project(tmp.resolve("p"), db, "[fleet.tenants]\nschemas = \"tenant\\\\_%\"\nparallel = 1\n");
            // tenant_2 has every table but no record of the third migration: that one fails there.
            GodwitRun first = p.run("--url", db.url() + "?schema=tenant_2", "apply");
            assertEquals(0, first.exitCode(), first.all());
            db.execute("DELETE FROM tenant_2._prisma_migrations WHERE migration_name = '20240101000003_m3'");

            GodwitRun status = p.run("status", "--fleet", "tenants");
            assertEquals(3, status.exitCode(), status.all());
            assertTrue(status.stdout().contains("4 targets: 4 pending"), status.all());
            assertFalse(status.stdout().contains("other"), "only the schemas of the pattern: " + status.all());

            GodwitRun apply = p.run("apply", "--fleet", "tenants", "--max-failures", "1");
            assertEquals(1, apply.exitCode(), apply.all());
            assertTrue(apply.stdout().contains("tenant_1 | applied"), apply.all());
            assertTrue(apply.stdout().matches("(?s).*tenant_2 \\| failed .*t3.*"), apply.all());
            assertTrue(apply.stdout().contains("tenant_3 | skipped") && apply.stdout().contains("tenant_4 | skipped"), apply.all());
            assertTrue(apply.stdout().contains("--resume"), apply.all());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'tenant_3'"), "not started");
            assertTrue(Files.isRegularFile(p.root().resolve(".godwit/fleet/tenants.json")));

            // Fix tenant_2 as a user would, then resume: tenant_1 is not touched again.
            db.execute("DROP TABLE tenant_2.t3");
            GodwitRun resolve = p.run("--url", db.url() + "?schema=tenant_2", "resolve", "--rolled-back", "20240101000003_m3");
            assertEquals(0, resolve.exitCode(), resolve.all());
            GodwitRun resume = p.run("apply", "--fleet", "tenants", "--resume", "--json");
            assertEquals(0, resume.exitCode(), resume.all());
            JsonNode j = new ObjectMapper().readTree(resume.stdout());
            assertEquals(1, j.path("counts").path("done_earlier").asInt(), resume.stdout());
            assertEquals(3, j.path("counts").path("applied").asInt(), resume.stdout());
            for (int i = 1; i <= 4; i++) {
                assertEquals("3", db.scalar("SELECT COUNT(*) FROM tenant_" + i + "._prisma_migrations WHERE finished_at IS NOT NULL "
                        + "AND rolled_back_at IS NULL"), "tenant_" + i + ": each migration applied once");
            }
            assertEquals(0, p.run("status", "--fleet", "tenants").exitCode());
        }
    }

    @Test
    void schemasOfOneDatabaseRunInParallelUnderOneHoldOfPrismasDatabaseWideLock() {
        try (TestDatabase db = TestDatabases.postgres()) {
            for (int i = 1; i <= 4; i++) {
                db.execute("CREATE SCHEMA tenant_" + i);
            }
            TestProject p = project(tmp.resolve("p"), db, "[fleet.tenants]\nschemas = \"tenant_%\"\n");
            p.add("20240101000009_slow", "SELECT pg_sleep(1.5);\n");
            // Prisma's advisory lock covers the whole database: targets taking it each in turn would wait for each
            // other past a 1 s lock time-out. The fleet holds it once for all of them.
            GodwitRun apply = p.run("apply", "--fleet", "tenants", "--parallel", "4", "--lock-timeout", "1");
            assertEquals(0, apply.exitCode(), apply.all());
            assertTrue(apply.stdout().contains("4 targets: 4 applied"), apply.all());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 "
                    // pg_locks covers the whole server: other suites' databases hold the same key at the same time
                    + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"), "let go at the end");
        }
    }

    @Test
    void aFailingCanaryStopsTheFleetBeforeAnyOtherTarget() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE TABLE tenants (schema_name text, active boolean)");
            db.execute("INSERT INTO tenants VALUES ('acme', true), ('globex', true), ('initech', true), ('gone', false)");
            for (String s : new String[]{"acme", "globex", "initech"}) {
                db.execute("CREATE SCHEMA " + s);
            }
            db.execute("CREATE TABLE acme.t1 (id int)");
            TestProject p = project(tmp.resolve("p"), db, "[fleet.customers]\nquery = \"SELECT schema_name FROM tenants WHERE active ORDER BY 1\"\n");
            GodwitRun apply = p.run("apply", "--fleet", "customers", "--canary", "1", "--max-failures", "5");
            assertEquals(1, apply.exitCode(), apply.all());
            assertTrue(apply.stdout().contains("acme    | failed"), apply.all());
            assertTrue(apply.stdout().contains("globex  | skipped") && apply.stdout().contains("initech | skipped"), apply.all());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema IN ('globex', 'initech')"));
        }
    }

    @Test
    void aFleetOfMysqlDatabasesFromAListAndAFile() throws Exception {
        try (TestDatabase a = TestDatabases.mysql(); TestDatabase b = TestDatabases.mysql(); TestDatabase c = TestDatabases.mysql()) {
            Files.createDirectories(tmp.resolve("p"));
            Files.writeString(tmp.resolve("p/tenants.txt"), "# one a line\n" + c.url() + "\n\n");
            TestProject p = project(tmp.resolve("p"), a, "[fleet.shards]\nurls = [\"" + a.url() + "\", \"env:SHARD_B\"]\nfile = \"tenants.txt\"\n");
            GodwitRun apply = GodwitRun.inProcess(GodwitRun.env("SHARD_B", b.url()), "--project", p.root().toString(),
                    "apply", "--fleet", "shards", "--parallel", "3", "--json");
            assertEquals(0, apply.exitCode(), apply.all());
            JsonNode j = new ObjectMapper().readTree(apply.stdout());
            assertEquals(3, j.path("counts").path("applied").asInt(), apply.stdout());
            for (TestDatabase d : new TestDatabase[]{a, b, c}) {
                assertEquals("3", d.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL"));
            }
            GodwitRun again = GodwitRun.inProcess(GodwitRun.env("SHARD_B", b.url()), "--project", p.root().toString(), "apply", "--fleet", "shards");
            assertEquals(0, again.exitCode(), again.all());
            assertTrue(again.stdout().contains("3 targets: 3 up to date"), again.all());
        }
    }

    @Test
    void driftOverAFleetNamesTheTargetChangedByHand() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            for (int i = 1; i <= 3; i++) {
                db.execute("CREATE SCHEMA tenant_" + i);
            }
            TestProject p = project(tmp.resolve("p"), db, "[fleet.tenants]\nschemas = \"tenant\\\\_%\"\n");
            assertEquals(0, p.run("apply", "--fleet", "tenants").exitCode());
            db.execute("ALTER TABLE tenant_2.t2 ADD COLUMN note text");

            GodwitRun drift = p.run("drift", "--fleet", "tenants");
            assertEquals(3, drift.exitCode(), drift.all());
            assertTrue(drift.stdout().matches("(?s).*tenant_2 \\| drifted .*"), drift.all());
            assertTrue(drift.stdout().matches("(?s).*tenant_1 \\| none .*") && drift.stdout().matches("(?s).*tenant_3 \\| none .*"), drift.all());
            assertTrue(drift.stdout().contains("3 targets: 2 without drift, 1 drifted"), drift.all());

            GodwitRun json = p.run("drift", "--fleet", "tenants", "--json");
            assertEquals(3, json.exitCode(), json.all());
            JsonNode j = new ObjectMapper().readTree(json.stdout());
            assertEquals(1, j.path("counts").path("drifted").asInt(), json.stdout());
            JsonNode t2 = j.path("targets").get(1);
            assertEquals("tenant_2", t2.path("target").asText());
            assertEquals(1, t2.path("differences").asInt(), json.stdout());
            assertTrue(t2.path("drift").toString().contains("note"), "the report names the column: " + t2);

            db.execute("ALTER TABLE tenant_2.t2 DROP COLUMN note");
            assertEquals(0, p.run("drift", "--fleet", "tenants").exitCode());
        }
    }
}
