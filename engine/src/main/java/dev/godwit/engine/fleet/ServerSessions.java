package dev.godwit.engine.fleet;

import dev.godwit.engine.Provider;
import dev.godwit.engine.dialect.Dialect;

import dev.godwit.engine.db.DecoratingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server sessions a fleet target works through. A client killed with -9 leaves its sessions on the server for
 * a while: a statement under way runs to its end (a MySQL DDL, a PostgreSQL statement until it next talks to the
 * client). What such a session leaves is only final once it is gone, so a resumed target waits for that first.
 */
final class ServerSessions {
    private ServerSessions() {
    }

    /** The session's identity ({@link Dialect#sessionId}). */
    static String id(Connection c, Provider provider) throws SQLException {
        return Dialect.of(provider).sessionId(c);
    }

    static boolean alive(Connection c, Provider provider, String id) throws SQLException {
        return Dialect.of(provider).sessionAlive(c, id);
    }

    /** Waits at most {@code wait} for the sessions to end; the ones still there then. */
    static List<String> awaitGone(Connection c, Provider provider, List<String> ids, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<String> alive = new java.util.ArrayList<>();
            for (String id : ids) {
                if (alive(c, provider, id)) {
                    alive.add(id);
                }
            }
            if (alive.isEmpty() || System.nanoTime() > deadline) {
                return alive;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return alive;
            }
        }
    }

    /** A data source that tells {@code opened} the session of each connection before handing it out. */
    static DataSource reporting(DataSource inner, Provider provider, Consumer<String> opened) {
        return new DecoratingDataSource(inner, c -> {
            try {
                opened.accept(id(c, provider));
                return c;
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        });
    }
}
