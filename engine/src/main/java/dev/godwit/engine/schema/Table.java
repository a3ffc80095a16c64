package dev.godwit.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table. Columns keep their ordinal order; indexes, foreign keys and checks are sorted by name.
 *
 * @param primaryKey the primary key, or null
 * @param attributes dialect-only facts (e.g. MySQL engine, charset, collation)
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<Index> indexes,
                    List<ForeignKey> foreignKeys, List<CheckConstraint> checks, String comment,
                    Map<String, String> attributes) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        indexes = Sorting.byName(indexes, Index::name);
        foreignKeys = Sorting.byName(foreignKeys, ForeignKey::name);
        checks = Sorting.byName(checks, CheckConstraint::name);
        attributes = Attributes.copy(attributes);
    }

    public static Table of(String name, List<Column> columns, PrimaryKey pk) {
        return new Table(name, columns, pk, List.of(), List.of(), List.of(), null, Map.of());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withIndexes(List<Index> list) {
        return new Table(name, columns, primaryKey, list, foreignKeys, checks, comment, attributes);
    }

    public Table withForeignKeys(List<ForeignKey> list) {
        return new Table(name, columns, primaryKey, indexes, list, checks, comment, attributes);
    }

    public Table withColumns(List<Column> list) {
        return new Table(name, list, primaryKey, indexes, foreignKeys, checks, comment, attributes);
    }
}
