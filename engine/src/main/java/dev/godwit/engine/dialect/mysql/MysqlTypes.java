package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.schema.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MySQL/MariaDB column types and defaults: {@code information_schema} spelling → model → DDL. */
final class MysqlTypes {
    private MysqlTypes() {
    }

    private static final Set<String> WITH_LENGTH = Set.of("varchar", "char", "binary", "varbinary", "bit");
    private static final Set<String> WITH_FRACTION = Set.of("datetime", "timestamp", "time");
    private static final Set<String> TEXTUAL = Set.of("varchar", "char", "text", "tinytext", "mediumtext", "longtext",
            "enum", "set", "date", "datetime", "timestamp", "time", "year", "binary", "varbinary", "blob",
            "tinyblob", "mediumblob", "longblob", "json");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern CURRENT_TS = Pattern.compile("(?i)^(current_timestamp|now)(?:\\((\\d*)\\))?$");

    static ColumnType parse(String dataType, String columnType, Long charLength, Integer precision, Integer scale, Integer fraction) {
        String name = dataType.toLowerCase(Locale.ROOT);
        String full = columnType.toLowerCase(Locale.ROOT);
        ColumnType t = ColumnType.of(name).withUnsigned(full.contains(" unsigned"));
        if (name.equals("enum") || name.equals("set")) {
            List<String> values = new ArrayList<>();
            Matcher m = QUOTED.matcher(columnType);
            while (m.find()) {
                values.add(m.group(1).replace("''", "'").replace("\\\\", "\\"));
            }
            return t.withEnumValues(values);
        }
        if (WITH_LENGTH.contains(name)) {
            if (name.equals("bit")) {
                return t.withLength(precision);
            }
            return t.withLength(charLength == null ? null : charLength.intValue());
        }
        if (name.equals("decimal")) {
            return t.withPrecision(precision, scale);
        }
        if (WITH_FRACTION.contains(name) && fraction != null && fraction > 0) {
            return t.withPrecision(fraction, null);
        }
        if (name.equals("tinyint") && full.startsWith("tinyint(1)")) {
            return t.withLength(1); // the boolean spelling
        }
        return t;
    }

    static String render(ColumnType t) {
        StringBuilder sb = new StringBuilder();
        String name = t.name();
        if (!t.enumValues().isEmpty()) {
            sb.append(name.toUpperCase(Locale.ROOT)).append('(');
            for (int i = 0; i < t.enumValues().size(); i++) {
                sb.append(i == 0 ? "" : ",").append(literal(t.enumValues().get(i)));
            }
            return sb.append(')').toString();
        }
        sb.append(name.equals("int") ? "INTEGER" : name.toUpperCase(Locale.ROOT));
        if (t.length() != null) {
            sb.append('(').append(t.length()).append(')');
        } else if (t.precision() != null) {
            sb.append('(').append(t.precision());
            if (t.scale() != null) {
                sb.append(',').append(t.scale());
            }
            sb.append(')');
        }
        if (t.unsigned()) {
            sb.append(" UNSIGNED");
        }
        return sb.toString();
    }

    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * One normal form for defaults: MariaDB quotes string literals and prints {@code NULL} for
     * "no default"; MySQL prints literals bare and flags expressions as DEFAULT_GENERATED.
     */
    static String normaliseDefault(String raw, ColumnType type, String extra, boolean mariadb) {
        if (raw == null || (mariadb && raw.equals("NULL"))) {
            return null;
        }
        Matcher ts = CURRENT_TS.matcher(raw.trim());
        if (ts.matches()) {
            String p = ts.group(2);
            return p == null || p.isEmpty() ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + p + ")";
        }
        if (!mariadb && !extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED") && TEXTUAL.contains(type.name())) {
            return literal(raw);
        }
        if (!mariadb && extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED")) {
            return raw.startsWith("(") ? raw : "(" + raw + ")";
        }
        // MariaDB prints an expression default bare (uuid()); read it as MySQL 8 and the schema mapping write it
        return mariadb ? renderDefault(raw) : raw;
    }

    /** A default as DDL: literals as they are, other expressions in parentheses. */
    static String renderDefault(String expr) {
        if (expr.startsWith("'") || expr.startsWith("(") || expr.matches("-?\\d+(\\.\\d+)?(e[-+]?\\d+)?")
                || expr.startsWith("CURRENT_TIMESTAMP") || expr.equalsIgnoreCase("NULL") || expr.startsWith("b'")
                || expr.startsWith("0x")) {
            return expr;
        }
        return "(" + expr + ")";
    }
}
