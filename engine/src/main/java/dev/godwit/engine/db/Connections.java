package dev.godwit.engine.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.project.DatabaseUrl;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/** DataSources for a database URL: a plain one for one-shot commands, a small pool for long sessions. */
public final class Connections {
    private Connections() {
    }

    public static Target target(DatabaseUrl url, DataSource dataSource) {
        return new Target(Dialect.of(url.provider()), dataSource, url.schema(), url.display());
    }

    /** Opens a new connection per call: no pool threads, nothing to warm up. */
    public static DataSource direct(DatabaseUrl url) {
        return new DirectDataSource(url.jdbcUrl(), url.jdbcProperties());
    }

    /** As {@link #direct}; {@code statementSafe}: no named server-side statements (through a transaction-mode pooler). */
    public static DataSource direct(DatabaseUrl url, boolean statementSafe) {
        return direct(url, statementSafe, statementSafe);
    }

    /** As {@link #direct}; {@code bareStartup}: no schema among the startup parameters (PgBouncer refuses it). */
    public static DataSource direct(DatabaseUrl url, boolean statementSafe, boolean bareStartup) {
        return new DirectDataSource(jdbcUrl(url, bareStartup), properties(url, statementSafe));
    }

    /**
     * The JDBC URL; through a transaction-mode pooler without {@code currentSchema}, which the driver sends as a
     * startup parameter that PgBouncer refuses (and a session setting would outlive the transaction anyway).
     */
    private static String jdbcUrl(DatabaseUrl url, boolean bareStartup) {
        String u = url.jdbcUrl();
        if (!bareStartup) {
            return u;
        }
        int q = u.indexOf('?');
        if (q < 0) {
            return u;
        }
        StringBuilder sb = new StringBuilder(u.substring(0, q));
        char sep = '?';
        for (String part : u.substring(q + 1).split("&")) {
            if (!part.isEmpty() && !part.startsWith("currentSchema=")) {
                sb.append(sep).append(part);
                sep = '&';
            }
        }
        return sb.toString();
    }

    /** As {@link #pooled(DatabaseUrl, int)}, with no named server-side statements when {@code statementSafe}. */
    public static HikariDataSource pooled(DatabaseUrl url, int maxSize, boolean statementSafe, boolean bareStartup) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(url, bareStartup));
        config.setDataSourceProperties(properties(url, statementSafe));
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setPoolName("godwit");
        // Fail on first use, not at construction, so the caller can word the error.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static Properties properties(DatabaseUrl url, boolean statementSafe) {
        Properties p = url.jdbcProperties();
        if (statementSafe) {
            dev.godwit.engine.project.UrlForm.of(url.provider()).keepNoServerStatements(p);
        }
        return p;
    }

    /** A small validated pool that reconnects by itself when the server drops connections. */
    public static HikariDataSource pooled(DatabaseUrl url, int maxSize) {
        return pooled(url, maxSize, false, false);
    }

    private record DirectDataSource(String jdbcUrl, Properties properties) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, properties);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
