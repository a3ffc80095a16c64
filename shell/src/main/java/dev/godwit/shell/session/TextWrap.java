package dev.godwit.shell.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines broken at spaces to fit a terminal's width, instead of the terminal cutting them wherever the
 * last column falls (mid-word). Continuation lines are indented two more than the line's own indent, so
 * a wrapped line still reads as one item of a list; an SQL comment ({@code -- …}) goes on as a comment. A
 * command in backticks is one word: a hint stays one line that can be copied and typed back. A word longer
 * than a whole line is left whole for the terminal to fold. Colour sequences ({@code ESC [ … m}) take no
 * columns. A run of spaces where a line breaks is dropped (it was alignment or a gap between words).
 */
public final class TextWrap {
    private TextWrap() {
    }

    /** {@code line} (no line feeds) as lines at most {@code width} columns, the first starting at {@code column}. */
    public static List<String> wrap(String line, int width, int column) {
        if (width <= 0 || column + visible(line) <= width) {
            return List.of(line);
        }
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        String indent = line.startsWith("-- ", lead) ? " ".repeat(lead) + "--   " : " ".repeat(hangingIndent(line, lead, width));
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder(line.substring(0, lead));
        int col = column + lead;
        boolean wordOnLine = false;
        int i = lead;
        while (i < line.length()) {
            int spaceEnd = i;
            while (spaceEnd < line.length() && line.charAt(spaceEnd) == ' ') {
                spaceEnd++;
            }
            int wordEnd = wordEnd(line, spaceEnd);
            String gap = line.substring(i, spaceEnd);
            String word = line.substring(spaceEnd, wordEnd);
            int need = visible(word);
            if (!wordOnLine || col + gap.length() + need <= width || word.isEmpty()) {
                cur.append(gap).append(word);
                col += gap.length() + need;
            } else {
                out.add(stripEnd(cur));
                cur = new StringBuilder(indent).append(word);
                col = indent.length() + need;
            }
            wordOnLine |= !word.isEmpty();
            i = wordEnd;
        }
        out.add(stripEnd(cur));
        return out;
    }

    /**
     * Where continuation lines start: under the second column of a two-column line ("  use     Switch to …", the
     * first word then a gap of two or more spaces) when that is in the left half; else two past the line's indent.
     */
    private static int hangingIndent(String line, int lead, int width) {
        int firstEnd = line.indexOf(' ', lead);
        if (firstEnd > lead && line.startsWith("  ", firstEnd)) {
            int second = firstEnd;
            while (second < line.length() && line.charAt(second) == ' ') {
                second++;
            }
            if (second < line.length() && second <= width / 2) {
                return second;
            }
        }
        return Math.min(lead + 2, width / 3);
    }

    /**
     * Where the word that starts at {@code from} ends: at a space, but not at one inside a pair of backticks, nor
     * between a number and its unit ("12 ms", "1 min").
     */
    private static int wordEnd(String line, int from) {
        int end = plainWordEnd(line, from);
        if (end > from && Character.isDigit(line.charAt(end - 1))) {
            java.util.regex.Matcher unit = UNIT.matcher(line).region(end, line.length());
            if (unit.lookingAt()) {
                end = plainWordEnd(line, end + 1);
            }
        }
        return end;
    }

    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile(" (ms|s|min)(?=$|[ .,;:)])");

    private static int plainWordEnd(String line, int from) {
        int end = from;
        while (end < line.length() && line.charAt(end) != ' ') {
            if (line.charAt(end) == '`') {
                int close = line.indexOf('`', end + 1);
                if (close > 0) {
                    end = close; // the quoted command, spaces and all
                }
            }
            end++;
        }
        return end;
    }

    /** Columns the text takes on a terminal: its characters without colour sequences. */
    static int visible(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x1B && i + 1 < s.length() && s.charAt(i + 1) == '[') {
                int m = i + 2;
                while (m < s.length() && (Character.isDigit(s.charAt(m)) || s.charAt(m) == ';')) {
                    m++;
                }
                if (m < s.length() && s.charAt(m) == 'm') {
                    i = m;
                    continue;
                }
            }
            if (!Character.isLowSurrogate(c)) {
                n++;
            }
        }
        return n;
    }

    private static String stripEnd(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }
}
