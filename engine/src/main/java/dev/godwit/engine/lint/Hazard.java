package dev.godwit.engine.lint;

/**
 * What a rule sees in one statement, before the live sizes are known.
 *
 * @param rule      the rule's name, e.g. {@code index-not-concurrent} (what an ignore names)
 * @param table     the table it locks or rewrites (unquoted), or null
 * @param other     a second table it locks (the referenced table of a foreign key), or null
 * @param lock      the lock taken, e.g. "ACCESS EXCLUSIVE" or "ALGORITHM=COPY, LOCK=SHARED"
 * @param blocks    what that lock blocks while it is held, e.g. "reads and writes"
 * @param rewrites  whether the table is rewritten (copied)
 * @param scans     whether the table is read through
 * @param message   what happens, without the size (the linter adds it)
 * @param safe      the safe form as SQL (with {@code --} comments for steps that are not SQL), or null
 * @param scale     how the severity is found: from the table's size, or fixed
 * @param fixed     the severity when not scaled by size; for scaled ones, the most it can reach
 */
public record Hazard(String rule, String table, String other, String lock, String blocks, boolean rewrites, boolean scans,
                     String message, String safe, Scale scale, LintSeverity fixed) {

    public enum Scale {
        /** Grows with the table: empty and small tables are INFO. */
        SIZE,
        /** The rows decide whether it works at all: an empty table INFO, a table with rows ERROR. */
        FAILS_WITH_ROWS,
        /** The same on any table (renames and drops that break running code, a transaction around CONCURRENTLY). */
        FIXED
    }

    public static Hazard sized(String rule, String table, String lock, String blocks, boolean rewrites, boolean scans,
                               String message, String safe) {
        return new Hazard(rule, table, null, lock, blocks, rewrites, scans, message, safe, Scale.SIZE, LintSeverity.ERROR);
    }

    public static Hazard fixed(String rule, LintSeverity severity, String table, String message, String safe) {
        return new Hazard(rule, table, null, null, null, false, false, message, safe, Scale.FIXED, severity);
    }

    public Hazard withOther(String otherTable) {
        return new Hazard(rule, table, otherTable, lock, blocks, rewrites, scans, message, safe, scale, fixed);
    }

    /** A size-scaled hazard that never goes past {@code cap} (an online build that blocks nothing). */
    public Hazard capped(LintSeverity cap) {
        return new Hazard(rule, table, other, lock, blocks, rewrites, scans, message, safe, scale, cap);
    }

    public Hazard failingWithRows() {
        return new Hazard(rule, table, other, lock, blocks, rewrites, scans, message, safe, Scale.FAILS_WITH_ROWS, LintSeverity.ERROR);
    }
}
