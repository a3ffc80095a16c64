package dev.godwit.engine.migrate;

import java.time.Duration;
import java.time.Instant;

/** One row of {@code _prisma_migrations}: one attempt at one migration. */
public record HistoryRecord(
        String id,
        String checksum,
        Instant finishedAt,
        String migrationName,
        String logs,
        Instant rolledBackAt,
        Instant startedAt,
        int appliedStepsCount) {

    /** Finished and not rolled back. */
    public boolean isApplied() {
        return finishedAt != null && rolledBackAt == null;
    }

    /** Neither finished nor rolled back: it blocks further applies until resolved. */
    public boolean isFailed() {
        return finishedAt == null && rolledBackAt == null;
    }

    public boolean isRolledBack() {
        return rolledBackAt != null;
    }

    /** finished_at - started_at, when both are known. */
    public Duration duration() {
        if (finishedAt == null || startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt);
    }
}
