package dev.godwit.engine.db;

import dev.godwit.engine.dialect.Dialect;

import javax.sql.DataSource;

/**
 * The database a command works on: how to connect, which dialect speaks to
 * it, which schema holds the project's tables, and a password-free name to
 * show users.
 *
 * @param pooler why connections reach the server through a pooler in transaction or statement mode (evidence
 *               and the way out), or null when they keep their own session. Reading works there; taking the
 *               migration lock, a session lock, does not, and is refused.
 */
public record Target(Dialect dialect, DataSource dataSource, String schema, String display, String pooler) {

    public Target(Dialect dialect, DataSource dataSource, String schema, String display) {
        this(dialect, dataSource, schema, display, null);
    }

    /** The same target, known to go through a transaction-mode pooler for the reason given. */
    public Target throughPooler(String reason) {
        return new Target(dialect, dataSource, schema, display, reason);
    }
}
