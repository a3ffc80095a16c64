package dev.godwit.engine.workflow;

import java.util.List;

/** How a rebase ended. A rebase never asks: renaming a folder no database has applied loses nothing. */
public sealed interface RebaseOutcome {
    /** Nothing this database holds sorts after the migration: it is already at the end. */
    record NoChanges(String migration) implements RebaseOutcome {
    }

    /**
     * The migration must not be renamed: it is not in the folder, this database has a record of it (a new name
     * would no longer match that record), or a folder to move has no timestamp to replace. Nothing was renamed.
     */
    record Blocked(String reason, String hint) implements RebaseOutcome {
    }

    /** The folders renamed, the requested one first; more than one when unapplied migrations after it moved with it. */
    record Ready(List<RebaseWorkflow.Renamed> renamed) implements RebaseOutcome {
        public Ready {
            renamed = List.copyOf(renamed);
        }
    }
}
