package dev.godwit.shell.session;

import dev.godwit.engine.project.Secrets;

import java.io.PrintStream;

/**
 * Where godwit writes: results to stdout, everything else (notes, warnings,
 * errors) to stderr, so scripts can read stdout alone. Colours only on a
 * terminal, and never with --no-color or NO_COLOR. Every line passes the
 * password masker on its way out, and {@link TerminalText}: control characters and escape
 * sequences that did not come from {@link #style} (a migration name, a log, a query result from
 * the database) are shown as visible escapes, never sent to the terminal.
 */
public final class Out {
    private PrintStream stdout;
    private final PrintStream stderr;
    private final boolean color;

    public Out(PrintStream stdout, PrintStream stderr, boolean color) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.color = color;
    }

    public static boolean colorWanted(boolean noColorFlag) {
        return !noColorFlag && System.getenv("NO_COLOR") == null && System.console() != null
                && !"dumb".equals(System.getenv("TERM"));
    }

    public boolean color() {
        return color;
    }

    /** A result line. */
    public void println(String line) {
        stdout.println(clean(line));
    }

    public void print(String text) {
        stdout.print(clean(text));
        stdout.flush();
    }

    public void note(String message) {
        stderr.println(clean(style(Style.DIM, "godwit: " + message)));
    }

    public void warn(String message) {
        stderr.println(clean(style(Style.YELLOW, "warning: ") + message));
    }

    public void error(String message, String hint) {
        // schema errors arrive already labelled "error: …" per problem
        String text = message.startsWith("error: ") ? message.substring("error: ".length()) : message;
        stderr.println(clean(style(Style.RED_BOLD, "error: ") + text));
        if (hint != null && !hint.isBlank()) {
            stderr.println(clean(style(Style.CYAN, "hint: ") + hint));
        }
    }

    /** Sends results to {@code replacement} until swapped back (--json collects a command's output); returns the previous stream. */
    public synchronized PrintStream swapStdout(PrintStream replacement) {
        PrintStream previous = stdout;
        stdout = replacement;
        return previous;
    }

    private String clean(String text) {
        return Secrets.mask(TerminalText.safe(text, color));
    }

    public PrintStream stdoutWriter() {
        return stdout;
    }

    public PrintStream stderr() {
        return stderr;
    }

    public String style(Style style, String text) {
        return color ? TerminalText.OWN + style.code + text + TerminalText.OWN + "\u001b[0m" : text;
    }

    public enum Style {
        GREEN("\u001b[32m"), YELLOW("\u001b[33m"), RED("\u001b[31m"), RED_BOLD("\u001b[1;31m"), CYAN("\u001b[36m"),
        MAGENTA("\u001b[35m"), BOLD("\u001b[1m"), DIM("\u001b[2m");

        private final String code;

        Style(String code) {
            this.code = code;
        }
    }
}
