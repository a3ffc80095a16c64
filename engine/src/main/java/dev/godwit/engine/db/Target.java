package dev.godwit.engine.db;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.schema.Schema;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database a command works on: how to connect, which dialect speaks to
 * it, which schema holds the project's tables, and a password-free name to
 * show users.
 */
public record Target(Dialect dialect, DataSource dataSource, String schema, String display) {

    /** Reads the project's schema from the database: a lost connection becomes a connection error. */
    public Schema inspect() {
        try (Connection c = dataSource.getConnection()) {
            return dialect.inspector().inspect(c, schema);
        } catch (SQLException e) {
            if (dialect.isConnectionLoss(e)) {
                throw dialect.connectionFailure(e, display);
            }
            throw new GodwitException(ErrorKind.RUNTIME, display + ": reading the schema: " + e.getMessage(), null, e);
        }
    }
}
