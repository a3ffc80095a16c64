package dev.godwit.shell;

import dev.godwit.engine.db.Connections;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.PgBouncers;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.*;

/** godwit against a real PgBouncer on loopback: the lock is never taken through a transaction-mode pooler. */
class PoolerCliTest {
    @TempDir
    Path tmp;

    private static TestProject project(Path root, TestDatabase db, String url) {
        return new TestProject(root, db, url).blog();
    }

    @Test
    void applyThroughATransactionPoolerIsRefusedWithTheReasonAndStatusStillReads() {
        String pooled;
        try (TestDatabase db = TestDatabases.postgres()) {
            pooled = PgBouncers.url(PgBouncers.TRANSACTION, db.name());
            TestProject p = project(tmp.resolve("p"), db, pooled);

            GodwitRun apply = p.run("apply");
            assertEquals(4, apply.exitCode(), apply.all());
            assertTrue(apply.stderr().contains("goes through a connection pooler in transaction mode"), apply.all());
            assertTrue(apply.stderr().contains("PgBouncer") || apply.stderr().contains("server backend"), "names the evidence: " + apply.all());
            assertTrue(apply.stderr().contains("directUrl") && apply.stderr().contains("direct_url"), "says the way out: " + apply.all());
            assertFalse(db.tables().contains("_prisma_migrations"), "nothing was applied");

            GodwitRun status = p.run("status");
            assertEquals(3, status.exitCode(), status.all());
            assertTrue(status.stdout().contains("3 pending"), status.all());
        }
    }

    @Test
    void aTransactionPoolerFoundByItsBackendsIsBypassedThroughTheDirectUrlOfTheEnvironment() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            String pooled = PgBouncers.url(PgBouncers.TRANSACTION_IGNORING_SEARCH_PATH, db.name());
            TestProject p = project(tmp.resolve("p"), db, pooled);

            GodwitRun refused = p.run("apply");
            assertEquals(4, refused.exitCode(), refused.all());
            assertTrue(refused.stderr().contains("server backend"), "the backends are the evidence here: " + refused.all());

            MigrationsDir.write(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[env.dev]\nurl = \""
                    + pooled + "\"\ndirect_url = \"" + db.url() + "\"\n");
            GodwitRun apply = p.run("apply");
            assertEquals(0, apply.exitCode(), apply.all());
            assertTrue(apply.all().contains("migrating through the direct URL from godwit.toml [env.dev] direct_url"), apply.all());
            assertEquals("3", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL"));
            // The lock was taken on the server directly and is gone with the run.
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
            GodwitRun status = p.run("status");
            assertEquals(0, status.exitCode(), status.all());
        }
    }

    @Test
    void theSchemaDatasourceDirectUrlIsUsedAsPrismaUsesIt() {
        try (TestDatabase db = TestDatabases.postgres()) {
            String pooled = PgBouncers.url(PgBouncers.TRANSACTION, db.name());
            TestProject p = project(tmp.resolve("p"), db, pooled);
            MigrationsDir.write(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n");
            MigrationsDir.write(p.root().resolve("prisma/schema.prisma"),
                    "datasource db {\n  provider  = \"postgresql\"\n  url       = env(\"POOLED_URL\")\n  directUrl = env(\"MIGRATE_URL\")\n}\n");
            GodwitRun apply = GodwitRun.inProcess(GodwitRun.env("DATABASE_URL", pooled, "MIGRATE_URL", db.url()),
                    "--project", p.root().toString(), "apply");
            assertEquals(0, apply.exitCode(), apply.all());
            assertTrue(apply.all().contains("schema.prisma datasource directUrl"), apply.all());
            assertEquals("3", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL"));
        }
    }

    @Test
    void aSessionPoolerKeepsSessionsWholeAndIsUsedAsIs() {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = project(tmp.resolve("p"), db, PgBouncers.url(PgBouncers.SESSION, db.name()));
            GodwitRun apply = p.run("apply");
            assertEquals(0, apply.exitCode(), apply.all());
            assertFalse(apply.all().contains("pooler"), apply.all());
            assertEquals("3", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL"));
        }
    }

    @Test
    void connectionsThroughATransactionPoolerLeaveNoNamedStatementOnTheBackends() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            DatabaseUrl url = DatabaseUrl.parse(PgBouncers.url(PgBouncers.TRANSACTION, db.name()));
            var ds = Connections.direct(url, true);
            try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
                for (int i = 0; i < 10; i++) {
                    for (Connection c : new Connection[]{a, b}) {
                        try (PreparedStatement ps = c.prepareStatement("SELECT ? + 1")) {
                            ps.setInt(1, i);
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                assertEquals(i + 1, rs.getInt(1));
                            }
                        }
                    }
                }
                try (Statement st = a.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_prepared_statements")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "no named server-side statement for the next client of this backend");
                }
            }
        }
    }
}
