package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.psl.JsonbText;
import dev.godwit.engine.psl.Literals;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.schema.ColumnType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Literal defaults as PostgreSQL prints them back ({@code pg_get_expr}, after the inspector's
 * normalisation): the model keeps defaults in that form so that a mapped schema and an
 * introspected one compare equal.
 */
final class PostgresLiterals {
    private PostgresLiterals() {
    }

    static String of(Field f, ColumnType type, Expr value, UnaryOperator<String> enumValue) {
        if (f.type().list()) {
            List<Expr> items = value instanceof Expr.Array a ? a.items() : List.of(value);
            ColumnType element = type.withArrayDims(0);
            if (items.isEmpty()) {
                return "ARRAY[]::" + formatType(element) + "[]";
            }
            return "ARRAY[" + items.stream().map(i -> element(f, element, i, enumValue)).collect(Collectors.joining(", ")) + "]";
        }
        return scalar(f, type, value, enumValue);
    }

    private static String scalar(Field f, ColumnType type, Expr value, UnaryOperator<String> enumValue) {
        if (value instanceof Expr.Const c) {
            String mapped = enumValue.apply(c.name());
            if (mapped != null) {
                return quote(mapped);
            }
            return c.name();
        }
        if (value instanceof Expr.Num n) {
            return n.text();
        }
        String s = ((Expr.Str) value).value();
        if (f.type().name().equals("Decimal") && s.matches("-?\\d+(\\.\\d+)?")) {
            return s; // a number given as a string is written as the number, as Prisma writes it
        }
        return switch (f.type().name()) {
            case "DateTime" -> quote(Literals.dateTime(s) == null ? s : dateTime(Literals.dateTime(s), type));
            case "Bytes" -> quote("\\x" + hex(s));
            case "Json" -> quote(type.name().equals("jsonb") ? JsonbText.canonical(s) : s);
            default -> quote(s);
        };
    }

    private static String element(Field f, ColumnType type, Expr value, UnaryOperator<String> enumValue) {
        String text = scalar(f, type, value, enumValue);
        if (type.enumRef() != null) {
            return text + "::" + typeName(type.enumRef());
        }
        return switch (type.name()) {
            case "integer" -> text.startsWith("-") ? "'" + text + "'::integer" : text;
            case "boolean" -> text;
            case "bigint", "double precision", "real", "smallint" -> "(" + text + ")::" + formatType(type);
            case "numeric" -> text + "::" + formatType(type);
            default -> text + "::" + formatType(type);
        };
    }

    /** A type name as PostgreSQL prints it in a default: bare when it needs no quotes (lower case, not reserved). */
    static String typeName(String name) {
        String namespace = dev.godwit.engine.schema.QualifiedName.namespace(name);
        if (namespace != null) {
            // a type outside the search path: PostgreSQL prints its schema too
            return typeName(namespace) + "." + typeName(dev.godwit.engine.schema.QualifiedName.local(name));
        }
        boolean plain = name.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(name);
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** PostgreSQL's reserved key words (those that cannot name a type unquoted). */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("all", "analyse", "analyze", "and", "any", "array",
            "as", "asc", "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
            "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
            "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading",
            "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only",
            "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing",
            "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with");

    private static final java.util.regex.Pattern CAST_LITERAL =
            java.util.regex.Pattern.compile("^('(?:[^']|'')*')::[\\p{L}_\" ][\\p{L}\\p{N}_\"$ .()\\[\\]]*$", java.util.regex.Pattern.DOTALL);

    /**
     * A {@code dbgenerated("…")} expression in the inspector's normal form: a quoted literal's cast
     * dropped, {@code now()} spelled {@code CURRENT_TIMESTAMP}; anything else as written.
     */
    static String expression(String sql) {
        java.util.regex.Matcher m = CAST_LITERAL.matcher(sql);
        if (m.matches()) {
            return m.group(1);
        }
        return sql.equalsIgnoreCase("now()") ? "CURRENT_TIMESTAMP" : sql;
    }

    /** The type as {@code format_type()} prints it. */
    static String formatType(ColumnType t) {
        if (t.enumRef() != null) {
            String namespace = dev.godwit.engine.schema.QualifiedName.namespace(t.enumRef());
            String local = "\"" + dev.godwit.engine.schema.QualifiedName.local(t.enumRef()).replace("\"", "\"\"") + "\"";
            return namespace == null ? local : typeName(namespace) + "." + local;
        }
        String p = t.precision() == null ? "" : "(" + t.precision() + (t.scale() == null ? "" : "," + t.scale()) + ")";
        String l = t.length() == null ? "" : "(" + t.length() + ")";
        return switch (t.name()) {
            case "varchar" -> "character varying" + l;
            case "char" -> "character" + l;
            case "varbit" -> "bit varying" + l;
            case "bit" -> "bit" + l;
            case "timestamp" -> "timestamp" + p + " without time zone";
            case "timestamptz" -> "timestamp" + p + " with time zone";
            case "time" -> "time" + p + " without time zone";
            case "timetz" -> "time" + p + " with time zone";
            default -> t.name() + p;
        };
    }

    private static String dateTime(OffsetDateTime v, ColumnType type) {
        // the default keeps the literal at microseconds; the column's precision applies on insert
        int precision = 6;
        return switch (type.name()) {
            case "date" -> v.toLocalDate().toString();
            case "timestamptz" -> localDateTime(v.withOffsetSameInstant(ZoneOffset.UTC), precision) + "+00";
            case "time" -> timeOfDay(v.toLocalDateTime(), precision);
            default -> localDateTime(v, precision);
        };
    }

    /** {@code 2024-01-01 10:20:30.123}: the date-time as written (offset dropped), seconds rounded to the precision. */
    static String localDateTime(OffsetDateTime v, int precision) {
        LocalDateTime t = v.toLocalDateTime();
        LocalDateTime rounded = round(t, precision);
        return rounded.toLocalDate() + " " + timeOfDay(rounded, precision);
    }

    private static LocalDateTime round(LocalDateTime t, int precision) {
        BigDecimal nanos = BigDecimal.valueOf(t.getNano()).movePointLeft(9).setScale(precision, RoundingMode.HALF_EVEN);
        return t.withNano(0).plusNanos(nanos.movePointRight(9).longValue());
    }

    private static String timeOfDay(LocalDateTime t, int precision) {
        String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        if (t.getNano() != 0 && precision > 0) {
            String frac = String.format("%09d", t.getNano()).substring(0, Math.min(9, precision)).replaceAll("0+$", "");
            if (!frac.isEmpty()) {
                s += "." + frac;
            }
        }
        return s;
    }

    static String hex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
