package dev.godwit.engine.schema;

import java.util.List;

/** A PostgreSQL enum type (MySQL enums are column types: {@link ColumnType#enumValues()}). */
public record EnumType(String name, List<String> values) {
    public EnumType {
        values = List.copyOf(values);
    }
}
