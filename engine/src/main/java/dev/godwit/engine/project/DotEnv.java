package dev.godwit.engine.project;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code .env} files the way Prisma's dotenv does.
 *
 * <ul>
 *   <li>{@code KEY=value} and {@code export KEY=value}; blank lines and {@code #} comment lines are skipped;
 *       lines that are not assignments are ignored;</li>
 *   <li>single-quoted values are literal; double-quoted values understand {@code \n \r \t \" \\ \$} and may
 *       span lines; both may be followed by a comment;</li>
 *   <li>unquoted values end at the line's end, lose a trailing {@code " #comment"} and surrounding blanks;</li>
 *   <li>{@code ${VAR}} in unquoted and double-quoted values expands to a key defined earlier in the file,
 *       else to the outer environment (for {@link #read(Path)}: the process environment), else to "";</li>
 *   <li>a later definition of a key replaces an earlier one.</li>
 * </ul>
 */
public final class DotEnv {
    private DotEnv() {
    }

    /** The file's variables in file order, expanding {@code ${VAR}} from the process environment; a missing file gives an empty map. */
    public static Map<String, String> read(Path file) {
        return read(file, System.getenv());
    }

    /** As {@link #read(Path)}, expanding {@code ${VAR}} from {@code outer} instead of the process environment. */
    public static Map<String, String> read(Path file, Map<String, String> outer) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Collections.emptyMap();
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot read " + file + ": " + e.getMessage(), null, e);
        }
        return parse(text, outer);
    }

    /** Parses {@code .env} text; {@code outer} (may be null) supplies {@code ${VAR}} values not defined in the text. */
    public static Map<String, String> parse(String text, Map<String, String> outer) {
        return new Parser(text, outer == null ? Map.of() : outer).parse();
    }

    private static final class Parser {
        private final String s;
        private final Map<String, String> outer;
        private final Map<String, String> out = new LinkedHashMap<>();
        private int i;

        Parser(String text, Map<String, String> outer) {
            String t = text.replace("\r\n", "\n").replace('\r', '\n');
            this.s = t.startsWith("\uFEFF") ? t.substring(1) : t;
            this.outer = outer;
        }

        Map<String, String> parse() {
            while (i < s.length()) {
                line();
            }
            return Collections.unmodifiableMap(out);
        }

        private void line() {
            skipBlanks();
            if (s.startsWith("export", i) && i + 6 < s.length() && (s.charAt(i + 6) == ' ' || s.charAt(i + 6) == '\t')) {
                i += 6;
                skipBlanks();
            }
            int keyStart = i;
            while (i < s.length() && isKeyChar(s.charAt(i), i == keyStart)) {
                i++;
            }
            String key = s.substring(keyStart, i);
            skipBlanks();
            if (key.isEmpty() || i >= s.length() || s.charAt(i) != '=') {
                skipLine(); // comment, blank or not an assignment
                return;
            }
            i++; // '='
            skipBlanks();
            String value;
            char c = i < s.length() ? s.charAt(i) : '\n';
            if (c == '\'' && s.indexOf('\'', i + 1) >= 0) {
                int end = s.indexOf('\'', i + 1);
                value = s.substring(i + 1, end);
                i = end + 1;
                skipLine();
            } else if (c == '"' && closingDoubleQuote(i + 1) >= 0) {
                int end = closingDoubleQuote(i + 1);
                value = expand(unescape(s.substring(i + 1, end)));
                i = end + 1;
                skipLine();
            } else {
                int eol = s.indexOf('\n', i);
                if (eol < 0) {
                    eol = s.length();
                }
                String v = s.substring(i, eol);
                i = eol + 1;
                int hash = commentStart(v);
                if (hash >= 0) {
                    v = v.substring(0, hash);
                }
                value = expand(v.strip());
            }
            out.put(key, value);
        }

        private int closingDoubleQuote(int from) {
            for (int j = from; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '\\') {
                    j++;
                } else if (c == '"') {
                    return j;
                }
            }
            return -1;
        }

        private static int commentStart(String v) {
            if (v.startsWith("#")) {
                return 0;
            }
            for (int j = 1; j < v.length(); j++) {
                if (v.charAt(j) == '#' && (v.charAt(j - 1) == ' ' || v.charAt(j - 1) == '\t')) {
                    return j;
                }
            }
            return -1;
        }

        private static String unescape(String v) {
            StringBuilder sb = new StringBuilder(v.length());
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                if (c == '\\' && j + 1 < v.length()) {
                    char n = v.charAt(++j);
                    switch (n) {
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case '"', '\\' -> sb.append(n);
                        case '$' -> sb.append('\0'); // protected from expansion, restored below
                        default -> sb.append('\\').append(n);
                    }
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        private String expand(String v) {
            StringBuilder sb = new StringBuilder(v.length());
            int j = 0;
            while (j < v.length()) {
                int open = v.indexOf("${", j);
                int close = open < 0 ? -1 : v.indexOf('}', open + 2);
                if (open < 0 || close < 0) {
                    sb.append(v, j, v.length());
                    break;
                }
                sb.append(v, j, open);
                String name = v.substring(open + 2, close);
                String val = out.containsKey(name) ? out.get(name) : outer.get(name);
                sb.append(val == null ? "" : val);
                j = close + 1;
            }
            return sb.toString().replace('\0', '$');
        }

        private static boolean isKeyChar(char c, boolean first) {
            return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
        }

        private void skipBlanks() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        private void skipLine() {
            int eol = s.indexOf('\n', i);
            i = eol < 0 ? s.length() : eol + 1;
        }
    }
}
