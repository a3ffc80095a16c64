package dev.godwit.engine.schema;

import java.util.List;

/**
 * An index, unique or not; unique constraints are unique indexes with {@code constraint} set.
 *
 * @param method     access method ("btree", "hash", "gin", "gist", … ; MySQL "btree", "fulltext", "spatial")
 * @param predicate  WHERE clause of a partial index, or null
 * @param include    INCLUDE columns (PostgreSQL)
 * @param constraint true when the index backs a UNIQUE constraint rather than being a plain unique index
 */
public record Index(String name, boolean unique, List<IndexPart> parts, String method, String predicate,
                    List<String> include, boolean constraint) {
    public Index {
        parts = List.copyOf(parts);
        include = List.copyOf(include);
    }

    public static Index of(String name, boolean unique, List<IndexPart> parts) {
        return new Index(name, unique, parts, "btree", null, List.of(), false);
    }

    /** Column names of the keys (null entries for expression keys). */
    public List<String> columnNames() {
        return parts.stream().map(IndexPart::column).toList();
    }
}
