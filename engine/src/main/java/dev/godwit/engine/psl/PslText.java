package dev.godwit.engine.psl;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The text pieces of introspected schema files: identifiers, string literals, aligned blocks. */
final class PslText {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private PslText() {
    }

    /** One field line of a block: name, type, attributes. */
    record Line(String name, String type, String attributes) {
    }

    /** A {@code model} or {@code view} block with its fields aligned in columns and its block attributes. */
    static String block(String keyword, String name, List<Line> lines, List<String> blockAttrs) {
        int w1 = lines.stream().mapToInt(l -> l.name().length()).max().orElse(0);
        int w2 = lines.stream().mapToInt(l -> l.type().length()).max().orElse(0);
        StringBuilder sb = new StringBuilder(keyword).append(' ').append(name).append(" {\n");
        for (Line l : lines) {
            String s = "  " + pad(l.name(), w1) + " " + (l.attributes().isEmpty() ? l.type() : pad(l.type(), w2) + " " + l.attributes());
            sb.append(s.stripTrailing()).append('\n');
        }
        if (!blockAttrs.isEmpty()) {
            sb.append('\n');
            blockAttrs.forEach(a -> sb.append("  ").append(a).append('\n'));
        }
        return sb.append("}\n").toString();
    }

    static String identifier(String name, String fallback) {
        if (IDENT.matcher(name).matches()) {
            return name;
        }
        String s = name.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^[^A-Za-z]+", "");
        return s.isEmpty() ? fallback : s;
    }

    static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + i;
        }
        return n;
    }

    /** A list field's name: English plural of the model's name for the common endings. */
    static String plural(String s) {
        if (s.matches(".*[^aeiouAEIOU]y")) {
            return s.substring(0, s.length() - 1) + "ies";
        }
        if (s.matches(".*(s|x|z|ch|sh)")) {
            return s + "es";
        }
        return s + "s";
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"";
    }
}
