package dev.godwit.shell.session;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Keeps track of the statements open on a session's connections, so that Ctrl-C in the
 * shell can cancel whatever the database is running now, whichever command started it.
 */
public final class StatementTracker {
    private final Set<Statement> open = ConcurrentHashMap.newKeySet();

    /** Cancels every open statement; returns how many were asked to stop. */
    public int cancelAll() {
        int n = 0;
        for (Statement s : open) {
            try {
                s.cancel();
                n++;
            } catch (SQLException | RuntimeException ignored) {
                // closed meanwhile, or the driver cannot cancel: nothing more to do
            }
        }
        return n;
    }

    public int openCount() {
        return open.size();
    }

    DataSource wrap(DataSource ds) {
        return new TrackingDataSource(ds);
    }

    private Connection wrap(Connection c) {
        Set<Statement> mine = ConcurrentHashMap.newKeySet();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                new Forward(c) {
                    @Override
                    Object after(Method m, Object result) {
                        if (m.getName().equals("close")) {
                            open.removeAll(mine);
                            mine.clear();
                        }
                        if (result instanceof Statement s) {
                            open.add(s);
                            mine.add(s);
                            Class<?> iface = m.getReturnType().isInterface() ? m.getReturnType() : Statement.class;
                            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{iface},
                                    new Forward(s) {
                                        @Override
                                        Object after(Method sm, Object r) {
                                            if (sm.getName().equals("close")) {
                                                open.remove(s);
                                                mine.remove(s);
                                            }
                                            return r;
                                        }
                                    });
                        }
                        return result;
                    }
                });
    }

    private abstract static class Forward implements InvocationHandler {
        private final Object target;

        Forward(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getName().equals("unwrap") && args != null && args.length == 1 && args[0] instanceof Class<?> c
                    && c.isInstance(target)) {
                return target;
            }
            if (m.getName().equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (m.getName().equals("hashCode") && args == null) {
                return System.identityHashCode(proxy);
            }
            try {
                return after(m, m.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        abstract Object after(Method m, Object result);
    }

    private final class TrackingDataSource implements DataSource {
        private final DataSource ds;

        TrackingDataSource(DataSource ds) {
            this.ds = ds;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(ds.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return wrap(ds.getConnection(user, password));
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return ds.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            ds.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            ds.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return ds.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(ds) ? iface.cast(ds) : ds.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(ds) || ds.isWrapperFor(iface);
        }
    }
}
