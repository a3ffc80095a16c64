package dev.godwit.engine.workflow;

import java.time.Duration;
import java.time.Instant;

/**
 * What a baseline is asked to do: {@code name} is the migration's slug, {@code createOnly} writes the file
 * without recording it (to be edited first), {@code lockTimeout} bounds the wait for the migration lock, and
 * {@code now} dates the folder.
 */
public record BaselineRequest(String name, boolean createOnly, Duration lockTimeout, Instant now) {
    /** A baseline named {@code name}, recorded as applied, dated now, waiting up to ten seconds for the lock. */
    public static BaselineRequest named(String name) {
        return new BaselineRequest(name, false, Duration.ofSeconds(10), Instant.now());
    }
}
