package dev.godwit.engine.dialect;

import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.Provider;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one database family that the migration engine needs to
 * know. No code outside {@code dialect/} asks which database it talks to.
 */
public interface Dialect {

    Provider provider();

    /** Whether DDL can be rolled back: true lets a whole migration run as one transaction. */
    boolean transactionalDdl();

    /** Quotes an identifier for this database. */
    String quote(String identifier);

    /** Quotes a table's name: {@code "auth"."User"} for a {@link dev.godwit.engine.schema.QualifiedName} of a multi-schema model. */
    default String quoteTable(String name) {
        String namespace = dev.godwit.engine.schema.QualifiedName.namespace(name);
        return namespace == null ? quote(name) : quote(namespace) + "." + quote(dev.godwit.engine.schema.QualifiedName.local(name));
    }

    /** Points the session at the schema the project works in (PostgreSQL search_path; MySQL: nothing). */
    void prepareSession(Connection connection, String schema) throws SQLException;

    /** Creates the schema when it does not exist yet (a URL may name a new one with ?schema=). */
    void ensureSchema(Connection connection, String schema) throws SQLException;

    /** The history table's DDL, exactly as Prisma creates it. */
    String historyTableDdl(String schema);

    /** The history table, schema-qualified and quoted, for use in SQL. */
    String historyTable(String schema);

    boolean historyTableExists(Connection connection, String schema) throws SQLException;

    /** The schemas (MySQL: databases) of the server whose names match a LIKE pattern, sorted: a schema-per-tenant fleet. */
    List<String> schemasLike(Connection connection, String likePattern) throws SQLException;

    /** Tables, views and types in the schema other than the history table: a schema with any is not empty. */
    List<String> userObjects(Connection connection, String schema) throws SQLException;

    /**
     * Takes the migration lock that Prisma takes, waiting at most {@code timeout}.
     * Throws a CONNECTION-kind GodwitException naming the holder when the wait times out.
     */
    MigrationLock lock(Connection connection, Duration timeout) throws SQLException;

    /**
     * Takes the migration lock; {@code dataSource} (may be null) gives a lock that must be kept alive from
     * another connection (a cluster-wide lock) the connection it needs. By default: {@link #lock(Connection, Duration)}.
     */
    default MigrationLock lock(Connection connection, javax.sql.DataSource dataSource, Duration timeout) throws SQLException {
        return lock(connection, timeout);
    }

    /**
     * The part of the migration lock that covers a whole {@link #lockScope} (held once for many fleet targets); the
     * rest, if any, each target takes for itself ({@link #targetLock}). By default the whole lock.
     */
    default MigrationLock scopeLock(Connection connection, javax.sql.DataSource dataSource, Duration timeout) throws SQLException {
        return lock(connection, dataSource, timeout);
    }

    /**
     * The part of the migration lock that one target (the connection's database) needs of its own under a hold of
     * {@link #scopeLock}, or empty when the scope's lock covers it.
     */
    default Optional<MigrationLock> targetLock(Connection connection, javax.sql.DataSource dataSource, Duration timeout)
            throws SQLException {
        return Optional.empty();
    }

    /** The replication cluster this server is a node of, when it is one that matters to migrations (Galera). */
    default Optional<ClusterState> clusterState(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /**
     * Why connections from {@code dataSource} cannot keep a session lock: they reach the server through a pooler
     * in transaction or statement mode (one sentence of evidence); empty when they keep their own session.
     * {@code dialledPort}: the port the URL names (a pooler usually listens on another port than the server).
     */
    default Optional<String> transactionPooler(javax.sql.DataSource dataSource, int dialledPort) throws SQLException {
        return Optional.empty();
    }

    /**
     * What one migration lock covers, as a key: targets with the same key share it. PostgreSQL's advisory lock
     * covers a database (every schema in it); MySQL's named lock covers the whole server.
     */
    String lockScope(dev.godwit.engine.project.DatabaseUrl url);

    /**
     * The identity of the connection's server session, unique while the server runs (PostgreSQL: the backend pid
     * with its start time, as pids are reused; MySQL: the connection id).
     */
    String sessionId(Connection connection) throws SQLException;

    /** Whether the server session {@link #sessionId} named is still there. */
    boolean sessionAlive(Connection connection, String sessionId) throws SQLException;

    /** Who holds the migration lock now, if anyone (another session, or this one). */
    Optional<LockHolder> lockHolder(Connection connection) throws SQLException;

    /** Ends the session that holds the migration lock (its connection closes, and the lock goes with it). */
    void endSession(Connection connection, LockHolder holder) throws SQLException;

    /** Why this statement cannot run inside a transaction on this database, if so. */
    Optional<String> whyNotTransactional(SqlStatement statement);

    /**
     * Why these statements (one migration) cannot all run in one transaction, one line per statement that
     * prevents it ("statement N (line L): reason"); empty when they can. {@code serverMajor}: the server's
     * major version, 0 when not known. By default: the statements that cannot on their own.
     */
    default java.util.List<String> whyNotTransactional(java.util.List<SqlStatement> statements, int serverMajor) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (SqlStatement st : statements) {
            whyNotTransactional(st).ifPresent(w -> out.add("statement " + st.index() + " (line " + st.line() + "): " + w));
        }
        return out;
    }

    /** The current time, from the database clock, as an SQL expression (it advances within a transaction). */
    String nowExpression();

    /**
     * In one statement (one round trip, and one commit outside a transaction): marks the history row
     * {@code finishedId} finished with {@code steps} applied, and inserts the started row (0 steps) of the
     * migration that runs next, both at the same clock reading. {@code table}: {@link #historyTable}.
     */
    void finishAndStart(Connection connection, String table, String finishedId, int steps, String finishedName,
                        String finishedChecksum, String nextId, String nextName, String nextChecksum) throws SQLException;

    /** The current time, the same value everywhere in one statement. */
    String statementTimeExpression();

    /** String concatenation of two SQL expressions. */
    String concat(String left, String right);

    /**
     * Turns a failure to connect into one line and a hint: unreachable host, wrong
     * password, missing database, no permission. Never includes a password.
     */
    dev.godwit.engine.GodwitException connectionFailure(SQLException e, String display);

    /** Whether the error means the connection is gone (server restart, killed session, network). */
    boolean isConnectionLoss(SQLException e);

    /** Whether the error is the statement being cancelled on request (Ctrl-C, a stop signal), not failing on its own. */
    boolean isCancellation(SQLException e);

    /**
     * Starts a read-only transaction on the connection (auto-commit off), so that nothing the
     * statements that follow do can change the database, and makes read-only the session's default
     * for later transactions; the caller rolls it back and discards the connection.
     */
    void beginReadOnly(Connection connection) throws SQLException;

    /** Whether the error is the database refusing a change inside a read-only transaction. */
    boolean isReadOnlyViolation(SQLException e);

    /** Short server description, e.g. "PostgreSQL 15.4". */
    String serverVersion(Connection connection) throws SQLException;

    /** Reads a schema of this database into the model. */
    Inspector inspector();

    /** Writes changes as this database's DDL. */
    DdlWriter ddlWriter();

    /** What the differ must know about this database. */
    dev.godwit.engine.diff.DiffHooks diffHooks();

    /** Per-statement lock time-outs and who blocks a statement, for apply's retries. */
    LockWaits lockWaits();

    /** Creating, dropping and emptying databases, for shadow databases. */
    ServerAdmin serverAdmin();

    /**
     * The dialect of a database family. Dialects are found with {@link java.util.ServiceLoader} (listed in
     * {@code META-INF/services}), so this interface names no implementation and a new family is one more package.
     */
    static Dialect of(Provider provider) {
        return Dialects.of(provider);
    }
}
