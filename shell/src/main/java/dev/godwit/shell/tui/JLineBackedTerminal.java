package dev.godwit.shell.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingInputStream;
import org.jline.utils.NonBlockingPumpInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A Lanterna terminal that lives on JLine's terminal instead of opening its own:
 * it reads and writes JLine's streams and asks JLine to change tty modes. Lanterna's
 * stock Unix terminal would run stty on /dev/tty, replace JLine's SIGWINCH handler and
 * probe the size with a cursor report that JLine's reader could swallow.
 *
 * <p>Use only between two {@code readLine} calls. {@link #close()} leaves the
 * alternate screen, restores the tty attributes saved at the start (echo, canonical
 * mode) and gives the window-size signal back to JLine.
 */
public final class JLineBackedTerminal extends UnixLikeTerminal {
    private final Terminal jline;
    private Attributes saved;
    private Terminal.SignalHandler previousWinch;
    private boolean winchTaken;

    public JLineBackedTerminal(Terminal jline) throws IOException {
        super(pollable(jline.input()), jline.output(), jline.encoding(), CtrlCBehaviour.TRAP);
        this.jline = jline;
        super.acquire(); // the superclass constructor calls acquire() before 'jline' is set; do it now
    }

    @Override
    protected void acquire() {
        // deferred: see the constructor
    }

    /**
     * Lanterna polls with {@code available()}. JLine's pty input always answers 0 there, so
     * answer with a short peek instead. The pump stream of in-memory terminals has a working
     * {@code available()}, and its peek consumes the byte, so it is left as it is.
     */
    static InputStream pollable(InputStream in) {
        if (!(in instanceof NonBlockingInputStream nb) || in instanceof NonBlockingPumpInputStream) {
            return in;
        }
        return new FilterInputStream(nb) {
            @Override
            public int available() throws IOException {
                return nb.peek(1L) >= 0 ? 1 : 0;
            }
        };
    }

    @Override
    protected void registerTerminalResizeListener(Runnable onResize) {
        previousWinch = jline.handle(Terminal.Signal.WINCH, signal -> onResize.run());
        winchTaken = true;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            if (saved != null) {
                jline.setAttributes(saved);
            }
            if (winchTaken) {
                jline.handle(Terminal.Signal.WINCH, previousWinch);
                winchTaken = false;
            }
            jline.flush();
        }
    }

    @Override
    protected void saveTerminalSettings() {
        saved = jline.getAttributes();
    }

    @Override
    protected void restoreTerminalSettings() {
        if (saved != null) {
            jline.setAttributes(saved);
        }
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) {
        flag(LocalFlag.ECHO, enabled);
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) {
        flag(LocalFlag.ISIG, enabled);
    }

    @Override
    protected void canonicalMode(boolean enabled) {
        Attributes a = jline.getAttributes();
        a.setLocalFlag(LocalFlag.ICANON, enabled);
        if (!enabled) {
            a.setControlChar(ControlChar.VMIN, 1);
            a.setControlChar(ControlChar.VTIME, 0);
        }
        jline.setAttributes(a);
    }

    @Override
    protected TerminalSize findTerminalSize() {
        Size s = jline.getSize();
        return new TerminalSize(Math.max(1, s.getColumns()), Math.max(1, s.getRows()));
    }

    private void flag(LocalFlag f, boolean on) {
        Attributes a = jline.getAttributes();
        a.setLocalFlag(f, on);
        jline.setAttributes(a);
    }
}
