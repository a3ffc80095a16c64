package dev.godwit.engine.workflow;

import dev.godwit.engine.drift.DriftAdoption;
import dev.godwit.engine.drift.DriftCheck;
import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.migrate.Migrator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Drift: the database compared with what its applied migrations describe ({@link #check}), and drift turned
 * into history ({@link #adopt}: written as a migration and recorded as applied). Adopting records something in
 * the history table, so the front end's guard (never on production, a yes or a flag) comes between the two.
 */
public final class DriftWorkflow {
    private final Workspace workspace;
    private final Listener listener;

    public DriftWorkflow(Workspace workspace, Listener listener) {
        this.workspace = workspace;
        this.listener = listener;
    }

    /** The drift report: the applied migrations replayed in a shadow database and compared with the live schema. */
    public DriftReport check() {
        return DriftCheck.run(workspace.target(), workspace.url(), workspace.shadowUrl(), workspace.migrations(listener));
    }

    /** Writes the report's drift as migration {@code name} and marks it applied; returns its folder. */
    public String adopt(DriftReport report, String name, Duration lockTimeout) {
        return adopt(report, name, Instant.now(), lockTimeout);
    }

    /** As {@link #adopt(DriftReport, String, Duration)}, the folder named for {@code at} (the time a front end showed the name at). */
    public String adopt(DriftReport report, String name, Instant at, Duration lockTimeout) {
        Path dir = workspace.project().migrationsDir();
        String written = DriftAdoption.adopt(new Migrator(workspace.target()), dir, workspace.url().provider(), name, report.adoptScript(),
                at, lockTimeout);
        listener.step("Wrote " + dir.resolve(written).resolve("migration.sql") + " and marked " + written + " as applied.");
        if (!report.unmanaged().isEmpty()) {
            listener.warn("the migration leaves out " + report.unmanaged().size() + " object(s) godwit does not model, which still differ "
                    + "from the history: " + String.join(", ", report.unmanaged().stream().map(u -> u.kind() + " " + u.name()).toList())
                    + "; add their SQL to it by hand");
        }
        return written;
    }
}
