package dev.godwit.engine.migrate;

import java.util.List;
import java.util.Optional;

/**
 * One migration's state, with its local file (absent when missing locally)
 * and every attempt recorded for it, oldest first.
 */
public record MigrationStatus(String name, MigrationState state, Optional<LocalMigration> local, List<HistoryRecord> attempts) {

    public MigrationStatus {
        attempts = List.copyOf(attempts);
    }

    /** The attempt that decides the state: the applied one, else the failed one, else the latest. */
    public Optional<HistoryRecord> decisiveAttempt() {
        return attempts.stream().filter(HistoryRecord::isApplied).reduce((a, b) -> b)
                .or(() -> attempts.stream().filter(HistoryRecord::isFailed).reduce((a, b) -> b))
                .or(() -> attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1)));
    }

    /** The unresolved failed attempt, if any (also for a migration missing locally). */
    public Optional<HistoryRecord> failedAttempt() {
        return attempts.stream().filter(HistoryRecord::isFailed).reduce((a, b) -> b);
    }

    public boolean isApplied() {
        return attempts.stream().anyMatch(HistoryRecord::isApplied);
    }
}
