package dev.godwit.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch script into commands (separated by ';' or newlines) and each
 * command into words, honouring single and double quotes and backslash escapes.
 * '#' starts a comment outside quotes.
 */
public final class CommandSplitter {
    private CommandSplitter() {
    }

    public static List<List<String>> split(String script) {
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
                if (!words.isEmpty()) {
                    commands.add(words);
                    words = new ArrayList<>();
                }
            } else if (Character.isWhitespace(ch)) {
                inWord = flush(words, word, inWord);
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

    private static boolean flush(List<String> words, StringBuilder word, boolean inWord) {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
        }
        return false;
    }
}
