package dev.godwit.engine.schema;

/** A free-standing sequence (sequences owned by SERIAL/identity columns are part of the column). */
public record Sequence(String name, String type, long start, long increment, long min, long max, long cache, boolean cycle) {
}
