package dev.godwit.engine.migrate;

import java.time.Duration;
import java.util.List;

/** What an apply did (or, for a dry run, would do). */
public record ApplyResult(boolean dryRun, boolean createdHistoryTable, List<Applied> applied, List<PlannedMigration> planned,
                          List<String> warnings) {

    public record Applied(String name, ExecutionMode mode, int statements, Duration took) {
    }
}
