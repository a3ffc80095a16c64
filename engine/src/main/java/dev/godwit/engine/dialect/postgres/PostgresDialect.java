package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.dialect.ConnectionFailures;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.dialect.LockHolder;
import dev.godwit.engine.dialect.MigrationLock;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.Provider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class PostgresDialect implements Dialect {

    /** The advisory lock key Prisma Migrate uses; sharing it keeps both tools from applying at once. */
    public static final long LOCK_KEY = 72707369L;
    private static final long LOCK_POLL_MILLIS = 100;

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void prepareSession(Connection connection, String schema) throws SQLException {
        // Prisma's URLs choose the schema with ?schema=; unqualified names in migrations land there.
        try (Statement st = connection.createStatement()) {
            st.execute("SET search_path TO " + quote(schema));
            if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
                // Without this a backend whose client was killed runs its statement to the end and keeps
                // the migration lock meanwhile; with it the server notices the dead client within a second
                // and rolls back.
                st.execute("SET client_connection_check_interval = '1s'");
            }
        }
    }

    @Override
    public void ensureSchema(Connection connection, String schema) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        }
    }

    @Override
    public String historyTableDdl(String schema) {
        return "CREATE TABLE IF NOT EXISTS " + historyTable(schema) + " (\n"
                + "    \"id\"                    VARCHAR(36) PRIMARY KEY NOT NULL,\n"
                + "    \"checksum\"              VARCHAR(64) NOT NULL,\n"
                + "    \"finished_at\"           TIMESTAMPTZ,\n"
                + "    \"migration_name\"        VARCHAR(255) NOT NULL,\n"
                + "    \"logs\"                  TEXT,\n"
                + "    \"rolled_back_at\"        TIMESTAMPTZ,\n"
                + "    \"started_at\"            TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
                + "    \"applied_steps_count\"   INTEGER NOT NULL DEFAULT 0\n"
                + ")";
    }

    @Override
    public String historyTable(String schema) {
        return quote(schema) + "." + quote("_prisma_migrations");
    }

    @Override
    public boolean historyTableExists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = ? AND c.relname = '_prisma_migrations' AND c.relkind IN ('r', 'p')")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public String lockScope(dev.godwit.engine.project.DatabaseUrl url) {
        return url.host() + ":" + url.port() + "/" + url.database();
    }

    @Override
    public List<String> schemasLike(Connection connection, String likePattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE ? ORDER BY nspname")) {
            ps.setString(1, likePattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public List<String> userObjects(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> '_prisma_migrations' "
                        + "UNION ALL SELECT t.typname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
                        + "WHERE n.nspname = ? AND t.typtype = 'e' ORDER BY 1 LIMIT 20")) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /**
     * Probes only when the server says it listens on another port than the one dialled (PgBouncer on 6432 in
     * front of 5432, a cloud pooler on 6543, a forwarded port): a direct connection costs one query, not a
     * second connection.
     */
    @Override
    public Optional<String> transactionPooler(javax.sql.DataSource dataSource, int dialledPort) throws SQLException {
        Optional<Integer> serverPort;
        try (Connection c = dataSource.getConnection()) {
            serverPort = PoolerProbe.serverPort(c);
        }
        if (serverPort.isPresent() && serverPort.get() == dialledPort) {
            return Optional.empty();
        }
        return PoolerProbe.evidence(dataSource);
    }

    @Override
    public MigrationLock lock(Connection connection, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return () -> unlock(connection);
                    }
                }
                if (System.nanoTime() >= deadline) {
                    throw lockTimeout(connection, timeout);
                }
                sleep();
            }
        }
    }

    private GodwitException lockTimeout(Connection connection, Duration timeout) throws SQLException {
        String holder = lockHolder(connection).map(LockHolder::describe).orElse("a session that has since let go");
        return new GodwitException(ErrorKind.CONNECTION,
                "could not take the migration lock within " + timeout.toSeconds() + " s: held by " + holder,
                "another godwit or prisma migrate is applying migrations; wait for it, or raise --lock-timeout. If that "
                        + "session belongs to a process that is gone (idle for long), `godwit unlock` ends it after asking");
    }

    private static void sleep() {
        try {
            Thread.sleep(LOCK_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GodwitException(ErrorKind.RUNTIME, "interrupted while waiting for the migration lock");
        }
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, LOCK_KEY);
            ps.execute();
        } catch (SQLException e) {
            // The session going away releases the lock too; nothing more to do.
        }
    }

    @Override
    public String sessionId(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT pid || '@' || (extract(epoch FROM backend_start) * 1000000)::bigint FROM pg_stat_activity WHERE pid = pg_backend_pid()")) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    @Override
    public boolean sessionAlive(Connection c, String id) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid || '@' || (extract(epoch FROM backend_start) * 1000000)::bigint = ?")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    @Override
    public Optional<LockHolder> lockHolder(Connection connection) throws SQLException {
        // A bigint advisory key is stored as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT l.pid, a.usename, a.application_name, host(a.client_addr), a.backend_start, a.state, "
                        + "EXTRACT(EPOCH FROM (clock_timestamp() - a.state_change))::bigint "
                        + "FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
                        + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = ? AND l.objsubid = 1 "
                        + "AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp since = rs.getTimestamp(5);
                long inState = rs.getLong(7);
                boolean known = !rs.wasNull();
                return Optional.of(new LockHolder("pid " + rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), since == null ? null : since.toInstant(), rs.getInt(1), rs.getString(6),
                        known ? Duration.ofSeconds(inState) : null));
            }
        }
    }

    @Override
    public void endSession(Connection connection, LockHolder holder) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, (int) holder.id());
            ps.execute();
        }
    }

    @Override
    public Optional<String> whyNotTransactional(SqlStatement statement) {
        return PostgresTransactionRules.whyNotTransactional(statement, Provider.POSTGRESQL);
    }

    @Override
    public java.util.List<String> whyNotTransactional(java.util.List<SqlStatement> statements, int serverMajor) {
        return PostgresTransactionRules.whyNotTransactional(statements, Provider.POSTGRESQL, serverMajor);
    }

    @Override
    public String nowExpression() {
        return "clock_timestamp()";
    }

    @Override
    public void finishAndStart(Connection connection, String table, String finishedId, int steps, String finishedName,
                               String finishedChecksum, String nextId, String nextName, String nextChecksum) throws SQLException {
        // A data-modifying CTE: the update and the insert are one statement; the clock is read once.
        try (PreparedStatement ps = connection.prepareStatement("WITH clock AS (SELECT clock_timestamp() AS now), "
                + "finished AS (UPDATE " + table + " SET finished_at = (SELECT now FROM clock), applied_steps_count = ? WHERE id = ?) "
                + "INSERT INTO " + table + " (id, checksum, migration_name, started_at, applied_steps_count) "
                + "SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), now, 0 FROM clock")) {
            ps.setInt(1, steps);
            ps.setString(2, finishedId);
            ps.setString(3, nextId);
            ps.setString(4, nextChecksum);
            ps.setString(5, nextName);
            ps.executeUpdate();
        }
    }

    @Override
    public String statementTimeExpression() {
        return "statement_timestamp()";
    }

    @Override
    public String concat(String left, String right) {
        return left + " || " + right;
    }

    @Override
    public GodwitException connectionFailure(SQLException e, String display) {
        GodwitException parameter = ConnectionFailures.invalidParameter(display, e);
        if (parameter != null) {
            return parameter;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = ConnectionFailures.clean(e);
        if (state.equals("28P01") || state.equals("28000")) {
            return ConnectionFailures.authentication(display, detail);
        }
        if (state.equals("3D000")) {
            return ConnectionFailures.missingDatabase(display, display.substring(display.lastIndexOf('/') + 1));
        }
        if (state.equals("42501")) {
            return ConnectionFailures.permission(display, detail);
        }
        GodwitException network = ConnectionFailures.fromNetworkCause(display, e);
        if (network != null) {
            return network;
        }
        if (isConnectionLoss(e)) {
            return ConnectionFailures.connectionLost(display, detail);
        }
        return ConnectionFailures.other(display, e);
    }

    @Override
    public boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // 08xxx: connection exceptions; 57P01..57P03: administrator shutdown / terminated / cannot connect now.
        return state.startsWith("08") || state.startsWith("57P");
    }

    @Override
    public boolean isCancellation(SQLException e) {
        return "57014".equals(e.getSQLState()); // query_canceled
    }

    @Override
    public void beginReadOnly(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            // the session's default too: should anything end this transaction, the next one is read-only as well
            st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
        }
    }

    @Override
    public boolean isReadOnlyViolation(SQLException e) {
        return "25006".equals(e.getSQLState());
    }

    @Override
    public String serverVersion(Connection connection) throws SQLException {
        return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
    }

    @Override
    public dev.godwit.engine.dialect.Inspector inspector() {
        return new PostgresInspector();
    }

    @Override
    public dev.godwit.engine.dialect.DdlWriter ddlWriter() {
        return new PostgresDdl();
    }

    @Override
    public dev.godwit.engine.diff.DiffHooks diffHooks() {
        return PostgresCasts.HOOKS;
    }

    @Override
    public dev.godwit.engine.dialect.ServerAdmin serverAdmin() {
        return new PostgresServerAdmin();
    }

    @Override
    public dev.godwit.engine.dialect.LockWaits lockWaits() {
        return new PostgresLockWaits();
    }
}
