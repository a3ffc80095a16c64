package dev.godwit.shell.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Splits one script line into words the way a POSIX shell would for simple cases: blanks separate words,
 * {@code '…'} keeps its text as it is, {@code "…"} keeps blanks and expands variables, and {@code $NAME} or
 * {@code ${NAME}} outside single quotes is the variable's value. A {@code #} at the start of a word begins a
 * comment.
 */
final class ScriptWords {
    private ScriptWords() {
    }

    static List<String> split(String line, Map<String, String> vars) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i++;
                continue;
            }
            if (c == '#' && word == null) {
                break;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' in: " + line);
                }
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated \" in: " + line);
                }
                word.append(expand(line.substring(i + 1, end), vars));
                i = end + 1;
            } else {
                int end = i;
                while (end < line.length() && " \t'\"".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                word.append(expand(line.substring(i, end), vars));
                i = end;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code $NAME} and {@code ${NAME}} replaced by their values; an unknown variable is an error, not an empty string. */
    static String expand(String s, Map<String, String> vars) {
        return expand(s, name -> {
            String v = vars.get(name);
            if (v == null) {
                throw new IllegalArgumentException("unknown variable $" + name + " (known: " + String.join(", ", vars.keySet()) + ")");
            }
            return v;
        });
    }

    private static String expand(String s, UnaryOperator<String> value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            int start = i + 1;
            boolean braced = s.charAt(start) == '{';
            int end = braced ? s.indexOf('}', start) : start;
            if (braced && end < 0) {
                throw new IllegalArgumentException("unterminated ${ in: " + s);
            }
            if (!braced) {
                while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                    end++;
                }
            }
            String name = s.substring(braced ? start + 1 : start, end);
            if (name.isEmpty()) {
                out.append(c);
                i++;
                continue;
            }
            out.append(value.apply(name));
            i = braced ? end + 1 : end;
        }
        return out.toString();
    }
}
