package dev.godwit.engine.workflow;

import dev.godwit.engine.plan.Plan;

/**
 * What a workflow tells while it runs. The engine never writes to a terminal: the shell prints these
 * (steps on stdout, notes and warnings on stderr); a Java program may log them or drop them.
 */
public interface Listener {
    /** Something done, as it is done ("Wrote …", "Applied …"). */
    default void step(String line) {
    }

    /** Something worth knowing that changes nothing ("their schema comes from the cache"). */
    default void note(String message) {
    }

    /** Something that may be wrong, and the run goes on. */
    default void warn(String message) {
    }

    /** A phase has ended (for timing). */
    default void phase(String name) {
    }

    /** A plan is ready to be judged, before anything about it is asked: a front end shows what it knows of it (lint). */
    default void planned(String label, Plan plan) {
    }

    /** Tells nothing. */
    Listener QUIET = new Listener() {
    };
}
