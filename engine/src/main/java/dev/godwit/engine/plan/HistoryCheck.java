package dev.godwit.engine.plan;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.StatusReport;

import java.util.ArrayList;
import java.util.List;

/** Whether the history is sound enough to build on: no failed, edited or locally missing migration. */
public final class HistoryCheck {
    private HistoryCheck() {
    }

    public static List<String> problems(StatusReport report) {
        List<String> out = new ArrayList<>();
        for (MigrationStatus s : report.migrations()) {
            if (s.state() == MigrationState.FAILED) {
                String error = s.failedAttempt().map(HistoryRecord::logs).filter(l -> l != null && !l.isBlank())
                        .map(l -> ": " + l.strip().lines().findFirst().orElse("")).orElse("");
                out.add("migration " + s.name() + " failed" + error);
            } else if (s.state() == MigrationState.EDITED) {
                out.add("migration " + s.name() + " was edited after it was applied (its checksum no longer matches the history)");
            } else if (s.state() == MigrationState.MISSING_LOCALLY) {
                out.add("migration " + s.name() + " is recorded in the database but missing from the migrations folder");
            }
        }
        return out;
    }

    /** Throws when there is a problem, naming every one and what to do. */
    public static void require(StatusReport report, String action) {
        List<String> problems = problems(report);
        if (!problems.isEmpty()) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "cannot " + action + ": the migration history has a problem:\n  - "
                    + String.join("\n  - ", problems),
                    "fix the history first: " + report.migrations().stream().filter(s -> s.state() == MigrationState.FAILED).findFirst()
                            .map(s -> "`godwit resolve --rolled-back " + s.name() + "` after repairing that failed migration, ")
                            .orElse("") + "restore an edited or missing migration from version control, or `godwit reset` a development database");
        }
    }
}
