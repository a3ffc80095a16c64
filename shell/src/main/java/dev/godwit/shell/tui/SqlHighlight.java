package dev.godwit.shell.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Simple SQL colouring for the detail pane: keywords, strings (quoted and dollar
 * quoted), comments, and the words that destroy data in red. It only has to look
 * right, not parse: the engine's splitter decides what a statement is.
 */
public final class SqlHighlight {
    private static final Set<String> DESTRUCTIVE = Set.of("DROP", "TRUNCATE", "DELETE");
    private static final Set<String> KEYWORDS = Set.of(
            "ADD", "ALTER", "AND", "AS", "ASC", "BEGIN", "BY", "CASCADE", "CASE", "CHECK", "COLUMN", "COMMIT",
            "CONCURRENTLY", "CONSTRAINT", "CREATE", "DEFAULT", "DESC", "DISTINCT", "ELSE", "END", "ENUM", "EXISTS",
            "EXTENSION", "FOREIGN", "FROM", "FUNCTION", "GRANT", "GROUP", "IF", "IN", "INDEX", "INSERT", "INTO", "IS",
            "JOIN", "KEY", "LIKE", "NOT", "NULL", "ON", "OR", "ORDER", "PRIMARY", "PROCEDURE", "REFERENCES", "RENAME",
            "REPLACE", "RESTRICT", "RETURNS", "REVOKE", "ROLLBACK", "SCHEMA", "SELECT", "SEQUENCE", "SET", "TABLE",
            "THEN", "TO", "TRIGGER", "TYPE", "UNIQUE", "UPDATE", "USING", "VALUE", "VALUES", "VIEW", "WHEN", "WHERE",
            "WITH", "MODIFY", "CHANGE", "AFTER", "FIRST", "ENGINE", "AUTO_INCREMENT", "DATA", "USE", "DO", "LANGUAGE");

    private SqlHighlight() {
    }

    /** The script as lines of spans; tabs become four spaces. */
    public static List<Line> lines(String sql) {
        List<Line> out = new ArrayList<>();
        Line.Builder line = new Line.Builder();
        StringBuilder run = new StringBuilder();
        Tone runTone = Tone.NORMAL;
        String s = sql.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ");
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int end;
            Tone tone;
            if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-' || c == '#') {
                end = indexOr(s, "\n", i, n);
                tone = Tone.COMMENT;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                tone = Tone.COMMENT;
            } else if (c == '\'') {
                end = quoted(s, i, '\'');
                tone = Tone.STRING;
            } else if (c == '$' && dollarTag(s, i) != null) {
                String tag = dollarTag(s, i);
                int close = s.indexOf(tag, i + tag.length());
                end = close < 0 ? n : close + tag.length();
                tone = Tone.STRING;
            } else if (c == '"' || c == '`') {
                end = quoted(s, i, c);
                tone = Tone.NORMAL;
            } else if (Character.isLetter(c) || c == '_') {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                    end++;
                }
                String word = s.substring(i, end).toUpperCase(Locale.ROOT);
                tone = DESTRUCTIVE.contains(word) ? Tone.DANGER : KEYWORDS.contains(word) ? Tone.KEYWORD : Tone.NORMAL;
            } else {
                end = i + 1;
                tone = Tone.NORMAL;
            }
            // Emit s[i, end) with tone, cutting at line breaks.
            for (int p = i; p < end; p++) {
                char ch = s.charAt(p);
                if (ch == '\n') {
                    line.add(run.toString(), runTone);
                    run.setLength(0);
                    out.add(line.build());
                    line = new Line.Builder();
                    continue;
                }
                if (tone != runTone) {
                    line.add(run.toString(), runTone);
                    run.setLength(0);
                    runTone = tone;
                }
                run.append(ch);
            }
            i = end;
        }
        line.add(run.toString(), runTone);
        Line last = line.build();
        if (!last.spans().isEmpty() || out.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    private static int indexOr(String s, String what, int from, int n) {
        int at = s.indexOf(what, from);
        return at < 0 ? n : at;
    }

    private static int quoted(String s, int start, char q) {
        int p = start + 1;
        while (p < s.length()) {
            if (s.charAt(p) == q) {
                if (p + 1 < s.length() && s.charAt(p + 1) == q) {
                    p += 2;
                    continue;
                }
                return p + 1;
            }
            p++;
        }
        return s.length();
    }

    /** {@code $$} or {@code $tag$} starting at i, else null. */
    private static String dollarTag(String s, int i) {
        int p = i + 1;
        while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) {
            p++;
        }
        if (p < s.length() && s.charAt(p) == '$' && (p == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return s.substring(i, p + 1);
        }
        return null;
    }
}
