package dev.godwit.engine.workflow;

import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.LockRetry;

import java.time.Duration;

/**
 * What dev does: apply the pending migrations, plan the next one as {@code plan} says, write it as
 * {@code name} (asked when null and someone can answer) and apply it.
 *
 * @param acceptDataLoss go ahead despite data-loss warnings without asking
 * @param lockTimeout    how long to wait for the migration lock
 * @param applying       told about each migration applied
 * @param lockRetry      how a statement that waits too long for a lock is retried (null: the default)
 */
public record DevRequest(PlanRequest plan, String name, boolean acceptDataLoss, Duration lockTimeout, ApplyListener applying,
                         LockRetry lockRetry) {
    /** The label of the new migration in questions and lint notes. */
    public String label() {
        return name == null ? "the new migration" : name;
    }
}
