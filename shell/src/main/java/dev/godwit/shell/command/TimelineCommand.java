package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.tui.FleetScreen;
import dev.godwit.shell.tui.TimelineScreen;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Full-screen history of every migration: when it ran, how long it took, every attempt with its logs,",
                "the statement that failed marked in its SQL; resolve failed migrations from there. Needs a terminal;",
                "`godwit status` prints the same facts as text."})
public final class TimelineCommand extends SessionCommand {
    @picocli.CommandLine.Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    protected int run(Session session) {
        if (fleet.active()) {
            return fleetScreen(session);
        }
        try {
            Optional<Terminal> shared = session.terminal();
            if (shared.isPresent()) {
                if (fits(session, shared.get())) {
                    TimelineScreen.open(session, shared.get());
                    return 0;
                }
                return asText(session);
            }
            if (System.console() == null) {
                throw notATerminal();
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
                    throw notATerminal();
                }
                if (!fits(session, terminal)) {
                    return asText(session);
                }
                TimelineScreen.open(session, terminal);
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fits(Session session, Terminal terminal) {
        String note = dev.godwit.shell.tui.ScreenSize.tooSmall(terminal, "timeline", TimelineScreen.MIN_COLUMNS, TimelineScreen.MIN_ROWS);
        if (note != null) {
            session.out().note(note + " (`godwit status`; `godwit history` lists every attempt)");
        }
        return note == null;
    }

    /** The timeline's facts as text: every migration's state. */
    private static int asText(Session session) {
        new dev.godwit.shell.render.StatusText(session.out()).render(session.migrator().status(session.migrations()));
        return 0;
    }

    /**
     * {@code timeline --fleet NAME}: the fleet screen; below its minimum size (or without a terminal) the fleet's
     * status table.
     */
    private int fleetScreen(Session session) {
        FleetRun.Setup setup = FleetRun.setup(session, fleet.fleet);
        int parallel = fleet.parallel != null ? fleet.parallel : setup.config().parallel();
        try {
            Optional<Terminal> shared = session.terminal();
            if (shared.isPresent()) {
                return fleetScreen(session, setup, parallel, shared.get());
            }
            if (System.console() == null) {
                return FleetRun.status(session, fleet.fleet, parallel, false);
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
                    return FleetRun.status(session, fleet.fleet, parallel, false);
                }
                return fleetScreen(session, setup, parallel, terminal);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int fleetScreen(Session session, FleetRun.Setup setup, int parallel, Terminal terminal) throws IOException {
        String note = dev.godwit.shell.tui.ScreenSize.tooSmall(terminal, "fleet screen", FleetScreen.MIN_COLUMNS, FleetScreen.MIN_ROWS);
        if (note != null) {
            session.out().note(note + " (the fleet's status follows)");
            return FleetRun.status(session, fleet.fleet, parallel, false);
        }
        FleetScreenActions actions = new FleetScreenActions(session, setup, parallel);
        boolean color = !session.options().noColor() && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        FleetScreen.open(terminal, actions.firstModel(), actions, fleet.fleet, color);
        return 0;
    }

    private static GodwitException notATerminal() {
        return new GodwitException(ErrorKind.USAGE, "timeline is a full-screen view and needs a terminal (stdin and stdout are not one)",
                "run it in a terminal, or use `godwit status` (or `godwit status --json`) for the same facts as text");
    }
}
