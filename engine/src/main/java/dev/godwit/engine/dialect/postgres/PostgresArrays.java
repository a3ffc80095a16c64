package dev.godwit.engine.dialect.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The elements of an array default, whichever way it is spelled: {@code '{}'}, {@code '{a,"b c"}'::text[]},
 * {@code ARRAY[]::integer[]}, {@code (ARRAY[]::character varying[])::character varying(30)[]},
 * {@code ARRAY['a'::text, 'b'::text]}, {@code ARRAY[(1)::bigint]}. Prisma compares list defaults by
 * their values, so {@code TEXT[] DEFAULT '{}'} and {@code String[] @default([])} are the same default.
 */
public final class PostgresArrays {
    private PostgresArrays() {
    }

    /** The element values as text (strings unquoted), or empty when the expression is not an array constant. */
    public static Optional<List<String>> elements(String expr) {
        if (expr == null) {
            return Optional.empty();
        }
        String s = stripCasts(expr.strip());
        if (s.startsWith("'") && s.endsWith("'") && s.length() >= 2) {
            return literal(s.substring(1, s.length() - 1).replace("''", "'"));
        }
        if (s.regionMatches(true, 0, "ARRAY[", 0, 6) && s.endsWith("]")) {
            return constructor(s.substring(6, s.length() - 1));
        }
        return Optional.empty();
    }

    /** Whether two defaults of array columns hold the same values (else: whether they are the same text). */
    static boolean same(String a, String b) {
        Optional<List<String>> x = elements(a);
        Optional<List<String>> y = elements(b);
        if (x.isPresent() && y.isPresent()) {
            return x.get().equals(y.get());
        }
        return java.util.Objects.equals(a, b);
    }

    /** Removes trailing {@code ::type} casts and the parentheses around what they cast. */
    private static String stripCasts(String s) {
        while (true) {
            int cast = topLevelCast(s);
            if (cast < 0) {
                break;
            }
            s = s.substring(0, cast).strip();
            if (s.startsWith("(") && s.endsWith(")") && closes(s)) {
                s = s.substring(1, s.length() - 1).strip();
            }
        }
        return s;
    }

    /** The position of the last {@code ::} outside quotes, brackets and parentheses, or -1. */
    private static int topLevelCast(String s) {
        int depth = 0;
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                last = i;
                i++;
            }
        }
        return last;
    }

    /** Whether the opening parenthesis at 0 closes at the end. */
    private static boolean closes(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0 && i < s.length() - 1) {
                return false;
            }
        }
        return true;
    }

    /** A PostgreSQL array literal's text: {@code {a,"b c",NULL}}. */
    private static Optional<List<String>> literal(String text) {
        String t = text.strip();
        if (!t.startsWith("{") || !t.endsWith("}")) {
            return Optional.empty();
        }
        String body = t.substring(1, t.length() - 1);
        List<String> out = new ArrayList<>();
        if (body.isBlank()) {
            return Optional.of(out);
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                cur.append(body.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else if (c == '{' || c == '}') {
                return Optional.empty(); // a nested array
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return Optional.of(out);
    }

    /** The items of {@code ARRAY[…]}: each a constant, perhaps cast or in parentheses. */
    private static Optional<List<String>> constructor(String body) {
        List<String> out = new ArrayList<>();
        if (body.isBlank()) {
            return Optional.of(out);
        }
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                String item = stripCasts(body.substring(start, i).strip());
                if (item.startsWith("'") && item.endsWith("'") && item.length() >= 2) {
                    out.add(item.substring(1, item.length() - 1).replace("''", "'"));
                } else if (item.matches("-?\\d+(\\.\\d+)?|true|false|NULL")) {
                    out.add(item);
                } else {
                    return Optional.empty();
                }
                start = i + 1;
            }
        }
        return Optional.of(out);
    }
}
