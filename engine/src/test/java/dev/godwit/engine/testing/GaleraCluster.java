package dev.godwit.engine.testing;

import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.project.DatabaseUrl;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real three-node MariaDB Galera cluster on loopback for tests. {@code GODWIT_TEST_GALERA_PORTS}
 * ("13306,13307,13308", root without password on 127.0.0.1) names a running one (as {@code .ci/run} starts it);
 * without it the first test that needs one starts it with {@code scripts/test-servers/galera-cluster}
 * (some 30 s) and stops it when the JVM exits. When neither works the tests are skipped with a notice;
 * {@code GODWIT_TEST_GALERA=off} skips them outright.
 */
public final class GaleraCluster {
    private static List<Integer> ports;
    private static String unavailable;

    private GaleraCluster() {
    }

    /** The SQL ports of the three nodes; skips the calling test when no cluster can be had. */
    public static synchronized List<Integer> ports() {
        if (ports == null && unavailable == null) {
            try {
                ports = find();
            } catch (RuntimeException e) {
                unavailable = e.getMessage();
                System.err.println("NOTICE: Galera tests SKIPPED: " + unavailable);
            }
        }
        Assumptions.assumeTrue(ports != null, () -> "no Galera cluster: " + unavailable);
        return ports;
    }

    /** A fresh database on the cluster (created through node 1, so every node has it); closing drops it. */
    public static Database database() {
        List<Integer> p = ports();
        String name = "godwit_g_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec(p.get(0), null, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new Database(name, p);
    }

    /** One database as seen through each node. */
    public record Database(String name, List<Integer> ports) implements AutoCloseable {
        public String url(int node) {
            return "mysql://root@127.0.0.1:" + ports.get(node) + "/" + name;
        }

        public Target target(int node) {
            DatabaseUrl u = DatabaseUrl.parse(url(node));
            return Connections.target(u, Connections.direct(u));
        }

        /** A connection to the node whose reads wait until it has applied everything the cluster committed. */
        public Connection connect(int node) throws SQLException {
            Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + ports.get(node) + "/" + name
                    + "?allowPublicKeyRetrieval=true&useSSL=false", "root", null);
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION wsrep_sync_wait = 1");
            }
            return c;
        }

        @Override
        public void close() {
            exec(ports.get(0), null, "DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    static void exec(int port, String db, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + (db == null ? "" : db)
                + "?allowPublicKeyRetrieval=true&useSSL=false", "root", null);
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<Integer> find() {
        String given = System.getenv("GODWIT_TEST_GALERA_PORTS");
        if (given != null && !given.isBlank()) {
            return Arrays.stream(given.split(",")).map(String::strip).map(Integer::parseInt).toList();
        }
        if ("off".equalsIgnoreCase(System.getenv("GODWIT_TEST_GALERA"))) {
            throw new IllegalStateException("GODWIT_TEST_GALERA=off");
        }
        return start();
    }

    private static List<Integer> start() {
        if (!Files.isExecutable(Path.of("/usr/sbin/mariadbd")) && !onPath("mariadbd")) {
            throw new IllegalStateException("no mariadbd on this machine (set GODWIT_TEST_GALERA_PORTS to use a running cluster)");
        }
        // Ports apart from the script's defaults, from other test JVMs and below the ephemeral range (32768 up).
        int base = 25000 + (int) (ProcessHandle.current().pid() % 200) * 10;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "godwit-test-galera-" + ProcessHandle.current().pid());
        System.err.println("NOTICE: starting a 3-node Galera cluster for the tests on ports " + base + "-" + (base + 2)
                + " (set GODWIT_TEST_GALERA_PORTS to use a running one)");
        Map<String, String> env = Map.of("GALERA_SQL_BASE", String.valueOf(base), "GALERA_IST_BASE", String.valueOf(base + 3),
                "GALERA_SST_BASE", String.valueOf(base + 6), "GALERA_GCOMM_BASE", String.valueOf(base + 3000));
        ServerScript.named("galera-cluster", env, dir).upUntilExit(300, 90);
        return List.of(base, base + 1, base + 2);
    }

    private static boolean onPath(String program) {
        List<String> dirs = new ArrayList<>(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(":")));
        return dirs.stream().anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
