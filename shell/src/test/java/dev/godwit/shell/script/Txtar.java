package dev.godwit.shell.script;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A txtar archive, Go's format for test data (golang.org/x/tools/txtar): a comment, then files, each
 * introduced by a line {@code -- NAME --}; a file runs to the next such line or to the end. Every file's
 * text ends with a line break. Here the comment is the scenario's script.
 */
record Txtar(String comment, int commentLines, List<File> files) {

    /** One file of the archive; {@code line}: where its header is, for messages. */
    record File(String name, String text, int line) {
    }

    private static final Pattern HEADER = Pattern.compile("^-- (\\S.*?) --$");

    static Txtar parse(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder comment = new StringBuilder();
        List<File> files = new ArrayList<>();
        String name = null;
        int nameLine = 0;
        StringBuilder body = null;
        int commentLines = 0;
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--; // the text's own final line break
        }
        for (int i = 0; i < n; i++) {
            Matcher m = HEADER.matcher(lines[i]);
            if (m.matches()) {
                if (name != null) {
                    files.add(new File(name, body.toString(), nameLine));
                }
                name = m.group(1).strip();
                nameLine = i + 1;
                body = new StringBuilder();
            } else if (name == null) {
                comment.append(lines[i]).append('\n');
                commentLines++;
            } else {
                body.append(lines[i]).append('\n');
            }
        }
        if (name != null) {
            files.add(new File(name, body.toString(), nameLine));
        }
        return new Txtar(comment.toString(), commentLines, List.copyOf(files));
    }

    /** The file called {@code name}, or null. */
    File file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
