package dev.godwit.engine.db;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A data source that hands out its inner source's connections through {@code decorate} (to track the
 * statements they run, to note the server session they are) and passes everything else through.
 */
public final class DecoratingDataSource implements DataSource {
    /** What happens to each connection before it is handed out; it may close it and throw. */
    @FunctionalInterface
    public interface Decoration {
        Connection apply(Connection c) throws SQLException;
    }

    private final DataSource inner;
    private final Decoration decorate;

    public DecoratingDataSource(DataSource inner, Decoration decorate) {
        this.inner = inner;
        this.decorate = decorate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return decorate.apply(inner.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return decorate.apply(inner.getConnection(user, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return inner.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        inner.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        inner.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return inner.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        try {
            return inner.getParentLogger();
        } catch (SQLFeatureNotSupportedException e) {
            return Logger.getGlobal();
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(inner) ? iface.cast(inner) : inner.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(inner) || inner.isWrapperFor(iface);
    }
}
