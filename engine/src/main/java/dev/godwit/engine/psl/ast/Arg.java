package dev.godwit.engine.psl.ast;


/** One argument: {@code name: value} or a positional {@code value} ({@code name} null). */
public record Arg(String name, Expr value, Span span) {
    public String show() {
        return (name == null ? "" : name + ": ") + Expr.show(value);
    }
}
