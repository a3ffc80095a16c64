package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;

/** How a baseline ended. A front end handles each: says so, explains the stop, asks, or reports what was written. */
public sealed interface BaselineOutcome {
    /** The database holds nothing godwit manages, so there is nothing to adopt; {@code hint} says what to do instead. */
    record NoChanges(String reason, String hint) implements BaselineOutcome {
    }

    /**
     * The baseline must not go on: the project or the database already has a history, or the draft's SQL does
     * not build the schema on an empty database. {@code kind}: whether the request was wrong ({@code USAGE}) or
     * the database needs something first ({@code ACTION_NEEDED}). Nothing was written.
     */
    record Blocked(ErrorKind kind, String reason, String hint) implements BaselineOutcome {
    }

    /** Recording needs a yes. {@code asked}: false when nobody could answer, true when the answer was no. Nothing was written. */
    record NeedsConsent(String question, boolean asked) implements BaselineOutcome {
    }

    /** The draft, and whether it was recorded as applied (false: only written, or not yet written at all). */
    record Ready(BaselineWorkflow.Draft draft, boolean recorded) implements BaselineOutcome {
    }
}
