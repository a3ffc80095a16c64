package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Span;

/** One problem in a schema file, at a span of it. */
public record PslError(String message, Span span) {
}
