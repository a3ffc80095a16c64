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

    /**
     * Reads the database schemas {@code namespaces} of a multi-schema model (Prisma's {@code schemas = [...]}) as one
     * model of {@link dev.godwit.engine.schema.QualifiedName}s; with none, the one {@code schema}. The model's
     * {@link Schema#namespaces()} are those of the list that exist.
     */
    default Schema inspect(Connection connection, String schema, java.util.List<String> namespaces) throws SQLException {
        if (namespaces.isEmpty()) {
            return inspect(connection, schema);
        }
        throw new SQLException("this database keeps one schema per database: several schemas cannot be read");
    }
}
