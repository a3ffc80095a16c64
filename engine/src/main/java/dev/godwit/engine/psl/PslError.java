package dev.godwit.engine.psl;

/** One problem in a schema file, at a span of it. */
public record PslError(String message, Span span) {
}
