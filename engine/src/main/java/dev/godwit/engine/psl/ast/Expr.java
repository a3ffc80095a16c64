package dev.godwit.engine.psl.ast;


import java.util.List;

/** A value in an attribute argument or a config setting. */
public sealed interface Expr {
    Span span();

    /** {@code "text"} (unescaped). */
    record Str(String value, Span span) implements Expr {
    }

    /** A number as written, e.g. {@code -1.5}. */
    record Num(String text, Span span) implements Expr {
    }

    /** A bare name: {@code true}, {@code Cascade}, an enum value, a field name, {@code a.b}. */
    record Const(String name, Span span) implements Expr {
    }

    /** {@code name(args)}: {@code now()}, {@code env("X")}, {@code createdAt(sort: Desc)}. */
    record Call(String name, List<Arg> args, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code [a, b]}. */
    record Array(List<Expr> items, Span span) implements Expr {
        public Array {
            items = List.copyOf(items);
        }
    }

    /** Short text of the value as written, for messages. */
    static String show(Expr e) {
        if (e instanceof Str s) {
            return "\"" + s.value() + "\"";
        }
        if (e instanceof Num n) {
            return n.text();
        }
        if (e instanceof Const c) {
            return c.name();
        }
        if (e instanceof Call c) {
            return c.name() + "(" + String.join(", ", c.args().stream().map(Arg::show).toList()) + ")";
        }
        return "[" + String.join(", ", ((Array) e).items().stream().map(Expr::show).toList()) + "]";
    }
}
