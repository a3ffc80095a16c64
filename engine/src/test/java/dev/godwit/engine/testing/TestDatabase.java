package dev.godwit.engine.testing;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.Provider;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** A database owned by one test; closing drops it. */
public final class TestDatabase implements AutoCloseable {
    public enum Kind { POSTGRESQL, MYSQL }

    private final Kind kind;
    private final TestDatabases.ServerUrl url;
    private final Runnable dropper;

    TestDatabase(Kind kind, TestDatabases.ServerUrl url, Runnable dropper) {
        this.kind = kind;
        this.url = url;
        this.dropper = dropper;
    }

    public Kind kind() {
        return kind;
    }

    public Provider provider() {
        return kind == Kind.POSTGRESQL ? Provider.POSTGRESQL : Provider.MYSQL;
    }

    public String name() {
        return url.database();
    }

    /** Prisma-style URL ({@code postgresql://user@host:port/db}). */
    public String url() {
        return url.url();
    }

    public String jdbcUrl() {
        return url.jdbcUrl();
    }

    /** The schema migrations land in: "public" on PostgreSQL, the database itself on MySQL. */
    public String schema() {
        return kind == Kind.POSTGRESQL ? "public" : url.database();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    public DataSource dataSource() {
        return new SimpleDataSource();
    }

    public Target target() {
        return new Target(Dialect.of(provider()), dataSource(), schema(), url.host() + ":" + url.port() + "/" + url.database());
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Rows of a query as lists of strings (null stays null). */
    public List<List<String>> query(String sql) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    public String scalar(String sql) {
        List<List<String>> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** Table names in the test's schema, sorted. */
    public List<String> tables() {
        String sql = kind == Kind.POSTGRESQL
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
                : "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + url.database() + "' ORDER BY 1";
        return query(sql).stream().map(r -> r.get(0)).toList();
    }

    @Override
    public void close() {
        dropper.run();
    }

    private final class SimpleDataSource implements DataSource {
        @Override public Connection getConnection() throws SQLException { return connect(); }
        @Override public Connection getConnection(String u, String p) throws SQLException { return connect(); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return Logger.getGlobal(); }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
