package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.schema.ColumnType;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL type names: catalog spelling → model, and model → DDL spelling. */
final class PostgresTypes {
    private PostgresTypes() {
    }

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int4", "integer"), Map.entry("int", "integer"), Map.entry("int2", "smallint"),
            Map.entry("int8", "bigint"), Map.entry("float8", "double precision"), Map.entry("float4", "real"),
            Map.entry("bool", "boolean"), Map.entry("character varying", "varchar"), Map.entry("character", "char"),
            Map.entry("bpchar", "char"), Map.entry("decimal", "numeric"), Map.entry("bit varying", "varbit"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"));

    private static final Map<String, String> DDL_NAMES = Map.ofEntries(
            Map.entry("integer", "INTEGER"), Map.entry("smallint", "SMALLINT"), Map.entry("bigint", "BIGINT"),
            Map.entry("double precision", "DOUBLE PRECISION"), Map.entry("real", "REAL"), Map.entry("boolean", "BOOLEAN"),
            Map.entry("varchar", "VARCHAR"), Map.entry("char", "CHAR"), Map.entry("numeric", "DECIMAL"),
            Map.entry("varbit", "VARBIT"), Map.entry("bit", "BIT"), Map.entry("timestamp", "TIMESTAMP"),
            Map.entry("timestamptz", "TIMESTAMPTZ"), Map.entry("time", "TIME"), Map.entry("timetz", "TIMETZ"),
            Map.entry("text", "TEXT"), Map.entry("jsonb", "JSONB"), Map.entry("json", "JSON"), Map.entry("bytea", "BYTEA"),
            Map.entry("uuid", "UUID"), Map.entry("date", "DATE"), Map.entry("inet", "INET"), Map.entry("cidr", "CIDR"),
            Map.entry("xml", "XML"), Map.entry("money", "MONEY"), Map.entry("interval", "INTERVAL"),
            Map.entry("macaddr", "MACADDR"), Map.entry("oid", "OID"), Map.entry("tsvector", "TSVECTOR"));

    private static final Pattern WITH_ARGS = Pattern.compile("^([a-z ]+?)\\((\\d+)(?:,(\\d+))?\\)(.*)$");

    /**
     * Parses {@code format_type()} output. {@code enumName} is set when the (element) type is an enum.
     */
    /**
     * Parsed types by their formatted name: a schema of thousands of tables has a few dozen distinct
     * types, and parsing (a pattern match) once per column was a tenth of reading the schema. Bounded,
     * as the number of distinct lengths and precisions is the user's.
     */
    private static final Map<String, ColumnType> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 4096;

    static ColumnType parse(String formatted, String enumName) {
        if (enumName != null) {
            return parseUncached(formatted, enumName);
        }
        ColumnType known = PARSED.get(formatted);
        if (known == null) {
            known = parseUncached(formatted, null);
            if (PARSED.size() < PARSED_LIMIT) {
                PARSED.put(formatted, known);
            }
        }
        return known;
    }

    private static ColumnType parseUncached(String formatted, String enumName) {
        String s = formatted;
        int dims = 0;
        while (s.endsWith("[]")) {
            dims++;
            s = s.substring(0, s.length() - 2);
        }
        if (enumName != null) {
            return ColumnType.enumRef(enumName).withArrayDims(dims);
        }
        Integer first = null;
        Integer second = null;
        Matcher m = WITH_ARGS.matcher(s);
        if (m.matches()) {
            // "timestamp(3) without time zone" puts the precision in the middle
            s = (m.group(1) + m.group(4)).trim();
            first = Integer.valueOf(m.group(2));
            second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        }
        String name = ALIASES.getOrDefault(s, s);
        ColumnType t = ColumnType.of(name);
        if (first != null) {
            t = switch (name) {
                case "varchar", "char", "bit", "varbit" -> t.withLength(first);
                default -> t.withPrecision(first, second);
            };
        }
        return t.withArrayDims(dims);
    }

    /** Canonical name for a type name the user wrote (e.g. "int4" → "integer"). */
    static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(lower, lower);
    }

    static boolean isNumeric(ColumnType t) {
        return t.arrayDims() == 0 && switch (t.name()) {
            case "integer", "smallint", "bigint", "numeric", "real", "double precision" -> true;
            default -> false;
        };
    }

    /** The type as DDL, e.g. {@code TIMESTAMP(3)}, {@code VARCHAR(100)[]}, {@code "Role"}. */
    static String render(ColumnType t, java.util.function.UnaryOperator<String> quote) {
        StringBuilder sb = new StringBuilder();
        if (t.enumRef() != null) {
            sb.append(quote.apply(t.enumRef()));
        } else {
            sb.append(DDL_NAMES.getOrDefault(t.name(), t.name()));
            if (t.length() != null) {
                sb.append('(').append(t.length()).append(')');
            } else if (t.precision() != null) {
                sb.append('(').append(t.precision());
                if (t.scale() != null) {
                    sb.append(',').append(t.scale());
                }
                sb.append(')');
            }
        }
        sb.append("[]".repeat(t.arrayDims()));
        return sb.toString();
    }
}
