package dev.godwit.engine.schema;

/**
 * A view; {@code definition} is the SELECT as the database prints it; {@code columns} what it returns, as the
 * catalog describes them (for {@code pull}'s {@code view} blocks), empty when unknown.
 */
public record View(String name, String definition, boolean materialized, java.util.List<Column> columns) {

    public View {
        columns = columns == null ? java.util.List.of() : java.util.List.copyOf(columns);
    }

    public View(String name, String definition, boolean materialized) {
        this(name, definition, materialized, java.util.List.of());
    }
}
