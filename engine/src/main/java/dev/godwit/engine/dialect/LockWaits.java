package dev.godwit.engine.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A statement that cannot get its lock within a time-out gives up instead of queueing every query on the
 * table behind it: how this database sets that time-out for a session, tells the error, and names who held
 * the lock.
 */
public interface LockWaits {

    /** Sets the per-statement lock wait of the session (PostgreSQL lock_timeout; MySQL lock_wait_timeout). */
    void setTimeout(Connection connection, Duration timeout) throws SQLException;

    /** Puts the session's lock wait back to the server's default. */
    void resetTimeout(Connection connection) throws SQLException;

    /** Whether the error is a statement giving up on a lock it waited for. */
    boolean isLockTimeout(SQLException e);

    /**
     * The other sessions that hold a lock on {@code table} of {@code schema} (or, when the table is not
     * known, that have a transaction open in the database), oldest transaction first.
     */
    List<Blocker> blockers(Connection connection, String schema, String table) throws SQLException;
}
