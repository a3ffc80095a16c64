package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.MigrationFolderName;
import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.workflow.DriftWorkflow;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.DriftText;
import dev.godwit.shell.render.Json;
import dev.godwit.shell.tui.DriftScreen;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare the database with what its applied migrations describe (replayed into a shadow database).",
                "Shows every difference by table, the SQL that undoes it and the SQL that records it as a migration.",
                "On a terminal the report opens full screen (--no-screen or --json print it).",
                "Exit code 0 when there is no drift, 3 when there is."})
public final class DriftCommand extends SessionCommand {
    @Option(names = "--adopt", paramLabel = "NAME", description = "Write the drift as migration <timestamp>_NAME and mark it applied.")
    String adopt;

    @Option(names = {"-y", "--yes"}, description = "Do not ask before --adopt (needed without a terminal).")
    boolean yes;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--no-screen", description = "Print the report as text even on a terminal (where it opens full screen).")
    boolean noScreen;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the migration lock (--adopt).")
    int lockTimeoutSeconds;

    @picocli.CommandLine.Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    protected int run(Session session) {
        if (fleet.active()) {
            if (adopt != null) {
                throw new dev.godwit.engine.GodwitException(dev.godwit.engine.ErrorKind.USAGE, "drift --fleet does not take --adopt",
                        "adopt on one target: `godwit --url URL drift --adopt NAME`");
            }
            return FleetRun.drift(session, fleet.fleet, fleet.parallel, json);
        }
        DriftReport report = check(session);
        if (adopt != null) {
            return adopt(session, report);
        }
        if (!json && !noScreen) {
            Optional<DriftReport> after = onScreen(session, report);
            if (after.isPresent()) {
                return after.get().hasDrift() ? 3 : 0;
            }
        }
        if (json) {
            session.out().println(Json.write(DriftText.json(report)));
        } else {
            new DriftText(session.out()).render(report);
        }
        return report.hasDrift() ? 3 : 0;
    }

    /** Opens the report full screen when there is a terminal; empty when there is none (batch, pipes). */
    private static Optional<DriftReport> onScreen(Session session, DriftReport report) {
        try {
            Optional<Terminal> shared = session.terminal();
            if (shared.isPresent()) {
                return fits(session, shared.get()) ? Optional.of(DriftScreen.open(session, shared.get(), report)) : Optional.empty();
            }
            if (System.console() == null) {
                return Optional.empty();
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                if (terminal.getType().startsWith(Terminal.TYPE_DUMB) || !fits(session, terminal)) {
                    return Optional.empty();
                }
                return Optional.of(DriftScreen.open(session, terminal, report));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fits(Session session, Terminal terminal) {
        String note = dev.godwit.shell.tui.ScreenSize.tooSmall(terminal, "drift screen", DriftScreen.MIN_COLUMNS, DriftScreen.MIN_ROWS);
        if (note != null) {
            session.out().note(note);
        }
        return note == null;
    }

    static DriftReport check(Session session) {
        return new DriftWorkflow(Workflows.workspace(session), Workflows.listener(session)).check();
    }

    private int adopt(Session session, DriftReport report) {
        if (report.drift().isEmpty()) {
            session.out().println("No schema drift on " + report.database() + ": nothing to adopt.");
            return report.hasDrift() ? 3 : 0;
        }
        Confirmation.refuseOnProduction(session, "adopt drift",
                "adopt it on a copy or a development database, commit the migration, and let it be resolved in production "
                        + "with `godwit resolve --applied NAME`");
        String folder = MigrationFolderName.of(adopt, Instant.now());
        if (!yes && session.interactive()) {
            new DriftText(session.out()).render(report);
        }
        if (!Confirmation.confirm(session, "drift --adopt writes " + folder + " and marks it applied",
                "Write " + folder + " with the SQL above and mark it applied?", yes, "--yes")) {
            session.out().println("Nothing written.");
            return 3;
        }
        new DriftWorkflow(Workflows.workspace(session), Workflows.listener(session)).adopt(report, adopt, Duration.ofSeconds(lockTimeoutSeconds));
        return 0;
    }
}
