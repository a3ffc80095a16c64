package dev.godwit.engine.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Real databases for tests. Each call makes a fresh, empty database that the
 * test owns (and drops on close), so tests never see each other's tables.
 *
 * <p>Servers come from {@code GODWIT_TEST_PG_URL} and {@code GODWIT_TEST_MYSQL_URL}
 * (Prisma-style URLs pointing at an admin database, e.g.
 * {@code postgresql://postgres@127.0.0.1:5432/postgres}). Without the first, an
 * embedded PostgreSQL is started once per JVM; without the second, MySQL tests
 * are skipped with a notice.
 */
public final class TestDatabases {
    private static EmbeddedPostgres embedded;
    private static boolean mysqlNoticePrinted;

    private TestDatabases() {
    }

    public static TestDatabase postgres() {
        ServerUrl server = postgresServer();
        String name = "godwit_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        exec(server, "CREATE DATABASE " + name);
        return new TestDatabase(TestDatabase.Kind.POSTGRESQL, server.withDatabase(name), () -> exec(server,
                "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    public static boolean mysqlAvailable() {
        return System.getenv("GODWIT_TEST_MYSQL_URL") != null;
    }

    /** A fresh MySQL/MariaDB database, or the test is skipped (with a notice) when none is configured. */
    public static TestDatabase mysql() {
        String raw = System.getenv("GODWIT_TEST_MYSQL_URL");
        if (raw == null) {
            synchronized (TestDatabases.class) {
                if (!mysqlNoticePrinted) {
                    System.err.println("NOTICE: MySQL/MariaDB tests SKIPPED: set GODWIT_TEST_MYSQL_URL (e.g. mysql://root@127.0.0.1:3306/mysql) to run them");
                    mysqlNoticePrinted = true;
                }
            }
            Assumptions.abort("MySQL/MariaDB not configured (GODWIT_TEST_MYSQL_URL)");
        }
        ServerUrl server = ServerUrl.parse(raw);
        String name = "godwit_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        exec(server, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new TestDatabase(TestDatabase.Kind.MYSQL, server.withDatabase(name), () -> exec(server, "DROP DATABASE IF EXISTS `" + name + "`"));
    }

    public static TestDatabase of(TestDatabase.Kind kind) {
        return kind == TestDatabase.Kind.POSTGRESQL ? postgres() : mysql();
    }

    private static synchronized ServerUrl postgresServer() {
        String raw = System.getenv("GODWIT_TEST_PG_URL");
        if (raw != null) {
            return ServerUrl.parse(raw);
        }
        if (embedded == null) {
            System.err.println("NOTICE: GODWIT_TEST_PG_URL not set: PostgreSQL tests run on an embedded PostgreSQL");
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }));
        }
        return ServerUrl.parse("postgresql://postgres@localhost:" + embedded.getPort() + "/postgres");
    }

    static void exec(ServerUrl server, String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A minimal URL reader for the test servers (the product's own parser is under test elsewhere). */
    public record ServerUrl(String scheme, String user, String password, String host, int port, String database) {
        static ServerUrl parse(String raw) {
            java.net.URI u = java.net.URI.create(raw);
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            String user = null;
            String password = null;
            if (u.getUserInfo() != null) {
                String[] parts = u.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : null;
            }
            boolean pg = scheme.startsWith("postgres");
            int port = u.getPort() > 0 ? u.getPort() : (pg ? 5432 : 3306);
            String db = u.getPath() == null || u.getPath().length() <= 1 ? (pg ? "postgres" : "mysql") : u.getPath().substring(1);
            return new ServerUrl(pg ? "postgresql" : "mysql", user, password, u.getHost(), port, db);
        }

        ServerUrl withDatabase(String db) {
            return new ServerUrl(scheme, user, password, host, port, db);
        }

        public String jdbcUrl() {
            return "jdbc:" + scheme + "://" + host + ":" + port + "/" + database
                    + (scheme.equals("mysql") ? "?allowPublicKeyRetrieval=true&useSSL=false" : "");
        }

        /** The Prisma-style URL, as a user would write it. */
        public String url() {
            String auth = user == null ? "" : user + (password == null ? "" : ":" + password) + "@";
            return scheme + "://" + auth + host + ":" + port + "/" + database;
        }
    }
}
