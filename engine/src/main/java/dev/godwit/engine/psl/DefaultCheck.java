package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Arg;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;

import java.util.Base64;
import java.util.List;

/** Checks a {@code @default(...)} against its field's type. */
final class DefaultCheck {
    private final Catalog catalog;
    private final Field field;
    private final Attribute attribute;
    private final List<PslError> errors;

    DefaultCheck(Catalog catalog, Field field, Attribute attribute, List<PslError> errors) {
        this.catalog = catalog;
        this.field = field;
        this.attribute = attribute;
        this.errors = errors;
    }

    private void error(String message) {
        errors.add(new PslError("Error parsing attribute \"@default\": " + message, attribute.span()));
    }

    void check() {
        Arg value = attribute.arg("value", 0).orElse(null);
        if (value == null) {
            error("The default value is missing.");
            return;
        }
        attribute.args().stream().filter(a -> a != value && !"map".equals(a.name()))
                .forEach(a -> error("Unexpected argument `" + a.show() + "`."));
        Expr e = value.value();
        if (e instanceof Expr.Call c) {
            function(c);
        } else if (field.type().list()) {
            if (e instanceof Expr.Array arr) {
                arr.items().forEach(this::literal);
            } else {
                error("The default value of a list field must be a list.");
            }
        } else {
            literal(e);
        }
    }

    private String typeName() {
        return field.type().name();
    }

    private void function(Expr.Call c) {
        String t = typeName();
        boolean ok = switch (c.name()) {
            case "autoincrement" -> (t.equals("Int") || t.equals("BigInt")) && !field.type().list();
            case "now" -> t.equals("DateTime") && !field.type().list();
            case "uuid", "cuid", "nanoid", "ulid" -> t.equals("String") && !field.type().list();
            case "dbgenerated" -> true;
            default -> {
                error("The function `" + c.name() + "` is not a known function. You can read about the available functions here: https://pris.ly/d/attribute-functions");
                yield true;
            }
        };
        if (!ok) {
            error("The function `" + c.name() + "()` cannot be used on fields of type `" + t + "`.");
            return;
        }
        List<Arg> args = c.args();
        switch (c.name()) {
            case "uuid" -> onlyNumber(c, args, "4", "7");
            case "cuid" -> onlyNumber(c, args, "1", "2");
            case "nanoid" -> {
                if (args.size() > 1 || (args.size() == 1 && !(args.get(0).value() instanceof Expr.Num n && n.text().matches("[1-9]\\d{0,2}")))) {
                    error("`nanoid()` takes one optional number argument: the length.");
                }
            }
            case "dbgenerated" -> {
                if (args.size() > 1 || (args.size() == 1 && !(args.get(0).value() instanceof Expr.Str))) {
                    error("`dbgenerated()` takes one optional string argument: the SQL expression.");
                } else if (args.size() == 1 && ((Expr.Str) args.get(0).value()).value().isBlank()) {
                    error("dbgenerated() takes either no argument, or a single nonempty string argument.");
                }
            }
            default -> {
                if (!args.isEmpty()) {
                    error("The function `" + c.name() + "()` takes no arguments.");
                }
            }
        }
    }

    private void onlyNumber(Expr.Call c, List<Arg> args, String... allowed) {
        if (args.isEmpty()) {
            return;
        }
        if (args.size() == 1 && args.get(0).value() instanceof Expr.Num n && List.of(allowed).contains(n.text())) {
            return;
        }
        error("`" + c.name() + "()` takes an optional version argument: " + String.join(" or ", allowed) + ".");
    }

    private void literal(Expr e) {
        String t = typeName();
        if (catalog.kind(field) == Catalog.FieldKind.ENUM) {
            Block.Enum en = catalog.enums.get(t);
            String v = e instanceof Expr.Const c ? c.name() : null;
            if (v == null || en.values().stream().noneMatch(x -> x.name().equals(v))) {
                error("The defined default value `" + Expr.show(e) + "` is not a valid value of the enum specified for the field.");
            }
            return;
        }
        if (catalog.kind(field) != Catalog.FieldKind.SCALAR) {
            error("Only `dbgenerated()` defaults can be used on this field.");
            return;
        }
        boolean ok = switch (t) {
            case "String" -> e instanceof Expr.Str;
            case "Int", "BigInt" -> e instanceof Expr.Num n && n.text().matches("-?\\d+") && fits(n.text(), t);
            case "Float" -> e instanceof Expr.Num n && n.text().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
            // Prisma takes a Decimal default as a number or as a string ("2.00"), and leaves a string's text to the database
            case "Decimal" -> e instanceof Expr.Str || e instanceof Expr.Num n && n.text().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
            case "Boolean" -> e instanceof Expr.Const c && (c.name().equals("true") || c.name().equals("false"));
            case "DateTime" -> e instanceof Expr.Str; // Prisma leaves the text to the database
            case "Json" -> e instanceof Expr.Str;
            case "Bytes" -> e instanceof Expr.Str s && base64(s.value());
            default -> false;
        };
        if (!ok) {
            error("Expected a " + t + " value, but found `" + Expr.show(e) + "`.");
        }
    }

    private static boolean fits(String digits, String type) {
        try {
            long v = Long.parseLong(digits);
            return !type.equals("Int") || (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE);
        } catch (NumberFormatException x) {
            return false;
        }
    }

    private static boolean base64(String s) {
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException x) {
            return false;
        }
    }
}
