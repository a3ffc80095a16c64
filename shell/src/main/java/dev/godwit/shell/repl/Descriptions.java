package dev.godwit.shell.repl;

/** A command's or option's description as one short line for a list: picocli's markup gone, the first sentence kept. */
public final class Descriptions {
    private Descriptions() {
    }

    public static String summary(String[] lines) {
        if (lines == null || lines.length == 0) {
            return "";
        }
        String text = String.join(" ", lines).replace("%n", " ").replaceAll("@\\|\\w+(,\\w+)* ([^|]*)\\|@", "$2")
                .replaceAll("\\s+", " ").strip();
        int end = sentenceEnd(text);
        String first = end > 0 ? text.substring(0, end) : text;
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    /** The end of the first sentence: a '.' followed by a space, outside parentheses and backquotes. */
    private static int sentenceEnd(String text) {
        int depth = 0;
        boolean code = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                code = !code;
            } else if (!code && c == '(') {
                depth++;
            } else if (!code && c == ')' && depth > 0) {
                depth--;
            } else if (!code && depth == 0 && c == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i + 1;
            }
        }
        return -1;
    }
}
