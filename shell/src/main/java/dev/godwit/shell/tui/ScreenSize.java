package dev.godwit.shell.tui;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;

/**
 * Whether a full-screen view fits the terminal before it opens: below its minimum size a view
 * would only say it needs more room, so the command prints its text form instead.
 */
public final class ScreenSize {
    private ScreenSize() {
    }

    /** Null when the terminal is big enough (or says no size), else the note explaining the text form. */
    public static String tooSmall(Terminal terminal, String view, int minColumns, int minRows) {
        Size s = terminal.getSize();
        if (s == null || s.getColumns() <= 0 || s.getRows() <= 0) {
            return null;
        }
        if (s.getColumns() >= minColumns && s.getRows() >= minRows) {
            return null;
        }
        return "the terminal is " + s.getColumns() + "×" + s.getRows() + " and the " + view + " needs " + minColumns + "×"
                + minRows + ": printed as text";
    }
}
