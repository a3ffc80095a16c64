package dev.godwit.engine.schema;

/** A view; {@code definition} is the SELECT as the database prints it. */
public record View(String name, String definition, boolean materialized) {
}
