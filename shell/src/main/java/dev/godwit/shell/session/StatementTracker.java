package dev.godwit.shell.session;

import dev.godwit.engine.db.DecoratingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
        return new DecoratingDataSource(ds, this::wrap);
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
}
