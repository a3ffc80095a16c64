package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.project.Secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes {@code _prisma_migrations} with Prisma's row semantics:
 * one row per attempt, a random UUID id, times taken from the database clock.
 */
public final class HistoryTable {
    private final Dialect dialect;
    private final String schema;
    private final String table;

    public HistoryTable(Dialect dialect, String schema) {
        if (schema == null || schema.isEmpty()) {
            // A MySQL URL without a database: there is nowhere to keep the history (Prisma refuses it too).
            throw new GodwitException(ErrorKind.USAGE, "the database URL names no database",
                    "add the database after the port, e.g. mysql://user@host:3306/mydb");
        }
        this.dialect = dialect;
        this.schema = schema;
        this.table = dialect.historyTable(schema);
    }

    public boolean exists(Connection c) throws SQLException {
        return dialect.historyTableExists(c, schema);
    }

    public void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(dialect.historyTableDdl(schema));
        }
    }

    /** Every attempt, oldest first. */
    public List<HistoryRecord> readAll(Connection c) throws SQLException {
        List<HistoryRecord> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, "
                     + "started_at, applied_steps_count FROM " + table + " ORDER BY started_at, migration_name, id")) {
            while (rs.next()) {
                rows.add(new HistoryRecord(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        rs.getInt(8)));
            }
        }
        return rows;
    }

    /** Records that an attempt has started; returns the new row's id. */
    public String insertStarted(Connection c, String name, String checksum) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, " + now() + ", 0)")) {
            ps.setString(1, id);
            ps.setString(2, checksum);
            ps.setString(3, name);
            ps.executeUpdate();
        }
        return id;
    }

    public void markFinished(Connection c, String id, int appliedSteps) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET finished_at = " + now() + ", applied_steps_count = ? WHERE id = ?")) {
            ps.setInt(1, appliedSteps);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * Marks {@code id} finished and writes the started row of the next migration in one statement;
     * returns the new row's id.
     */
    public String finishAndStart(Connection c, String id, int appliedSteps, LocalMigration finished, LocalMigration next) throws SQLException {
        String nextId = UUID.randomUUID().toString();
        dialect.finishAndStart(c, table, id, appliedSteps, finished.name(), finished.checksum(), nextId, next.name(), next.checksum());
        return nextId;
    }

    /** Counts statements that took effect while a migration runs statement by statement. */
    public void recordProgress(Connection c, String id, int appliedSteps) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET applied_steps_count = ? WHERE id = ?")) {
            ps.setInt(1, appliedSteps);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    public void markFailed(Connection c, String id, String logs, int appliedSteps) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET logs = ?, applied_steps_count = ? WHERE id = ?")) {
            ps.setString(1, Secrets.mask(logs));
            ps.setInt(2, appliedSteps);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** A cancelled attempt that left nothing in effect: its logs, and rolled back at once (pending again). */
    public void markCancelled(Connection c, String id, String logs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET logs = ?, applied_steps_count = 0, rolled_back_at = " + now() + " WHERE id = ?")) {
            ps.setString(1, Secrets.mask(logs));
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Replaces an attempt's logs (a ledger updated by a later step) and its count of statements in effect. */
    public void updateFailed(Connection c, String id, String logs, int appliedSteps) throws SQLException {
        markFailed(c, id, logs, appliedSteps);
    }

    public void markRolledBack(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET rolled_back_at = " + now() + " WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    public void appendLogs(Connection c, String id, String text) throws SQLException {
        String concat = dialect.concat("COALESCE(logs, '')", "?");
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET logs = " + concat + " WHERE id = ?")) {
            ps.setString(1, Secrets.mask(text));
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** What {@code resolve --applied} writes, as Prisma does: a finished row that started when it finished, steps 0. */
    public String insertApplied(Connection c, String name, String checksum, String logs) throws SQLException {
        String id = UUID.randomUUID().toString();
        String now = dialect.statementTimeExpression();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, "
                + now + ", " + now + ", 0)")) {
            ps.setString(1, id);
            ps.setString(2, checksum);
            ps.setString(3, name);
            ps.setString(4, logs == null ? null : Secrets.mask(logs));
            ps.executeUpdate();
        }
        return id;
    }

    /**
     * finished_at − started_at of one row, exactly as {@link HistoryRecord#duration} reads it later; empty when the
     * row cannot be read. What apply reports for an attempt is then what status and the timeline show for it.
     */
    public Optional<Duration> recordedDuration(Connection c, String id) {
        try (PreparedStatement ps = c.prepareStatement("SELECT started_at, finished_at FROM " + table + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant started = instant(rs.getTimestamp(1));
                Instant finished = instant(rs.getTimestamp(2));
                return started == null || finished == null ? Optional.empty()
                        : Optional.of(Duration.between(started, finished));
            }
        } catch (SQLException e) {
            return Optional.empty(); // the migration is applied all the same; its clock reading is only for show
        }
    }

    private String now() {
        return dialect.nowExpression();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
