package dev.godwit.engine.migrate;

import java.time.Duration;
import java.util.List;

/** Progress of an apply, for front ends to show; the engine itself never prints. */
public interface ApplyListener {
    ApplyListener NONE = new ApplyListener() {
    };

    /** The history table did not exist and was just created, before any migration runs. */
    default void createdHistoryTable() {
    }

    default void warning(String message) {
    }

    /** Called before a migration runs; {@code reasons} explain a statement-by-statement mode. */
    default void starting(LocalMigration migration, ExecutionMode mode, List<String> reasons) {
    }

    default void applied(LocalMigration migration, Duration took) {
    }

    /**
     * A statement gave up waiting for a lock ({@code attempt} of {@code attempts}): {@code blockers} held
     * locks on its table; {@code retryIn} is the backoff before the next attempt, or null when no attempt is left.
     * {@code wholeTransaction}: the migration's transaction was rolled back and runs again from its first statement.
     */
    default void lockTimedOut(LocalMigration migration, dev.godwit.engine.migrate.sql.SqlStatement statement, int attempt, int attempts,
                              List<dev.godwit.engine.dialect.Blocker> blockers, Duration retryIn, boolean wholeTransaction) {
    }

    /** Called when a migration fails, before the failure is thrown. */
    default void failed(LocalMigration migration, Duration took) {
    }

    /** Called when a migration's statement was cancelled (Ctrl-C, a stop signal), before that is thrown. */
    default void cancelled(LocalMigration migration, Duration took) {
        failed(migration, took);
    }
}
