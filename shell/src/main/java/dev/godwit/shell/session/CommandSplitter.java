package dev.godwit.shell.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch script into commands (separated by ';' or newlines) and each
 * command into words, honouring single and double quotes and backslash escapes.
 * '#' starts a comment outside quotes.
 *
 * <p>{@code sql} is different: after its options, the rest up to the ';' that ends the
 * statement (found by the SQL lexer, so quotes, dollar-quoted bodies and comments may hold
 * ';' and newlines) is one word, kept exactly as written.
 */
public final class CommandSplitter {
    private CommandSplitter() {
    }

    public static List<List<String>> split(String script) {
        return split(script, dev.godwit.engine.Provider.ASSUMED);
    }

    /** Splits with the SQL rules of {@code provider} for the statements of {@code sql} commands. */
    public static List<List<String>> split(String script, dev.godwit.engine.Provider provider) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char ch = script.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else if (ch == '\\' && quote == '"' && i + 1 < script.length()) {
                    word.append(script.charAt(++i));
                } else {
                    word.append(ch);
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (ch == '\\' && i + 1 < script.length()) {
                word.append(script.charAt(++i));
                inWord = true;
            } else if (ch == '#' && !inWord) {
                while (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (ch == ';' || ch == '\n' || ch == '\r') {
                inWord = flush(words, word, inWord);
                if (ch != ';' && words.size() == 1 && words.get(0).equals("sql")) {
                    i = sqlRest(script, i + 1, words, provider);
                }
                if (!words.isEmpty()) {
                    commands.add(words);
                    words = new ArrayList<>();
                }
            } else if (Character.isWhitespace(ch)) {
                inWord = flush(words, word, inWord);
                if (words.size() == 1 && words.get(0).equals("sql")) {
                    i = sqlRest(script, i, words, provider);
                    commands.add(words);
                    words = new ArrayList<>();
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        flush(words, word, inWord);
        if (!words.isEmpty()) {
            commands.add(words);
        }
        return commands;
    }

    private static final java.util.Set<String> SQL_VALUE_OPTIONS = java.util.Set.of("--env", "-e", "--url", "--project");

    /** Reads sql's options and its statement from {@code i}; returns the index of the last character used. */
    private static int sqlRest(String script, int i, List<String> words, dev.godwit.engine.Provider provider) {
        int p = sqlOptions(script, i, words);
        int end = dev.godwit.engine.migrate.sql.SqlSplitter.statementEnd(script, p, provider);
        String statement = (end < 0 ? script.substring(p) : script.substring(p, end - 1)).strip();
        if (!statement.isEmpty()) {
            words.add(statement);
        }
        return end < 0 ? script.length() : end - 1;
    }

    /**
     * Where the SQL of an {@code sql} command starts: after the options that follow the
     * command word (which ends just before {@code from}). The options go to {@code words} when not null.
     */
    public static int sqlOptions(String script, int from, List<String> words) {
        int n = script.length();
        int p = from;
        boolean takesValue = false;
        while (true) {
            while (p < n && (script.charAt(p) == ' ' || script.charAt(p) == '\t')) {
                p++;
            }
            int e = p;
            while (e < n && !Character.isWhitespace(script.charAt(e)) && script.charAt(e) != ';') {
                e++;
            }
            String w = script.substring(p, e);
            boolean option = w.length() >= 2 && w.charAt(0) == '-' && (Character.isLetter(w.charAt(1))
                    || (w.charAt(1) == '-' && w.length() > 2 && Character.isLetter(w.charAt(2))));
            if (!takesValue && !option) {
                return p;
            }
            if (words != null) {
                words.add(w);
            }
            takesValue = !takesValue && SQL_VALUE_OPTIONS.contains(w);
            p = e;
        }
    }

    private static boolean flush(List<String> words, StringBuilder word, boolean inWord) {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
        }
        return false;
    }
}
