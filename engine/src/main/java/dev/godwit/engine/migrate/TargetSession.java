package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;

import java.sql.Connection;
import java.sql.SQLException;

/** A connection to the target ready for migration work, and the error a failed piece of that work becomes. */
public final class TargetSession {
    private TargetSession() {
    }

    /** Auto-commit on, the session prepared for the target's schema; a refused connection is a connection error. */
    public static Connection open(Target target) {
        try {
            Connection c = target.dataSource().getConnection();
            c.setAutoCommit(true);
            if (target.pooler() == null) {
                // Through a transaction-mode pooler a session setting would stay on a backend that other clients
                // get next; the work done there (reading) names its schema in every statement.
                target.dialect().prepareSession(c, target.schema());
            }
            return c;
        } catch (SQLException e) {
            throw target.dialect().connectionFailure(e, target.display());
        }
    }

    /** A lost connection stays a connection error; anything else names the database, what was being done and its message. */
    public static GodwitException failure(Target target, String doing, SQLException e) {
        if (target.dialect().isConnectionLoss(e)) {
            return target.dialect().connectionFailure(e, target.display());
        }
        return new GodwitException(ErrorKind.RUNTIME, target.display() + ": " + doing + ": " + FailureLog.databaseMessage(e), null, e);
    }
}
