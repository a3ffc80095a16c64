package dev.godwit.shell.session;

import java.util.Set;

/**
 * Text on its way to a terminal, made harmless: a migration name, a log, a query result or an error
 * message from the database may hold escape sequences that would move the cursor, retitle the window,
 * hide text or rewrite what was printed before. Every control character (C0 but line feed and tab,
 * DEL, C1) and every bidirectional override is shown as a visible escape ({@code \}{@code u001b}, {@code \}{@code u202e}),
 * with or without colours. Only godwit's own colour codes pass, and only when colours are on:
 * {@link Out#style} marks each with {@link #OWN}, which no text from elsewhere carries, and the mark
 * is dropped on the way out. Linear in the length of the text.
 */
public final class TerminalText {
    /** A private-use character that {@link Out#style} puts before each of its escape sequences. */
    static final char OWN = '\uE000';
    private static final Set<String> OWN_STYLES = Set.of("0", "1", "2", "31", "32", "33", "35", "36", "1;31");

    private TerminalText() {
    }

    /** For lines that may span several lines: line feeds and tabs stay; a CR before a LF is dropped. */
    public static String safe(String s, boolean keepOwnColours) {
        if (s == null || isPlain(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                sb.append(c);
            } else if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                continue;
            } else if (c == OWN) {
                int end = keepOwnColours ? ownStyleEnd(s, i + 1) : -1;
                if (end > 0) {
                    sb.append(s, i + 1, end);
                    i = end - 1;
                }
            } else if (needsEscape(c)) {
                escape(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** For one line of a screen: line breaks and tabs are shown as {@code \n}, {@code \t} too. */
    public static String oneLine(String s) {
        if (s == null || isPlain(s) && s.indexOf('\n') < 0 && s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (needsEscape(c)) {
                escape(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // printable ASCII first: nearly every character of printed SQL, one comparison pair each
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            if (c != '\n' && c != '\t' && needsEscape(c) || c == OWN) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** As {@code \}{@code u001b}: visible, and still a valid escape where the text is inside a JSON string. */
    private static void escape(StringBuilder sb, char c) {
        sb.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit((c >> shift) & 0xF, 16));
        }
    }

    /** The end of one of godwit's own SGR sequences starting at {@code i} ({@code ESC [ 1;31 m}), or -1. */
    private static int ownStyleEnd(String s, int i) {
        if (i + 2 >= s.length() || s.charAt(i) != 0x1B || s.charAt(i + 1) != '[') {
            return -1;
        }
        int m = s.indexOf('m', i + 2);
        if (m < 0 || m - i > 8) {
            return -1;
        }
        return OWN_STYLES.contains(s.substring(i + 2, m)) ? m + 1 : -1;
    }
}
