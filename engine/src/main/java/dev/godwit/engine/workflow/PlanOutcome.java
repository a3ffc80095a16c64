package dev.godwit.engine.workflow;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.Plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** How planning ended. A front end handles each: says so, explains the stop, asks, or goes on with the plan. */
public sealed interface PlanOutcome {
    /**
     * The schema already matches: nothing to write. {@code migrations} and {@code folder}: the history it matches
     * (0 and null when the plan was made against the live database, as push's is).
     */
    record NoChanges(int migrations, Path folder) implements PlanOutcome {
    }

    /**
     * The plan must not go on. {@code drift}: the database differs from what its (all applied) migrations
     * describe, so a migration planned on the history would not fit it; {@code unexecutable}: steps that fail
     * on the rows the database holds now.
     */
    record Blocked(List<Change> drift, List<Finding> unexecutable) implements PlanOutcome {
        public Blocked {
            drift = List.copyOf(drift);
            unexecutable = List.copyOf(unexecutable);
        }

        /** Every reason, in words. */
        public List<String> reasons() {
            return drift.isEmpty() ? unexecutable.stream().map(Finding::message).toList()
                    : List.of("the database has drifted from its migrations (" + drift.size() + " difference(s))");
        }
    }

    /**
     * Questions that need a yes before the workflow goes on. {@code asked}: false when nobody could answer
     * (batch runs, {@code --yes}), true when the answer was no. Nothing was written.
     */
    record NeedsConsent(List<String> questions, boolean asked) implements PlanOutcome {
        public NeedsConsent {
            questions = List.copyOf(questions);
        }
    }

    /** The plan, and the folder of the migration when the workflow wrote it. */
    record Ready(Plan plan, Optional<String> written) implements PlanOutcome {
    }
}
