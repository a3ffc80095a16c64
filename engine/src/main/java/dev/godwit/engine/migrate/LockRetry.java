package dev.godwit.engine.migrate;

import java.time.Duration;

/**
 * Lock-aware apply: each statement waits at most {@code perStatement} for its locks, and a statement that
 * times out is tried again up to {@code retries} times, after a backoff that doubles from {@code backoff}
 * (capped at 30 s). In a migration that runs as one transaction the whole transaction is tried again,
 * since the time-out rolled it back; statement by statement, only the statement that timed out.
 */
public record LockRetry(Duration perStatement, int retries, Duration backoff) {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public LockRetry {
        if (perStatement == null || perStatement.isNegative() || perStatement.isZero()) {
            throw new IllegalArgumentException("perStatement must be above zero");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more");
        }
    }

    public static LockRetry of(Duration perStatement, int retries) {
        return new LockRetry(perStatement, retries, Duration.ofMillis(500));
    }

    /** The wait before attempt {@code next} (2 for the first retry). */
    public Duration backoffBefore(int next) {
        Duration d = backoff.multipliedBy(1L << Math.min(20, Math.max(0, next - 2)));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
