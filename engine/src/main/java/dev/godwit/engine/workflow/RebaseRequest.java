package dev.godwit.engine.workflow;

import java.time.Instant;

/** The migration folder to move to the end of the history; {@code now} is the earliest timestamp it may get. */
public record RebaseRequest(String migration, Instant now) {
    /** {@code migration} moved after the newest migration, dated no earlier than now. */
    public static RebaseRequest of(String migration) {
        return new RebaseRequest(migration, Instant.now());
    }
}
