package dev.godwit.engine.fleet;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.MigrationLock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prisma's migration lock, held once for all the targets it covers. The lock covers a whole PostgreSQL database
 * (every schema of a schema-per-tenant fleet) and a whole MySQL server, so targets taking it each in turn would
 * run one at a time. The fleet takes it on a connection of its own when the first target of its scope starts and
 * lets go when the last one under way ends; Prisma and other godwits wait for it meanwhile, as for any apply.
 */
final class SharedLocks {
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    /** Takes (or joins) the lock covering the target; the returned handle leaves it. */
    MigrationLock enter(FleetTarget t, Target target, Duration timeout) throws SQLException {
        Scope scope = scopes.computeIfAbsent(target.dialect().lockScope(t.url()), k -> new Scope());
        scope.enter(target, timeout);
        return scope::leave;
    }

    private static final class Scope {
        private int users;
        private Connection connection;
        private MigrationLock lock;

        synchronized void enter(Target target, Duration timeout) throws SQLException {
            if (users == 0) {
                Connection c = target.dataSource().getConnection();
                try {
                    c.setAutoCommit(true);
                    lock = target.dialect().lock(c, target.dataSource(), timeout);
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                connection = c;
            }
            users++;
        }

        synchronized void leave() {
            if (--users > 0) {
                return;
            }
            try {
                lock.close();
            } finally {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing the session lets go of the lock too
                }
                lock = null;
                connection = null;
            }
        }
    }
}
