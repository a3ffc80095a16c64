package dev.godwit.shell.command;

import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.shell.render.DriftText;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.StatusJson;
import dev.godwit.shell.render.StatusText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every migration's state: applied, pending, failed, rolled back, edited after apply, missing locally, out of order.",
                "Exit code 0 only when everything is applied and nothing is wrong (and, with --drift, no drift); 3 otherwise."})
public final class StatusCommand extends SessionCommand {
    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Option(names = "--drift", description = "Also check for drift (replays the applied migrations into a shadow database).")
    boolean drift;

    @picocli.CommandLine.Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    protected int run(Session session) {
        if (fleet.active()) {
            return FleetRun.status(session, fleet.fleet, fleet.parallel, json);
        }
        StatusReport report = session.migrator().status(session.migrations());
        DriftReport driftReport = drift ? DriftCommand.check(session) : null;
        if (json) {
            session.out().println(driftReport == null ? StatusJson.render(report)
                    : StatusJson.render(report, Map.of("drift", DriftText.statusJson(driftReport))));
        } else {
            new StatusText(session.out()).render(report);
            if (session.interactive()) {
                LintNotes.summary(session, dev.godwit.engine.lint.MigrationLint.pending(report));
            }
            if (driftReport != null) {
                session.out().println("Drift: " + (driftReport.hasDrift() ? driftReport.summary() + " (run `godwit drift` for details)" : "none"));
                driftReport.leftByFailed().forEach((migration, changes) -> {
                    session.out().println("  left by the failed migration " + migration + ":");
                    dev.godwit.shell.render.ChangeText.lines(changes).forEach(l -> session.out().println("    " + l));
                });
            }
        }
        // a migration an apply is running now is nobody's action to take: not exit 3 while that is all there is
        boolean settled = report.upToDate() || report.applyInProgress();
        return settled && (driftReport == null || !driftReport.hasDrift()) ? 0 : 3;
    }
}
