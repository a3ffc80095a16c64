package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.dialect.LockHolder;
import dev.godwit.engine.dialect.MigrationLock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The migration lock across a Galera cluster. {@code GET_LOCK} is local to one node there: two deploys
 * through two nodes would both hold Prisma's lock and both apply. So godwit also takes a row of a small
 * lock table, which the cluster certifies: of two nodes writing the row at once only one commits, the
 * other gets error 1213 and tries again, and then sees the row taken.
 * <p>
 * The table lives in a database of its own ({@value #DATABASE}), not in the project's schema: Prisma would
 * see a table there as drift. One row per migrated schema. The holder refreshes {@code heartbeat_at} every
 * few seconds over a second connection; a row whose heartbeat is older than {@link #STALE} belongs to a
 * process that died, and the next deploy takes it over.
 */
final class GaleraLock implements MigrationLock {
    static final String DATABASE = "_godwit";
    static final String TABLE = "`" + DATABASE + "`.`migration_lock`";
    static final Duration STALE = Duration.ofSeconds(120);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /**
     * A holder whose lock session is gone is taken over once its heartbeat has missed this long (a live holder
     * beats every {@link #HEARTBEAT}): the lock session alone ending does not prove the process gone, since a
     * fleet migrates on other connections and an idle lock session can be ended by the server.
     */
    static final Duration SILENT = HEARTBEAT.multipliedBy(3);
    /** How the holder text names the lock's session and the cluster member it lives on (wsrep_gcomm_uuid). */
    private static final java.util.regex.Pattern SESSION = java.util.regex.Pattern.compile("\\(connection (\\d+) of member ([0-9a-f-]{36})\\)");
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private final Connection connection;
    private final String key;
    private final String token;
    private final Heartbeat heartbeat;

    private GaleraLock(Connection connection, String key, String token, Heartbeat heartbeat) {
        this.connection = connection;
        this.key = key;
        this.token = token;
        this.heartbeat = heartbeat;
    }

    /**
     * Takes the lock row of the connection's database, waiting until {@code deadlineNanos} ({@link System#nanoTime()}).
     * {@code dataSource} gives the heartbeat its own connection (null: no heartbeat, the row goes stale after
     * {@link #STALE}).
     */
    static GaleraLock acquire(Connection c, DataSource dataSource, long deadlineNanos, long timeoutSeconds, String node) throws SQLException {
        String key = currentDatabase(c);
        ensureTable(c);
        String token = UUID.randomUUID().toString();
        String member = member(c);
        String session = member == null ? " (connection " + connectionId(c) + ")" : " (connection " + connectionId(c) + " of member " + member + ")";
        String holder = "godwit pid " + ProcessHandle.current().pid() + " on " + hostName() + " via " + node;
        // The session part must survive the column's 255 characters: it is what a later deploy checks.
        holder = holder.substring(0, Math.min(holder.length(), 255 - session.length())) + session;
        String previousSyncWait = syncWait(c, "3");
        try {
            while (true) {
                if (tryTake(c, key, token, holder, node) || takeOverFromGone(c, key, token, holder, node, member)) {
                    break;
                }
                if (System.nanoTime() >= deadlineNanos) {
                    String by = holder(c, key).map(LockHolder::describe).orElse("a session that has since let go");
                    throw new GodwitException(ErrorKind.CONNECTION,
                            "could not take the cluster-wide migration lock within " + timeoutSeconds + " s: held by " + by,
                            "this server is a Galera node, where GET_LOCK holds on one node only, so godwit also takes the row of "
                                    + key + " in " + TABLE + " that the whole cluster certifies; another deploy holds it: wait for it, "
                                    + "or raise --lock-timeout");
                }
                sleep();
            }
        } finally {
            syncWait(c, previousSyncWait);
        }
        return new GaleraLock(c, key, token, dataSource == null ? null : Heartbeat.start(dataSource, key, token));
    }

    /** The holder of the lock row of the connection's database, when a live process holds it. */
    static Optional<LockHolder> holder(Connection c) throws SQLException {
        if (!tableExists(c)) {
            return Optional.empty();
        }
        return holder(c, currentDatabase(c));
    }

    private static Optional<LockHolder> holder(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT holder, node, acquired_at FROM " + TABLE
                + " WHERE lock_key = ? AND token IS NOT NULL AND heartbeat_at >= NOW(3) - INTERVAL " + STALE.toSeconds() + " SECOND")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp since = rs.getTimestamp(3);
                return Optional.of(new LockHolder("cluster lock row (" + rs.getString(1) + ")", null, null, rs.getString(2),
                        since == null ? null : since.toInstant()));
            }
        }
    }

    private static boolean tryTake(Connection c, String key, String token, String holder, String node) throws SQLException {
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO " + TABLE + " (lock_key) VALUES (?)")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                    + " SET token = ?, holder = ?, node = ?, acquired_at = NOW(3), heartbeat_at = NOW(3)"
                    + " WHERE lock_key = ? AND (token IS NULL OR heartbeat_at < NOW(3) - INTERVAL " + STALE.toSeconds() + " SECOND)")) {
                ps.setString(1, token);
                ps.setString(2, holder);
                ps.setString(3, node);
                ps.setString(4, key);
                // Auto-commit: when this returns, the cluster has certified the write; a node that wrote the row
                // at the same time gets error 1213 instead.
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == DEADLOCK || e.getErrorCode() == LOCK_WAIT_TIMEOUT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Takes the row over from a holder that provably died: its lock session no longer exists on the cluster member
     * this connection is on (session ids are per member, so a holder on another member waits for {@link #STALE}),
     * and its heartbeat has been silent for {@link #SILENT}. The update names the old token, so of two deploys
     * taking over at once the cluster certifies one.
     */
    private static boolean takeOverFromGone(Connection c, String key, String token, String holder, String node, String member)
            throws SQLException {
        if (member == null) {
            return false;
        }
        String oldToken;
        String oldHolder;
        try (PreparedStatement ps = c.prepareStatement("SELECT token, holder FROM " + TABLE + " WHERE lock_key = ? AND token IS NOT NULL"
                + " AND heartbeat_at < NOW(3) - INTERVAL " + SILENT.toSeconds() + " SECOND")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                oldToken = rs.getString(1);
                oldHolder = rs.getString(2);
            }
        }
        java.util.regex.Matcher m = SESSION.matcher(oldHolder == null ? "" : oldHolder);
        if (!m.find() || !m.group(2).equals(member) || sessionExists(c, Long.parseLong(m.group(1)))) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                + " SET token = ?, holder = ?, node = ?, acquired_at = NOW(3), heartbeat_at = NOW(3) WHERE lock_key = ? AND token = ?")) {
            ps.setString(1, token);
            ps.setString(2, holder);
            ps.setString(3, node);
            ps.setString(4, key);
            ps.setString(5, oldToken);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getErrorCode() == DEADLOCK || e.getErrorCode() == LOCK_WAIT_TIMEOUT) {
                return false;
            }
            throw e;
        }
    }

    private static boolean sessionExists(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The cluster member this connection is on, as the cluster names it (new on each start, so session ids stay meaningful). */
    private static String member(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW STATUS LIKE 'wsrep_gcomm_uuid'")) {
            if (!rs.next()) {
                return null;
            }
            String v = rs.getString(2);
            return v != null && v.matches("[0-9a-f-]{36}") ? v : null;
        }
    }

    private static void ensureTable(Connection c) throws SQLException {
        if (tableExists(c)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + DATABASE + "`");
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (\n"
                    + "    lock_key      VARCHAR(191) NOT NULL PRIMARY KEY,\n"
                    + "    token         CHAR(36) NULL,\n"
                    + "    holder        VARCHAR(255) NULL,\n"
                    + "    node          VARCHAR(255) NULL,\n"
                    + "    acquired_at   DATETIME(3) NULL,\n"
                    + "    heartbeat_at  DATETIME(3) NULL\n"
                    + ") ENGINE=InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            if (e.getErrorCode() == 1044 || e.getErrorCode() == 1142 || e.getErrorCode() == 1227) {
                throw new GodwitException(ErrorKind.CONNECTION,
                        "this server is a Galera node, where GET_LOCK holds on one node only, and godwit cannot create its "
                                + "cluster-wide lock table " + TABLE + ": " + e.getMessage() + "; nothing was applied",
                        "create it once as an administrator (CREATE DATABASE `" + DATABASE + "`) and grant the migrating user "
                                + "CREATE, SELECT, INSERT, UPDATE on `" + DATABASE + "`.*", e);
            }
            throw e;
        }
    }

    private static boolean tableExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'migration_lock'")) {
            ps.setString(1, DATABASE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Sets the session's wsrep_sync_wait (reads wait until the node has applied what the cluster committed); returns the old value. */
    private static String syncWait(Connection c, String value) throws SQLException {
        String old;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@SESSION.wsrep_sync_wait")) {
            rs.next();
            old = rs.getString(1);
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION wsrep_sync_wait = " + Integer.parseInt(value));
        }
        return old;
    }

    private static String currentDatabase(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1) == null ? "" : rs.getString(1);
        }
    }

    private static long connectionId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "an unknown host";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GodwitException(ErrorKind.RUNTIME, "interrupted while waiting for the migration lock");
        }
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.stop();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE
                    + " SET token = NULL, holder = NULL, node = NULL, acquired_at = NULL, heartbeat_at = NULL WHERE lock_key = ? AND token = ?")) {
                ps.setString(1, key);
                ps.setString(2, token);
                ps.executeUpdate();
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != DEADLOCK) {
                    return; // the connection is gone: without heartbeats the row goes stale and is taken over
                }
            }
        }
    }

    /** Refreshes the row's heartbeat over its own connection while migrations run on the main one. */
    private static final class Heartbeat implements Runnable {
        private final DataSource dataSource;
        private final String key;
        private final String token;
        private final Thread thread;
        private volatile boolean stopped;

        private Heartbeat(DataSource dataSource, String key, String token) {
            this.dataSource = dataSource;
            this.key = key;
            this.token = token;
            this.thread = new Thread(this, "godwit-cluster-lock-heartbeat");
            this.thread.setDaemon(true);
        }

        static Heartbeat start(DataSource dataSource, String key, String token) {
            Heartbeat h = new Heartbeat(dataSource, key, token);
            h.thread.start();
            return h;
        }

        @Override
        public void run() {
            Connection c = null;
            try {
                while (!stopped) {
                    Thread.sleep(HEARTBEAT.toMillis());
                    if (stopped) {
                        break;
                    }
                    try {
                        if (c == null) {
                            c = dataSource.getConnection();
                            c.setAutoCommit(true);
                        }
                        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET heartbeat_at = NOW(3) WHERE lock_key = ? AND token = ?")) {
                            ps.setString(1, key);
                            ps.setString(2, token);
                            ps.executeUpdate();
                        }
                    } catch (SQLException e) {
                        // A missed beat is retried on a fresh connection next time; the row is stale only after many.
                        closeQuietly(c);
                        c = null;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(c);
            }
        }

        void stop() {
            stopped = true;
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void closeQuietly(Connection c) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a broken connection
                }
            }
        }
    }
}
