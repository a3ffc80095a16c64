package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.dialect.ClusterState;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** MySQL and MariaDB: DDL commits itself, so migrations always run statement by statement. */
public final class MysqlDialect implements Dialect {

    /** The named lock Prisma Migrate takes; sharing it keeps both tools from applying at once. */
    public static final String LOCK_NAME = "prisma_migrate";

    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quoteTable(String name) {
        return quote(name); // one schema per database: a name is never qualified
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public void prepareSession(Connection connection, String schema) {
        // The database in the URL is the schema; nothing to switch.
    }

    @Override
    public void ensureSchema(Connection connection, String schema) {
        // The schema is the database of the URL: it exists, or connecting would have failed.
    }

    @Override
    public String historyTableDdl(String schema) {
        return "CREATE TABLE IF NOT EXISTS " + historyTable(schema) + " (\n"
                + "    `id`                    VARCHAR(36) PRIMARY KEY NOT NULL,\n"
                + "    `checksum`              VARCHAR(64) NOT NULL,\n"
                + "    `finished_at`           DATETIME(3),\n"
                + "    `migration_name`        VARCHAR(255) NOT NULL,\n"
                + "    `logs`                  TEXT,\n"
                + "    `rolled_back_at`        DATETIME(3),\n"
                + "    `started_at`            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n"
                + "    `applied_steps_count`   INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
                + ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
    }

    @Override
    public String historyTable(String schema) {
        return quote(schema) + "." + quote("_prisma_migrations");
    }

    @Override
    public boolean historyTableExists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = '_prisma_migrations'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public String lockScope(dev.godwit.engine.project.DatabaseUrl url) {
        return url.host() + ":" + url.port();
    }

    @Override
    public List<String> schemasLike(Connection connection, String likePattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ? ORDER BY SCHEMA_NAME")) {
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
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
                        + "AND TABLE_NAME <> '_prisma_migrations' ORDER BY TABLE_NAME LIMIT 20")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public MigrationLock lock(Connection connection, Duration timeout) throws SQLException {
        return lock(connection, null, timeout);
    }

    /**
     * Prisma's GET_LOCK, and on a Galera node also the cluster-wide lock row ({@link GaleraLock}): GET_LOCK
     * alone holds on one node only. GET_LOCK comes first, so Prisma on the same node waits for godwit.
     */
    @Override
    public MigrationLock lock(Connection connection, javax.sql.DataSource dataSource, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        MigrationLock local = localLock(connection, timeout);
        Optional<ClusterState> cluster = clusterState(connection);
        if (cluster.isEmpty()) {
            return local;
        }
        try {
            GaleraLock clusterWide = GaleraLock.acquire(connection, dataSource, deadline,
                    Math.max(0, (timeout.toMillis() + 999) / 1000), cluster.get().node());
            return () -> {
                clusterWide.close();
                local.close();
            };
        } catch (SQLException | RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /** Prisma's GET_LOCK, which covers the server (on a Galera node: that node); the cluster's lock row is per target. */
    @Override
    public MigrationLock scopeLock(Connection connection, javax.sql.DataSource dataSource, Duration timeout) throws SQLException {
        return localLock(connection, timeout);
    }

    /**
     * On a Galera node, the lock row of the connection's database ({@link GaleraLock}): a deploy through another node
     * takes the same row for that database, so the cluster lets one of the two apply.
     */
    @Override
    public Optional<MigrationLock> targetLock(Connection connection, javax.sql.DataSource dataSource, Duration timeout) throws SQLException {
        Optional<ClusterState> cluster = clusterState(connection);
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GaleraLock.acquire(connection, dataSource, System.nanoTime() + timeout.toNanos(),
                Math.max(0, (timeout.toMillis() + 999) / 1000), cluster.get().node()));
    }

    private MigrationLock localLock(Connection connection, Duration timeout) throws SQLException {
        long seconds = Math.max(0, (timeout.toMillis() + 999) / 1000);
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, LOCK_NAME);
            ps.setLong(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    return () -> unlock(connection);
                }
            }
        }
        String holder = lockHolder(connection).map(LockHolder::describe).orElse("a session that has since let go");
        throw new GodwitException(ErrorKind.CONNECTION,
                "could not take the migration lock within " + seconds + " s: held by " + holder,
                "another godwit or prisma migrate is applying migrations; wait for it, or raise --lock-timeout. If that "
                        + "session belongs to a process that is gone (Sleep for long), `godwit unlock` ends it after asking");
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, LOCK_NAME);
            ps.execute();
        } catch (SQLException e) {
            // Closing the session releases the lock too.
        }
    }

    @Override
    public String sessionId(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    @Override
    public boolean sessionAlive(Connection c, String id) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    @Override
    public Optional<LockHolder> lockHolder(Connection connection) throws SQLException {
        Optional<LockHolder> local = localLockHolder(connection);
        if (local.isPresent() || clusterState(connection).isEmpty()) {
            return local;
        }
        return GaleraLock.holder(connection);
    }

    /** A Galera node's view of its cluster ({@code wsrep_on} and the {@code wsrep_*} status); empty on other servers. */
    @Override
    public Optional<ClusterState> clusterState(Connection connection) throws SQLException {
        return GaleraStatus.read(connection);
    }

    private Optional<LockHolder> localLockHolder(Connection connection) throws SQLException {
        long holderId;
        try (PreparedStatement ps = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, LOCK_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                holderId = rs.getLong(1);
                if (rs.wasNull()) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT USER, HOST, COMMAND, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, holderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    // COMMAND "Sleep": connected and running nothing; TIME: seconds in that state
                    return Optional.of(new LockHolder("connection " + holderId, rs.getString(1), null, rs.getString(2), null,
                            holderId, rs.getString(3), Duration.ofSeconds(rs.getLong(4))));
                }
            }
        }
        return Optional.of(new LockHolder("connection " + holderId, null, null, null, null, holderId, null, null));
    }

    @Override
    public void endSession(Connection connection, LockHolder holder) throws SQLException {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("KILL CONNECTION " + holder.id());
        }
    }

    @Override
    public Optional<String> whyNotTransactional(SqlStatement statement) {
        return Optional.of("MySQL commits each DDL statement by itself");
    }

    @Override
    public String nowExpression() {
        return "CURRENT_TIMESTAMP(3)";
    }

    @Override
    public void finishAndStart(Connection connection, String table, String finishedId, int steps, String finishedName,
                               String finishedChecksum, String nextId, String nextName, String nextChecksum) throws SQLException {
        // One statement: the finished row already exists, so its id hits the primary key and only its finish
        // and step count are updated; the next row is new and is inserted. (Were the first row gone, it would
        // come back as what it is: that migration, finished.) CURRENT_TIMESTAMP is fixed within a statement.
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table
                + " (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES "
                + "(?, ?, ?, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3), ?), (?, ?, ?, CURRENT_TIMESTAMP(3), NULL, 0) "
                + "ON DUPLICATE KEY UPDATE finished_at = VALUES(finished_at), applied_steps_count = VALUES(applied_steps_count)")) {
            ps.setString(1, finishedId);
            ps.setString(2, finishedChecksum);
            ps.setString(3, finishedName);
            ps.setInt(4, steps);
            ps.setString(5, nextId);
            ps.setString(6, nextChecksum);
            ps.setString(7, nextName);
            ps.executeUpdate();
        }
    }

    @Override
    public String statementTimeExpression() {
        return "CURRENT_TIMESTAMP(3)";
    }

    @Override
    public String concat(String left, String right) {
        return "CONCAT(" + left + ", " + right + ")";
    }

    @Override
    public GodwitException connectionFailure(SQLException e, String display) {
        GodwitException parameter = ConnectionFailures.invalidParameter(display, e);
        if (parameter != null) {
            return parameter;
        }
        String detail = ConnectionFailures.clean(e);
        switch (e.getErrorCode()) {
            case 1045, 1698 -> {
                return ConnectionFailures.authentication(display, detail);
            }
            case 1049 -> {
                return ConnectionFailures.missingDatabase(display, display.substring(display.lastIndexOf('/') + 1));
            }
            case 1044, 1142, 1227 -> {
                return ConnectionFailures.permission(display, detail);
            }
            default -> {
            }
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
        // 08xxx: communication failures; 1927/1053: connection killed / server shutdown in progress.
        return state.startsWith("08") || e.getErrorCode() == 1927 || e.getErrorCode() == 1053;
    }

    @Override
    public boolean isCancellation(SQLException e) {
        // 1317: query execution was interrupted (KILL QUERY, which the driver's cancel sends); the driver also
        // reports a cancel as its own MySQLStatementCancelledException (SQLSTATE S1008 in Connector/J 9)
        return e.getErrorCode() == 1317 || "70100".equals(e.getSQLState()) || "S1008".equals(e.getSQLState())
                || e.getClass().getSimpleName().equals("MySQLStatementCancelledException");
    }

    @Override
    public void beginReadOnly(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            // the session's default too: DDL, which commits by itself, is refused in it as well
            st.execute("SET SESSION TRANSACTION READ ONLY");
        }
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("START TRANSACTION READ ONLY");
        }
    }

    @Override
    public boolean isReadOnlyViolation(SQLException e) {
        return e.getErrorCode() == 1792 || e.getErrorCode() == 1290;
    }

    @Override
    public String serverVersion(Connection connection) throws SQLException {
        String v;
        try (java.sql.Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            v = rs.getString(1);
        }
        boolean maria = v.toLowerCase().contains("mariadb");
        // "10.11.19-MariaDB-0+deb12u1" → "10.11.19"
        String number = v.split("-")[0];
        return (maria ? "MariaDB " : "MySQL ") + number;
    }

    @Override
    public dev.godwit.engine.dialect.Inspector inspector() {
        return new MysqlInspector();
    }

    @Override
    public dev.godwit.engine.dialect.DdlWriter ddlWriter() {
        return new MysqlDdl();
    }

    @Override
    public dev.godwit.engine.diff.DiffHooks diffHooks() {
        return HOOKS;
    }

    /** As Prisma's MySQL differ: defaults of JSON columns are not compared (MySQL takes none but expressions). */
    private static final dev.godwit.engine.diff.DiffHooks HOOKS = new dev.godwit.engine.diff.DiffHooks() {
        @Override
        public boolean sameDefault(dev.godwit.engine.schema.Column from, dev.godwit.engine.schema.Column to) {
            return from.type().name().equals("json") || to.type().name().equals("json")
                    || java.util.Objects.equals(from.defaultValue(), to.defaultValue());
        }

        @Override
        public boolean foreignKeysDependOnReferencedKey() {
            return false;
        }
    };

    @Override
    public dev.godwit.engine.dialect.ServerAdmin serverAdmin() {
        return new MysqlServerAdmin();
    }

    @Override
    public dev.godwit.engine.dialect.LockWaits lockWaits() {
        return new MysqlLockWaits();
    }
}
