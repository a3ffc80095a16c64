package dev.godwit.engine.migrate;

/** Where one migration stands, comparing the folder with the history table. */
public enum MigrationState {
    /** Applied, and the file still has the checksum that was applied. */
    APPLIED("applied"),
    /** In the folder, never attempted. */
    PENDING("pending"),
    /** In the folder, attempted, every attempt rolled back: pending again. */
    ROLLED_BACK("rolled back"),
    /** Pending, but older than the newest applied migration: it arrived late (a merged branch). */
    OUT_OF_ORDER("out of order"),
    /** An attempt neither finished nor was rolled back: it blocks apply until resolved. */
    FAILED("failed"),
    /**
     * An attempt that has not finished, recorded no error, and started while a live session holds the
     * migration lock: an apply is running it now. Not failed, nothing to resolve.
     */
    RUNNING("running"),
    /** Applied, but the file changed afterwards. */
    EDITED("edited after apply"),
    /** Recorded in the database, with no folder here. */
    MISSING_LOCALLY("missing locally");

    private final String label;

    MigrationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Will {@code apply} run it? */
    public boolean isPending() {
        return this == PENDING || this == ROLLED_BACK || this == OUT_OF_ORDER;
    }
}
