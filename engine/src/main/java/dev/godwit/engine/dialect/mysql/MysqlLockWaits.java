package dev.godwit.engine.dialect.mysql;

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

/**
 * lock_wait_timeout (metadata locks: what DDL waits for) and innodb_lock_wait_timeout (row locks), error
 * 1205, and the sessions with an open transaction, from information_schema (the metadata lock tables need
 * performance_schema, which is off by default, so the open transactions stand for the holders).
 */
final class MysqlLockWaits implements LockWaits {

    @Override
    public void setTimeout(Connection c, Duration timeout) throws SQLException {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION lock_wait_timeout = " + seconds + ", innodb_lock_wait_timeout = " + seconds);
        }
    }

    @Override
    public void resetTimeout(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION lock_wait_timeout = DEFAULT, innodb_lock_wait_timeout = DEFAULT");
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == 1205) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Blocker> blockers(Connection c, String schema, String table) throws SQLException {
        List<Blocker> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT p.ID, p.USER, p.COMMAND, p.INFO, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) FROM information_schema.INNODB_TRX t "
                        + "JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.ID <> CONNECTION_ID() "
                        + "ORDER BY t.trx_started LIMIT 5");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String state = "Sleep".equals(rs.getString(3)) ? "idle in transaction" : rs.getString(3);
                out.add(new Blocker("id " + rs.getLong(1), rs.getString(2), state, rs.getString(4), Duration.ofSeconds(rs.getLong(5))));
            }
        }
        return out;
    }
}
