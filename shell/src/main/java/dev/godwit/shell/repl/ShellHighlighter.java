package dev.godwit.shell.repl;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Colours the line being typed: a known command in bold (an unknown one in red), options in
 * cyan, and after {@code sql} the SQL itself, with words that destroy data (DROP, TRUNCATE,
 * DELETE) on red so they cannot be missed.
 */
public final class ShellHighlighter implements Highlighter {
    static final AttributedStyle COMMAND = AttributedStyle.BOLD;
    static final AttributedStyle UNKNOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    static final AttributedStyle OPTION = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle DESTRUCTIVE = AttributedStyle.BOLD.foreground(AttributedStyle.WHITE).background(AttributedStyle.RED);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();

    private static final Set<String> DESTRUCTIVE_WORDS = Set.of("DROP", "TRUNCATE", "DELETE");
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUES", "UPDATE", "SET",
            "CREATE", "ALTER", "TABLE", "INDEX", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "ON", "AND", "OR", "NOT", "NULL",
            "GROUP", "BY", "ORDER", "LIMIT", "OFFSET", "AS", "DISTINCT", "HAVING", "UNION", "ALL", "IN", "IS", "LIKE", "EXPLAIN",
            "ANALYZE", "BEGIN", "COMMIT", "ROLLBACK", "WITH", "RETURNING", "CASCADE", "COLUMN", "ADD", "CONSTRAINT", "PRIMARY",
            "KEY", "FOREIGN", "REFERENCES", "DEFAULT", "UNIQUE", "CASE", "WHEN", "THEN", "ELSE", "END", "SHOW", "DESCRIBE");

    private final java.util.Collection<String> commands;
    private volatile boolean enabled = true;

    /** {@code commands}: the command names (plus exit and quit, always known). */
    public ShellHighlighter(java.util.Collection<String> commands) {
        java.util.Set<String> all = new java.util.TreeSet<>(commands);
        all.addAll(java.util.List.of("exit", "quit", "clear", "godwit"));
        this.commands = all;
    }

    /** Off while the user answers a question: an answer is not a command. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!enabled) {
            return new AttributedString(buffer);
        }
        AttributedStringBuilder sb = new AttributedStringBuilder();
        int n = buffer.length();
        int i = 0;
        while (i < n && Character.isWhitespace(buffer.charAt(i))) {
            sb.append(buffer.charAt(i++));
        }
        int e = i;
        while (e < n && !Character.isWhitespace(buffer.charAt(e)) && buffer.charAt(e) != ';') {
            e++;
        }
        String command = buffer.substring(i, e);
        if (!command.isEmpty()) {
            // psql's backslash commands and !CMD are the shell's own (see ShellInput)
            boolean known = commands.contains(command) || command.startsWith("\\") || command.startsWith("!");
            boolean typing = e == n && commands.stream().anyMatch(c -> c.startsWith(command));
            sb.styled(known ? COMMAND : typing ? AttributedStyle.DEFAULT : UNKNOWN, command);
        }
        if (command.equals("sql")) {
            sql(buffer, e, sb);
        } else {
            words(buffer, e, sb);
        }
        return sb.toAttributedString();
    }

    private static void words(String s, int from, AttributedStringBuilder sb) {
        int i = from;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                sb.append(c);
                i++;
                continue;
            }
            int e = i;
            while (e < n && !Character.isWhitespace(s.charAt(e))) {
                e++;
            }
            String w = s.substring(i, e);
            if (w.startsWith("-")) {
                sb.styled(OPTION, w);
            } else {
                sb.append(w);
            }
            i = e;
        }
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    static void sql(String s, int from, AttributedStringBuilder sb) {
        int i = from;
        int n = s.length();
        boolean options = true;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int e = i + 1;
                while (e < n && s.charAt(e) != c) {
                    e++;
                }
                e = Math.min(n, e + 1);
                sb.styled(c == '\'' ? STRING : AttributedStyle.DEFAULT, s.substring(i, e));
                i = e;
                options = false;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-' && (i + 2 >= n || !Character.isLetter(s.charAt(i + 2)) || !options)) {
                int e = s.indexOf('\n', i);
                e = e < 0 ? n : e;
                sb.styled(COMMENT, s.substring(i, e));
                i = e;
            } else if (options && c == '-') {
                int e = i;
                while (e < n && !Character.isWhitespace(s.charAt(e))) {
                    e++;
                }
                sb.styled(OPTION, s.substring(i, e));
                i = e;
            } else if (Character.isLetter(c) || c == '_') {
                var m = WORD.matcher(s).region(i, n);
                m.lookingAt();
                String w = m.group();
                String up = w.toUpperCase(java.util.Locale.ROOT);
                sb.styled(DESTRUCTIVE_WORDS.contains(up) ? DESTRUCTIVE : KEYWORDS.contains(up) ? KEYWORD : AttributedStyle.DEFAULT, w);
                i += w.length();
                options = false;
            } else {
                sb.append(c);
                i++;
            }
        }
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
