package dev.godwit.engine.lint;

import java.util.Locale;

/**
 * What the live database says about a table: its total size on disk (with indexes and TOAST) and the
 * planner's row estimate. {@code rows} is -1 when the server has no estimate yet (never analysed).
 */
public record TableSize(long bytes, long rows) {
    /** A table that the migration itself creates: empty when the statement runs. */
    public static final TableSize NEW = new TableSize(0, 0);

    public boolean knownEmpty() {
        return rows == 0;
    }

    /** "1.2 GB, ~12 M rows", "8 kB, empty", "48 MB, rows not estimated yet". */
    public String describe() {
        if (this == NEW) {
            return "created by this migration, empty";
        }
        String size = bytes(bytes);
        if (rows < 0) {
            return size + ", rows not estimated yet";
        }
        return rows == 0 ? size + ", empty" : size + ", ~" + count(rows) + " rows";
    }

    static String bytes(long b) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " B" : String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    static String count(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f k", n / 1e3);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, n < 10_000_000 ? "%.1f M" : "%.0f M", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f G", n / 1e9);
    }
}
