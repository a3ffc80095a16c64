package dev.godwit.engine.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code datasource} block of a schema.prisma file, read by a small tolerant scanner (not a PSL parser):
 * it skips {@code //} comments and strings, finds the first {@code datasource NAME { ... }} and reads the
 * {@code provider}, {@code url}, {@code directUrl} and {@code shadowDatabaseUrl} assignments. Each URL setting is
 * either a string literal or {@code env("VAR")}; other values are ignored.
 *
 * @param name                 the block's name, e.g. "db"
 * @param provider             the provider string as written, or null
 * @param url                  the {@code url} setting, or null
 * @param directUrl            the {@code directUrl} setting (Prisma migrates through it when present), or null
 * @param shadowDatabaseUrl    the {@code shadowDatabaseUrl} setting, or null
 * @param schemas              the {@code schemas = ["a", "b"]} setting (several database schemas), or empty
 */
public record SchemaDatasource(String name, String provider, Value url, Value directUrl, Value shadowDatabaseUrl,
                               List<String> schemas) {

    /** A URL setting: exactly one of {@code literal} and {@code envVar} is non-null. */
    public record Value(String literal, String envVar) {
        public static Value literal(String s) {
            return new Value(s, null);
        }

        public static Value env(String var) {
            return new Value(null, var);
        }
    }

    /** The URL Prisma migrates with: {@code directUrl} when set, else {@code url}; or null. */
    public Value migrationUrl() {
        return directUrl != null ? directUrl : url;
    }

    /** Reads the first datasource block of schema text; empty when there is none. */
    public static Optional<SchemaDatasource> parse(String schemaText) {
        List<String> tokens = tokenize(schemaText);
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).equals("datasource") && isIdent(tokens.get(i + 1))) {
                int j = i + 2;
                while (j < tokens.size() && tokens.get(j).equals("\n")) {
                    j++;
                }
                if (j < tokens.size() && tokens.get(j).equals("{")) {
                    return Optional.of(block(tokens.get(i + 1), tokens, j + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static SchemaDatasource block(String name, List<String> t, int from) {
        Map<String, Value> values = new HashMap<>();
        String provider = null;
        List<String> schemas = List.of();
        int i = from;
        while (i < t.size() && !t.get(i).equals("}")) {
            if (isIdent(t.get(i)) && i + 1 < t.size() && t.get(i + 1).equals("=")) {
                String key = t.get(i);
                int end = i + 2;
                int depth = 0;
                while (end < t.size() && !(depth == 0 && (t.get(end).equals("\n") || t.get(end).equals("}")))) {
                    String tok = t.get(end);
                    if (tok.equals("(") || tok.equals("[")) {
                        depth++;
                    } else if (tok.equals(")") || tok.equals("]")) {
                        depth--;
                    }
                    end++;
                }
                List<String> v = t.subList(i + 2, end);
                Value value = value(v);
                if (key.equals("schemas")) {
                    schemas = v.stream().filter(SchemaDatasource::isString).map(SchemaDatasource::unquote).toList();
                }
                if (key.equals("provider") && value != null && value.literal() != null) {
                    provider = value.literal();
                } else if (value != null) {
                    values.put(key, value);
                }
                i = end;
            } else {
                i++;
            }
        }
        return new SchemaDatasource(name, provider, values.get("url"), values.get("directUrl"),
                values.get("shadowDatabaseUrl"), schemas);
    }

    private static Value value(List<String> v) {
        if (v.size() == 1 && isString(v.get(0))) {
            return Value.literal(unquote(v.get(0)));
        }
        if (v.size() == 4 && v.get(0).equals("env") && v.get(1).equals("(") && isString(v.get(2))
                && v.get(3).equals(")")) {
            return Value.env(unquote(v.get(2)));
        }
        return null;
    }

    private static boolean isIdent(String tok) {
        return !tok.isEmpty() && (Character.isLetter(tok.charAt(0)) || tok.charAt(0) == '_');
    }

    private static boolean isString(String tok) {
        return tok.length() >= 2 && tok.charAt(0) == '"';
    }

    private static String unquote(String tok) {
        String body = tok.substring(1, tok.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Identifiers, strings (with their quotes), single-character punctuation and "\n"; comments dropped. */
    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.add("\n");
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '"' && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j, n - 1);
                if (s.charAt(j) != '"') {
                    out.add(s.substring(i, j) + "\""); // unterminated: close it at the end of the line
                    i = j;
                } else {
                    out.add(s.substring(i, j + 1));
                    i = j + 1;
                }
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}
