package dev.godwit.engine.fleet;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.dialect.MigrationLock;
import dev.godwit.engine.migrate.TargetSession;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prisma's migration lock, held once for all the targets it covers. The lock covers a whole PostgreSQL database
 * (every schema of a schema-per-tenant fleet) and a whole MySQL server, so targets taking it each in turn would
 * run one at a time. The fleet takes it on a connection of its own when the first target of its scope starts and
 * lets go when the last one under way ends; Prisma and other godwits wait for it meanwhile, as for any apply.
 * A part of the lock that is per database ({@link dev.godwit.engine.dialect.Dialect#targetLock}: the lock row of a
 * Galera cluster) each target takes for itself, on a connection of its own, so that a deploy of one of its
 * databases through another node waits for it.
 */
final class SharedLocks {
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    /** Takes (or joins) the lock covering the target; the returned handle leaves it. */
    MigrationLock enter(FleetTarget t, Target target, Duration timeout) throws SQLException {
        Scope scope = scopes.computeIfAbsent(target.dialect().lockScope(t.url()), k -> new Scope());
        boolean perTarget = scope.enter(target, timeout);
        if (!perTarget) {
            return scope::leave;
        }
        Connection c = null;
        try {
            c = TargetSession.open(target);
            Optional<MigrationLock> own = target.dialect().targetLock(c, target.dataSource(), timeout);
            Connection held = c;
            return () -> {
                try {
                    own.ifPresent(MigrationLock::close);
                } finally {
                    closeQuietly(held);
                    scope.leave();
                }
            };
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            scope.leave();
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the session ends with the connection either way
            }
        }
    }

    private static final class Scope {
        private int users;
        private Connection connection;
        private MigrationLock lock;
        /** Whether targets of this scope take a lock of their own too (the server is a cluster node). */
        private boolean perTarget;

        /** Returns whether the target must take its own part of the lock ({@link Dialect#targetLock}). */
        synchronized boolean enter(Target target, Duration timeout) throws SQLException {
            if (users == 0) {
                Connection c = target.dataSource().getConnection();
                try {
                    c.setAutoCommit(true);
                    lock = target.dialect().scopeLock(c, target.dataSource(), timeout);
                    perTarget = target.dialect().clusterState(c).isPresent();
                } catch (SQLException | RuntimeException e) {
                    if (lock != null) {
                        lock.close();
                        lock = null;
                    }
                    c.close();
                    throw e;
                }
                connection = c;
            }
            users++;
            return perTarget;
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
