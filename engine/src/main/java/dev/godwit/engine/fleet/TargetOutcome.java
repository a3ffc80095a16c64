package dev.godwit.engine.fleet;

import java.time.Duration;
import java.util.List;

/**
 * What a fleet command found or did on one target.
 *
 * @param target  the target's name
 * @param state   where it stands
 * @param applied migrations applied by this run
 * @param pending migrations still pending (status), or not reached (a failed apply)
 * @param failed  migrations with an unresolved failure
 * @param error   the error, one line, when it failed
 * @param took    time spent on it
 * @param notes   what was done besides applying (a resumed target readied after a killed run), one line each
 */
public record TargetOutcome(String target, State state, List<String> applied, int pending, int failed, String error, Duration took,
                            List<String> notes) {

    public TargetOutcome(String target, State state, List<String> applied, int pending, int failed, String error, Duration took) {
        this(target, state, applied, pending, failed, error, took, List.of());
    }

    public enum State {
        /** Nothing to do: every migration applied. */
        UP_TO_DATE("up to date"),
        /** This run applied its pending migrations. */
        APPLIED("applied"),
        /** Migrations are pending (status only). */
        PENDING("pending"),
        /** The schema differs from what its applied migrations give (drift only). */
        DRIFTED("drifted"),
        /** A migration failed, the connection failed, or the target refused (unresolved failure, drift of history). */
        FAILED("failed"),
        /** Not started: the canaries or too many targets failed, or the run was stopped. */
        SKIPPED("skipped"),
        /** Up to date in an earlier run of which this one is the resumption: not contacted. */
        DONE_EARLIER("done earlier");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the target is where the run wants it. */
        public boolean ok() {
            return this == UP_TO_DATE || this == APPLIED || this == DONE_EARLIER;
        }
    }

    public TargetOutcome {
        applied = List.copyOf(applied);
        notes = List.copyOf(notes);
    }

    /** The same outcome with {@code more} notes in front of its own. */
    TargetOutcome withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(more);
        all.addAll(notes);
        return new TargetOutcome(target, state, applied, pending, failed, error, took, all);
    }

    static TargetOutcome skipped(String target) {
        return new TargetOutcome(target, State.SKIPPED, List.of(), 0, 0, null, Duration.ZERO);
    }
}
