package dev.godwit.engine.db;

import dev.godwit.engine.dialect.Dialect;

import javax.sql.DataSource;

/**
 * The database a command works on: how to connect, which dialect speaks to
 * it, which schema holds the project's tables, and a password-free name to
 * show users.
 *
 * @param namespaces the database schemas of a multi-schema model, or empty
 * @param pooler why connections reach the server through a pooler in transaction or statement mode (evidence
 *               and the way out), or null when they keep their own session. Reading works there; taking the
 *               migration lock, a session lock, does not, and is refused.
 */
public record Target(Dialect dialect, DataSource dataSource, String schema, String display, String pooler,
                     java.util.List<String> namespaces) {

    public Target {
        namespaces = java.util.List.copyOf(namespaces);
    }

    public Target(Dialect dialect, DataSource dataSource, String schema, String display, String pooler) {
        this(dialect, dataSource, schema, display, pooler, java.util.List.of());
    }

    public Target(Dialect dialect, DataSource dataSource, String schema, String display) {
        this(dialect, dataSource, schema, display, null);
    }

    /** The same target, known to go through a transaction-mode pooler for the reason given. */
    public Target throughPooler(String reason) {
        return new Target(dialect, dataSource, schema, display, reason, namespaces);
    }

    /**
     * The same target for a model of several database schemas (the datasource's {@code schemas = [...]}): reads cover
     * them all, and reset empties them too. The history table stays in {@link #schema()}, as Prisma keeps it.
     */
    public Target withNamespaces(java.util.List<String> list) {
        return new Target(dialect, dataSource, schema, display, pooler, list);
    }
}
