package dev.godwit.engine.schema;

import java.util.List;

/** A primary key; {@code name} is null on MySQL, where it is always PRIMARY. */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
