package dev.godwit.engine.schema;

import java.util.Map;
import java.util.Objects;

/**
 * A table column.
 *
 * @param defaultValue normalised default expression (casts to the column's own type removed), or null;
 *                     null also for {@link Identity#SERIAL} columns, whose {@code nextval} default is implied
 * @param generated    expression of a stored generated column, or null
 * @param collation    explicit collation when it differs from the default, or null
 * @param comment      column comment, or null
 * @param attributes   dialect-only facts (e.g. MySQL {@code on_update}); sorted keys
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue, Identity identity,
                     String generated, String collation, String comment, Map<String, String> attributes) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
        attributes = Attributes.copy(attributes);
    }

    public static Column of(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, null, Identity.NONE, null, null, null, Map.of());
    }

    public Column withDefault(String expression) {
        return new Column(name, type, nullable, expression, identity, generated, collation, comment, attributes);
    }

    public Column withIdentity(Identity id) {
        return new Column(name, type, nullable, defaultValue, id, generated, collation, comment, attributes);
    }

    public Column withNullable(boolean n) {
        return new Column(name, type, n, defaultValue, identity, generated, collation, comment, attributes);
    }

    public Column withType(ColumnType t) {
        return new Column(name, t, nullable, defaultValue, identity, generated, collation, comment, attributes);
    }
}
