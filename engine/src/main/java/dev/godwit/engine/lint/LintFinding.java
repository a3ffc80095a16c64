package dev.godwit.engine.lint;

/**
 * One finding of the linter on one statement of a migration.
 *
 * @param statement 1-based index of the statement in the migration (0: the migration as a whole)
 * @param line      the statement's first line in the file
 * @param size      the table's live size and row estimate, null when not connected or unknown
 * @param ignoredBecause the reason given in an ignore, null when the finding stands
 */
public record LintFinding(String migration, int statement, int line, String rule, LintSeverity severity, String table,
                          TableSize size, String lock, String blocks, boolean rewrites, boolean scans, String message,
                          String safe, String ignoredBecause) {

    public boolean ignored() {
        return ignoredBecause != null;
    }

    public LintFinding ignore(String reason) {
        return new LintFinding(migration, statement, line, rule, severity, table, size, lock, blocks, rewrites, scans, message,
                safe, reason);
    }

    /** "statement 2 (line 5)" or "the migration". */
    public String where() {
        return statement == 0 ? "the migration" : "statement " + statement + " (line " + line + ")";
    }
}
