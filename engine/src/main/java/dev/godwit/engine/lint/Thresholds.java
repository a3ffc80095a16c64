package dev.godwit.engine.lint;

/**
 * Where a size-scaled hazard turns from INFO to WARNING to ERROR: a table reaches a level when either its
 * row estimate or its size on disk does. Defaults: a warning from 10 k rows or 10 MB, an error from
 * 1 M rows or 1 GB; set in godwit.toml's {@code [lint]} table.
 */
public record Thresholds(long warnRows, long warnBytes, long errorRows, long errorBytes) {
    public static final Thresholds DEFAULT = new Thresholds(10_000, 10L << 20, 1_000_000, 1L << 30);

    /** The severity of a hazard that blocks the table for as long as it works on it; unknown size: WARNING. */
    public LintSeverity of(TableSize size) {
        if (size == null) {
            return LintSeverity.WARNING;
        }
        if (size.rows() >= errorRows || size.bytes() >= errorBytes) {
            return LintSeverity.ERROR;
        }
        if (size.rows() >= warnRows || size.bytes() >= warnBytes) {
            return LintSeverity.WARNING;
        }
        return LintSeverity.INFO;
    }
}
