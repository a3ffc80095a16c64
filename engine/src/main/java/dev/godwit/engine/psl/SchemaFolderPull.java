package dev.godwit.engine.psl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spreads a pulled schema over the files of a schema folder as Prisma 7's {@code db pull} does: a model or
 * enum goes back into the file it came from (matched by its database name, so {@code @@map} is followed),
 * one that the database no longer has leaves its file (a file may end up empty, as with Prisma), and new
 * ones go to {@code introspected.prisma} in the folder. With the {@code views} preview feature, pull writes
 * {@code view} blocks too, and they are placed the same way. Generator and datasource blocks, and blocks that
 * pull does not write ({@code type}, and {@code view} without that feature), stay where they are, as they are;
 * so do the {@code ///} comments above a model.
 */
public final class SchemaFolderPull {
    /** Where Prisma puts models and enums that no file of the folder has yet. */
    public static final String NEW_FILE = "introspected.prisma";

    private static final Pattern START = Pattern.compile("^(model|enum|view|type|generator|datasource)\\s+(\\w+)\\s*\\{");
    private static final Pattern MAP = Pattern.compile("^\\s*@@map\\(\\s*(?:name\\s*:\\s*)?\"([^\"]*)\"");

    private SchemaFolderPull() {
    }

    /** One top-level block with the comment lines right above it. */
    record Piece(String kind, String name, String key, String doc, String body) {
        String text() {
            return doc + body;
        }
    }

    /**
     * @param files  the folder's files as they are (path → text), in path order
     * @param pulled the pulled models and enums (no generator or datasource block)
     * @param folder the schema folder
     * @param views  whether the pulled text holds the database's views (the {@code views} preview feature): then
     *               the files' view blocks are replaced by them like models; otherwise they stay as they are
     * @return every file's new text (path → text), the new file last when there is one
     */
    public static Map<Path, String> spread(Map<Path, String> files, String pulled, Path folder, boolean views) {
        Map<String, Piece> fresh = new LinkedHashMap<>();
        for (Piece p : pieces(pulled, views)) {
            if (p.key() != null) {
                fresh.put(p.key(), p);
            }
        }
        Set<String> placed = new LinkedHashSet<>();
        Map<Path, String> out = new LinkedHashMap<>();
        Path newFile = folder.resolve(NEW_FILE);
        for (Map.Entry<Path, String> f : files.entrySet()) {
            List<String> blocks = new ArrayList<>();
            for (Piece old : pieces(f.getValue(), views)) {
                if (old.key() == null) {
                    blocks.add(old.text().strip());
                } else if (fresh.containsKey(old.key()) && placed.add(old.key())) {
                    blocks.add(withDoc(old, fresh.get(old.key())).strip());
                }
            }
            if (f.getKey().equals(newFile)) {
                fresh.forEach((key, p) -> {
                    if (placed.add(key)) {
                        blocks.add(p.text().strip());
                    }
                });
            }
            out.put(f.getKey(), blocks.isEmpty() ? "\n" : String.join("\n\n", blocks) + "\n");
        }
        List<String> rest = new ArrayList<>();
        fresh.forEach((key, p) -> {
            if (!placed.contains(key)) {
                rest.add(p.text().strip());
            }
        });
        if (!rest.isEmpty()) {
            out.put(newFile, String.join("\n\n", rest) + "\n");
        }
        return out;
    }

    /** The user's own {@code ///} lines above a model are kept above the pulled one (Prisma keeps them too). */
    private static String withDoc(Piece old, Piece fresh) {
        if (old.doc().isBlank()) {
            return fresh.text();
        }
        StringBuilder doc = new StringBuilder(old.doc());
        for (String line : fresh.doc().split("\n", -1)) {
            if (!line.isBlank() && !old.doc().contains(line)) {
                doc.append(line).append('\n');
            }
        }
        return doc + fresh.body();
    }

    /**
     * The top-level blocks of a schema text. A block starts at a line {@code model|enum|view|type|generator|datasource
     * Name {} and ends at the first line that starts with '}'; the comment lines right above belong to it. Text
     * outside blocks (loose comments) is kept as a piece without key, and so is every block pull does not write
     * ({@code view} blocks are written only when {@code views} is set).
     */
    static List<Piece> pieces(String text, boolean views) {
        List<Piece> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = START.matcher(line);
            if (!m.find()) {
                String t = line.strip();
                if (t.startsWith("//")) {
                    doc.append(line).append('\n');
                } else if (!t.isEmpty() && doc.length() > 0) {
                    doc.append(line).append('\n');
                } else if (t.isEmpty() && doc.length() > 0) {
                    out.add(new Piece("text", null, null, "", doc.toString()));
                    doc.setLength(0);
                } else if (!t.isEmpty()) {
                    out.add(new Piece("text", null, null, "", line + "\n"));
                }
                continue;
            }
            StringBuilder body = new StringBuilder(line).append('\n');
            String dbName = m.group(2);
            int depth = braces(line);
            while (depth > 0 && i + 1 < lines.length) {
                String l = lines[++i];
                body.append(l).append('\n');
                Matcher map = MAP.matcher(l);
                if (map.find()) {
                    dbName = map.group(1);
                }
                depth += braces(l);
            }
            String kind = m.group(1);
            boolean pulled = kind.equals("model") || kind.equals("enum") || (views && kind.equals("view"));
            String key = pulled ? kind + ":" + dbName : null;
            out.add(new Piece(kind, m.group(2), key, doc.toString(), body.toString()));
            doc.setLength(0);
        }
        if (doc.length() > 0) {
            out.add(new Piece("text", null, null, "", doc.toString()));
        }
        return out;
    }

    /** Opening minus closing braces outside strings and comments. */
    private static int braces(String line) {
        int n = 0;
        boolean inString = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '"' && (k == 0 || line.charAt(k - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && c == '/' && k + 1 < line.length() && line.charAt(k + 1) == '/') {
                break;
            } else if (!inString && c == '{') {
                n++;
            } else if (!inString && c == '}') {
                n--;
            }
        }
        return n;
    }
}
