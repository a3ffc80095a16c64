package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.dialect.Blocker;
import dev.godwit.engine.dialect.LockWaits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** lock_timeout, SQLSTATE 55P03, and the sessions holding locks on a table from pg_locks. */
final class PostgresLockWaits implements LockWaits {
    private static final String SESSIONS = "SELECT DISTINCT a.pid, a.usename, a.state, a.query, "
            + "extract(epoch FROM now() - coalesce(a.xact_start, a.query_start))::bigint, coalesce(a.xact_start, a.query_start) FROM pg_stat_activity a ";

    @Override
    public void setTimeout(Connection c, Duration timeout) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
        }
    }

    @Override
    public void resetTimeout(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("RESET lock_timeout");
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "55P03".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Blocker> blockers(Connection c, String schema, String table) throws SQLException {
        String sql = table != null
                ? SESSIONS + "JOIN pg_locks l ON l.pid = a.pid WHERE l.granted AND a.pid <> pg_backend_pid() AND l.relation = "
                + "(SELECT r.oid FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = ? AND r.relname = ?) ORDER BY 6"
                : SESSIONS + "WHERE a.xact_start IS NOT NULL AND a.pid <> pg_backend_pid() AND a.datname = current_database() "
                + "AND a.backend_type = 'client backend' ORDER BY 6 LIMIT 5";
        List<Blocker> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (table != null) {
                ps.setString(1, schema);
                ps.setString(2, table);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Blocker("pid " + rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Duration.ofSeconds(rs.getLong(5))));
                }
            }
        }
        return out;
    }
}
