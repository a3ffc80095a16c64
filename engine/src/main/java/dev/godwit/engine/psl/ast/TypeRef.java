package dev.godwit.engine.psl.ast;


/**
 * A field's type: {@code String}, {@code Post[]}, {@code Int?}, {@code Unsupported("circle")}.
 *
 * @param unsupported the database type of {@code Unsupported("…")}, else null
 */
public record TypeRef(String name, Arity arity, String unsupported, Span span) {
    public enum Arity { REQUIRED, OPTIONAL, LIST }

    public boolean optional() {
        return arity == Arity.OPTIONAL;
    }

    public boolean list() {
        return arity == Arity.LIST;
    }
}
