package dev.godwit.engine.migrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Helpers over the token lists of {@link StatementShape}. */
public final class Tokens {
    private Tokens() {
    }

    /** The first index from {@code from} where {@code words} follow one another, or -1. */
    public static int indexOf(List<String> tokens, int from, String... words) {
        outer:
        for (int i = Math.max(0, from); i + words.length <= tokens.size(); i++) {
            for (int j = 0; j < words.length; j++) {
                if (!tokens.get(i + j).equals(words[j])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static boolean startsWith(List<String> tokens, String... words) {
        return tokens.size() >= words.length && indexOf(tokens.subList(0, words.length), 0, words) == 0;
    }

    /** An identifier token without its quotes ({@code "a""b"} → {@code a"b}); an unquoted word lower-cased, as PostgreSQL folds it. */
    public static String name(String token) {
        if (token.length() >= 2 && (token.charAt(0) == '"' || token.charAt(0) == '`')) {
            char q = token.charAt(0);
            return token.substring(1, token.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q));
        }
        return token.toLowerCase(Locale.ROOT);
    }

    /**
     * The index just past a possibly qualified name starting at {@code i} ({@code a}, {@code "s"."t"}), so that
     * {@code tokens.get(end - 1)} is its last part.
     */
    public static int nameEnd(List<String> tokens, int i) {
        int j = i + 1;
        while (j + 1 < tokens.size() && tokens.get(j).equals(".")) {
            j += 2;
        }
        return j;
    }

    /** Splits at commas outside parentheses. */
    public static List<List<String>> splitTopLevel(List<String> tokens) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        int depth = 0;
        for (String t : tokens) {
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                depth--;
            } else if (t.equals(",") && depth == 0) {
                out.add(cur);
                cur = new ArrayList<>();
                continue;
            }
            cur.add(t);
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** The tokens inside the parentheses that open at {@code open} (exclusive), or an empty list. */
    public static List<String> group(List<String> tokens, int open) {
        if (open < 0 || open >= tokens.size() || !tokens.get(open).equals("(")) {
            return List.of();
        }
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).equals("(")) {
                depth++;
            } else if (tokens.get(i).equals(")") && --depth == 0) {
                return tokens.subList(open + 1, i);
            }
        }
        return tokens.subList(open + 1, tokens.size());
    }

    /** Tokens joined back with single spaces, punctuation kept tight: for messages and rewritten SQL. */
    public static String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        String prev = null;
        for (String t : tokens) {
            boolean tight = prev == null || t.equals(",") || t.equals(")") || t.equals(".") || prev.equals("(")
                    || prev.equals(".") || (t.equals("(") && !prev.equals(",") && Character.isLetterOrDigit(prev.charAt(prev.length() - 1)))
                    || (t.equals("(") && (prev.endsWith("\"") || prev.endsWith("`"))) || t.equals(":") || prev.equals(":") || t.equals("[") || t.equals("]") || prev.equals("[");
            if (!tight) {
                sb.append(' ');
            }
            sb.append(t);
            prev = t;
        }
        return sb.toString();
    }
}
