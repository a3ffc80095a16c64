package dev.godwit.engine.dialect;

import dev.godwit.engine.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads what a database schema holds into the model. Implementations run a bounded number of
 * catalog queries whatever the number of tables, leave the history table out, and normalise
 * so that the same schema always reads back as the same model.
 */
public interface Inspector {
    Schema inspect(Connection connection, String schema) throws SQLException;
}
