package dev.godwit.engine.lint;

import java.util.Map;

/**
 * A table as the live database has it: its size, and its columns' types as the server writes them
 * (lower-case names → e.g. {@code varchar(191)}, {@code int}), with {@code nullable} per column, so that a
 * rule can tell a widening from a rewrite.
 */
public record LiveTable(TableSize size, Map<String, String> columnTypes, Map<String, Boolean> nullable) {
    public LiveTable {
        columnTypes = Map.copyOf(columnTypes);
        nullable = Map.copyOf(nullable);
    }

    public static LiveTable created() {
        return new LiveTable(TableSize.NEW, Map.of(), Map.of());
    }
}
