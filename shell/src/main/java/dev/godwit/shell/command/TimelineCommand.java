package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.shell.session.Session;
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

    @Override
    protected int run(Session session) {
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

    private static GodwitException notATerminal() {
        return new GodwitException(ErrorKind.USAGE, "timeline is a full-screen view and needs a terminal (stdin and stdout are not one)",
                "run it in a terminal, or use `godwit status` (or `godwit status --json`) for the same facts as text");
    }
}
