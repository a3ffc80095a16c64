package dev.godwit.engine.psl;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prisma's default constraint and index names, from database (mapped) names: {@code T_pkey},
 * {@code T_a_b_key}, {@code T_a_b_idx}, {@code T_a_b_fkey}. A name longer than the database's
 * identifier limit (63 bytes on PostgreSQL, 64 on MySQL) has its stem cut, never its suffix.
 */
public final class ConstraintNames {
    private final int limit;

    public ConstraintNames(int limit) {
        this.limit = limit;
    }

    public String primaryKey(String table) {
        return cut(table, limit - 5) + "_pkey";
    }

    public String unique(String table, List<String> columns) {
        return withSuffix(table, columns, "_key");
    }

    public String index(String table, List<String> columns) {
        return withSuffix(table, columns, "_idx");
    }

    String foreignKey(String table, List<String> columns) {
        return withSuffix(table, columns, "_fkey");
    }

    /** {@code stem + suffix}, the stem cut to fit (implicit many-to-many tables: {@code _X_AB_pkey}, {@code _X_B_index}). */
    String suffixed(String stem, String suffix) {
        return cut(stem, limit - suffix.length()) + suffix;
    }

    private String withSuffix(String table, List<String> columns, String suffix) {
        return cut(table + "_" + String.join("_", columns), limit - suffix.length()) + suffix;
    }

    /** The first {@code max} bytes (UTF-8) of s, not splitting a character, when s has at least that many. */
    static String cut(String s, int max) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return s;
        }
        int end = max;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
