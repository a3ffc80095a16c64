package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.schema.ColumnType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Default expressions as PostgreSQL prints them → one normal form: literal casts to the
 * column's own type dropped ({@code 'USER'::"Role"} → {@code 'USER'}), quoted numbers unquoted,
 * {@code now()} spelled {@code CURRENT_TIMESTAMP}.
 */
final class PostgresDefaults {
    private PostgresDefaults() {
    }

    private static final Pattern CAST_LITERAL = Pattern.compile("^('(?:[^']|'')*')::[\\p{L}_\" ][\\p{L}\\p{N}_\"$ .()\\[\\]]*$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^'?(-?\\d+(?:\\.\\d+)?)'?$");
    private static final Pattern PAREN_NUMBER = Pattern.compile("^\\((-?\\d+(?:\\.\\d+)?)\\)$");
    private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('(.*)'::regclass\\)$");

    static String normalise(String expr, ColumnType type) {
        if (expr == null) {
            return null;
        }
        String s = expr.trim();
        Matcher m = CAST_LITERAL.matcher(s);
        if (m.matches()) {
            s = m.group(1);
        }
        if (PostgresTypes.isNumeric(type)) {
            Matcher n = NUMBER.matcher(s);
            if (n.matches()) {
                s = n.group(1);
            }
            Matcher p = PAREN_NUMBER.matcher(s);
            if (p.matches()) {
                s = p.group(1);
            }
        }
        if (s.equalsIgnoreCase("now()")) {
            s = "CURRENT_TIMESTAMP";
        }
        return s;
    }

    /** Whether the default is {@code nextval('<sequence>'::regclass)} of the given (possibly qualified) sequence. */
    static boolean isNextvalOf(String expr, String ownedSequence) {
        if (expr == null || ownedSequence == null) {
            return false;
        }
        Matcher m = NEXTVAL.matcher(expr.trim());
        if (!m.matches()) {
            return false;
        }
        String seq = m.group(1).replace("''", "'");
        String unqualified = ownedSequence.substring(ownedSequence.lastIndexOf('.') + 1);
        return seq.equals(ownedSequence) || seq.equals(unqualified)
                || seq.endsWith("." + unqualified);
    }
}
