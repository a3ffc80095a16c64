package dev.godwit.engine.psl.ast;

/** A range of characters in a schema file: {@code start} inclusive, {@code end} exclusive (offsets). */
public record Span(int start, int end) {
    public static Span of(Span a, Span b) {
        return new Span(Math.min(a.start, b.start), Math.max(a.end, b.end));
    }
}
