package dev.godwit.engine.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the comment block that opens a {@code down.sql} written by godwit
 * ({@code /*}, {@code   Warnings:}, {@code   - …} lines, the closing line): what the script
 * cannot restore, to be shown before anyone runs it.
 */
public final class DownWarnings {
    private DownWarnings() {
    }

    /** The "- " items of a leading Warnings block; empty when the script has none. */
    public static List<String> of(String sql) {
        String text = sql.stripLeading();
        if (!text.startsWith("/*")) {
            return List.of();
        }
        int end = text.indexOf("*/");
        if (end < 0) {
            return List.of();
        }
        String block = text.substring(2, end);
        if (!block.strip().startsWith("Warnings:")) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String line : block.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("- ")) {
                items.add(l.substring(2).strip());
            } else if (!l.isEmpty() && !l.equals("Warnings:") && !items.isEmpty()) {
                // a wrapped item continues on the next line
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + l);
            }
        }
        return items;
    }
}
