package dev.godwit.engine.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Where a key of godwit.toml was written and which known key a misspelt one means. The TOML reader
 * keeps no positions, so the text is scanned again: table headers ({@code [env.prod]}) and the keys
 * under them ({@code production = true}); a key on no line of its own (an inline table) is found
 * by its table.
 */
final class ConfigKeys {
    private ConfigKeys() {
    }

    /**
     * The 1-based line of {@code key} in {@code table} (both as path segments: table "env","prod"; key
     * "Production"), or of the table header when {@code key} is null; 0 when it cannot be found.
     */
    static int lineOf(String text, List<String> table, String key) {
        List<String> wanted = new ArrayList<>(table);
        if (key != null) {
            wanted.add(key);
        }
        String[] lines = text.split("\n", -1);
        List<String> current = List.of();
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            List<String> path;
            if (line.startsWith("[")) {
                current = segments(line.replaceAll("^\\[+|]+$", "").strip());
                path = current;
            } else {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                path = new ArrayList<>(current);
                path.addAll(segments(line.substring(0, eq).strip()));
            }
            if (path.size() >= wanted.size() && path.subList(0, wanted.size()).equals(wanted)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** "did you mean "production"?" for a key near a known one (case, a letter or two), else "". */
    static String suggestion(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = dev.godwit.engine.EditDistance.between(key.toLowerCase(Locale.ROOT).replace('-', '_'), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
            return "did you mean \"" + best + "\"?";
        }
        return "";
    }

    private static List<String> segments(String dotted) {
        List<String> out = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            String p = part.strip();
            if (p.length() >= 2 && (p.startsWith("\"") && p.endsWith("\"") || p.startsWith("'") && p.endsWith("'"))) {
                p = p.substring(1, p.length() - 1);
            }
            out.add(p);
        }
        return out;
    }

    private static String stripComment(String line) {
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
