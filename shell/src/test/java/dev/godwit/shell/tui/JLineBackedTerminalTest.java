package dev.godwit.shell.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Lanterna on JLine's terminal: raw while the screen is open, restored afterwards, also after a failure. */
class JLineBackedTerminalTest {

    private static Terminal memoryTerminal(PipedInputStream in, ByteArrayOutputStream out) throws IOException {
        return TerminalBuilder.builder().system(false).streams(in, out)
                .provider("exec").type("xterm-256color").size(new Size(80, 24)).build();
    }

    @Test
    void keysReachTheScreenAndTheTerminalIsRestored() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal jline = memoryTerminal(in, out)) {
            assertTrue(jline.getAttributes().getLocalFlag(LocalFlag.ECHO));
            assertTrue(jline.getAttributes().getLocalFlag(LocalFlag.ICANON));
            List<String> seen = new ArrayList<>();
            boolean[] rawDuring = new boolean[1];
            TimelineScreen.onJLine(jline, screen -> {
                rawDuring[0] = !jline.getAttributes().getLocalFlag(LocalFlag.ECHO)
                        && !jline.getAttributes().getLocalFlag(LocalFlag.ICANON);
                assertEquals(80, screen.getTerminalSize().getColumns(), "size from JLine, no probe");
                keys.write("\u001b[Bq".getBytes(StandardCharsets.US_ASCII));
                keys.flush();
                long deadline = System.currentTimeMillis() + 5000;
                while (seen.size() < 2 && System.currentTimeMillis() < deadline) {
                    KeyStroke k = screen.pollInput();
                    if (k == null) {
                        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
                    } else {
                        seen.add(k.getKeyType() == KeyType.Character ? String.valueOf(k.getCharacter()) : k.getKeyType().name());
                    }
                }
            });
            assertTrue(rawDuring[0], "no echo, no line editing while the screen is open");
            assertEquals(List.of("ArrowDown", "q"), seen);
            assertTrue(jline.getAttributes().getLocalFlag(LocalFlag.ECHO), "echo back");
            assertTrue(jline.getAttributes().getLocalFlag(LocalFlag.ICANON), "canonical mode back");
            String raw = out.toString(StandardCharsets.UTF_8);
            assertTrue(raw.contains("\u001b[?1049h") && raw.contains("\u001b[?1049l"), "alternate screen entered and left");
            assertTrue(raw.lastIndexOf("\u001b[?25h") > raw.lastIndexOf("\u001b[?25l"), "cursor shown again");
        }
    }

    @Test
    void anExceptionOnTheScreenStillRestoresTheTerminal() throws Exception {
        PipedInputStream in = new PipedInputStream(new PipedOutputStream());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal jline = memoryTerminal(in, out)) {
            Terminal.SignalHandler before = jline.handle(Terminal.Signal.WINCH, Terminal.SignalHandler.SIG_DFL);
            jline.handle(Terminal.Signal.WINCH, before);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> TimelineScreen.onJLine(jline, (Screen screen) -> {
                throw new IllegalStateException("boom");
            }));
            assertEquals("boom", e.getMessage());
            assertTrue(jline.getAttributes().getLocalFlag(LocalFlag.ECHO));
            assertTrue(jline.getAttributes().getLocalFlag(LocalFlag.ICANON));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("\u001b[?1049l"), "alternate screen left");
            assertSame(before, jline.handle(Terminal.Signal.WINCH, before), "JLine has its window-size handler back");
        }
    }
}
