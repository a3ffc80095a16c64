package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.MigrationFailedException;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.Provider;
import dev.godwit.engine.testing.GaleraCluster;
import dev.godwit.engine.testing.MigrationsDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Migrations on a real three-node MariaDB Galera cluster on loopback: the lock and the history across nodes. */
class GaleraMigrationTest {
    private static final Duration LOCK = Duration.ofSeconds(120);
    private static final int MIGRATIONS = 6;

    @TempDir
    Path tmp;

    @Test
    void statusShowsTheClusterAsTheNodeSeesIt() {
        try (GaleraCluster.Database db = GaleraCluster.database()) {
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), Provider.MYSQL).add("20240101000000_a", "CREATE TABLE a (id INT PRIMARY KEY);\n");
            StatusReport r = new Migrator(db.target(1)).status(dir.read());
            var cluster = r.cluster().orElseThrow(() -> new AssertionError("a Galera node is reported as one"));
            assertEquals("Galera", cluster.kind());
            assertEquals(3, cluster.size());
            assertEquals("Primary", cluster.clusterStatus());
            assertEquals("Synced", cluster.nodeState());
            assertEquals(3, cluster.members().size(), cluster.members().toString());
            assertTrue(cluster.members().contains("127.0.0.1:" + db.ports().get(1)), cluster.members().toString());
        }
    }

    @Test
    void twoDeploysThroughTwoNodesApplyEveryMigrationExactlyOnce() throws Exception {
        try (GaleraCluster.Database db = GaleraCluster.database()) {
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), Provider.MYSQL);
            // The first migration is slow, so that both deploys are sure to overlap; each one logs its run in a
            // table, and creating its table a second time would fail.
            dir.add("20240101000000_m0", "CREATE TABLE runs (id INT AUTO_INCREMENT PRIMARY KEY, migration VARCHAR(50) NOT NULL);\n"
                    + "DO SLEEP(2);\nINSERT INTO runs (migration) VALUES ('m0');\n");
            for (int i = 1; i < MIGRATIONS; i++) {
                dir.add("2024010100000" + i + "_m" + i, "CREATE TABLE t" + i + " (id INT PRIMARY KEY);\n"
                        + "INSERT INTO runs (migration) VALUES ('m" + i + "');\n");
            }
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<ApplyResult>> runs = new ArrayList<>();
                for (int node : new int[]{0, 1}) {
                    runs.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return new Migrator(db.target(node)).apply(dir.read(), LOCK, false, ApplyListener.NONE);
                    }));
                }
                int applied = 0;
                for (Future<ApplyResult> f : runs) {
                    applied += f.get(300, TimeUnit.SECONDS).applied().size();
                }
                assertEquals(MIGRATIONS, applied, "between them the two deploys applied each migration once");
            } finally {
                pool.shutdownNow();
            }
            for (int node = 0; node < 3; node++) {
                try (Connection c = db.connect(node)) {
                    assertEquals(MIGRATIONS, count(c, "SELECT COUNT(*) FROM runs"), "node " + (node + 1) + ": each migration ran once");
                    assertEquals(MIGRATIONS, count(c, "SELECT COUNT(DISTINCT migration) FROM runs"));
                    assertEquals(MIGRATIONS, count(c, "SELECT COUNT(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL"));
                    assertEquals(MIGRATIONS, count(c, "SELECT COUNT(*) FROM _prisma_migrations"), "node " + (node + 1) + ": one history row per migration");
                }
            }
            // The lock row is free again, and nothing holds Prisma's lock.
            try (Connection c = db.connect(2)) {
                assertEquals(0, count(c, "SELECT COUNT(*) FROM `_godwit`.`migration_lock` WHERE lock_key = '" + db.name() + "' AND token IS NOT NULL"));
            }
            assertTrue(new Migrator(db.target(2)).status(dir.read()).lockHolder().isEmpty());
        }
    }

    @Test
    void aFailedMigrationLeavesTheSameHistoryOnEveryNode() throws Exception {
        try (GaleraCluster.Database db = GaleraCluster.database()) {
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), Provider.MYSQL)
                    .add("20240101000000_ok", "CREATE TABLE a (id INT PRIMARY KEY);\n")
                    .add("20240102000000_broken", "CREATE TABLE b (id INT PRIMARY KEY);\nALTER TABLE missing ADD COLUMN x INT;\n");
            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> new Migrator(db.target(0)).apply(dir.read(), LOCK, false, ApplyListener.NONE));
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
            List<List<String>> first = null;
            for (int node = 0; node < 3; node++) {
                try (Connection c = db.connect(node)) {
                    List<List<String>> rows = rows(c, "SELECT id, migration_name, checksum, finished_at IS NULL, rolled_back_at IS NULL, "
                            + "applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at, migration_name");
                    assertEquals(2, rows.size(), "node " + (node + 1) + ": " + rows);
                    assertEquals("20240102000000_broken", rows.get(1).get(1));
                    assertEquals("1", rows.get(1).get(3), "unfinished");
                    assertEquals("1", rows.get(1).get(5), "the first statement took effect");
                    assertNotNull(rows.get(1).get(6), "the failure is logged");
                    assertEquals(List.of("a", "b"), rows(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                            + db.name() + "' AND TABLE_NAME IN ('a', 'b') ORDER BY 1").stream().map(r -> r.get(0)).toList());
                    if (first == null) {
                        first = rows;
                    } else {
                        assertEquals(first, rows, "node " + (node + 1) + " has the same history as node 1");
                    }
                }
            }
            // A deploy through another node refuses as Prisma would: the failure is unresolved everywhere.
            var refusal = assertThrows(dev.godwit.engine.GodwitException.class,
                    () -> new Migrator(db.target(2)).apply(dir.read(), LOCK, false, ApplyListener.NONE));
            assertTrue(refusal.getMessage().contains("20240102000000_broken"), refusal.getMessage());
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
