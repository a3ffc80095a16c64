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
    private final PrintStream ownStdout;
    private final PrintStream stderr;
    private final boolean color;
    /** The terminal's width for {@link TextWrap}; 0: not a terminal, lines go out as they are. */
    private java.util.function.IntSupplier width = () -> 0;
    /** Where the cursor is after {@link #print} (text that did not end its line), so println wraps from there. */
    private int column;

    public Out(PrintStream stdout, PrintStream stderr, boolean color) {
        this.stdout = stdout;
        this.ownStdout = stdout;
        this.stderr = stderr;
        this.color = color;
    }

    /**
     * Wraps result lines, notes, warnings and errors at word boundaries to {@code columns} (read for each line:
     * the terminal may be resized). Scripts printed with {@link #print}, tables ({@link #printlnAsIs}) and
     * anything collected for --json are never wrapped.
     */
    public void wrapTo(java.util.function.IntSupplier columns) {
        this.width = columns == null ? () -> 0 : columns;
    }

    /** The terminal's width, or 0 when output is not a terminal. */
    public int width() {
        return width.getAsInt();
    }

    /** The width of the terminal when this process was started on one: $COLUMNS, which scripts/godwit sets. */
    public static int startingColumns(java.util.Map<String, String> env) {
        if (System.console() == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(env.getOrDefault("COLUMNS", "0").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static boolean colorWanted(boolean noColorFlag) {
        return !noColorFlag && System.getenv("NO_COLOR") == null && System.console() != null
                && !"dumb".equals(System.getenv("TERM"));
    }

    public boolean color() {
        return color;
    }

    /** A result line. */
    public synchronized void println(String line) {
        String text = clean(line);
        if (stdout != ownStdout || text.startsWith("{") || text.startsWith("[")) {
            stdout.println(text); // collected for --json, or JSON itself: a line break inside a string would change it
        } else {
            stdout.println(wrapped(text, column));
        }
        column = 0;
    }

    /** A line whose columns must stay aligned (a table): the terminal folds it if it must, godwit does not. */
    public synchronized void printlnAsIs(String line) {
        stdout.println(clean(line));
        column = 0;
    }

    public synchronized void print(String text) {
        String cleaned = clean(text);
        stdout.print(cleaned);
        stdout.flush();
        int nl = cleaned.lastIndexOf('\n');
        column = nl >= 0 ? TextWrap.visible(cleaned.substring(nl + 1)) : column + TextWrap.visible(cleaned);
    }

    /** A line on stderr beside a result on stdout (findings next to a script), wrapped like the rest. */
    public void message(String text) {
        stderr.println(wrapped(clean(text), 0));
    }

    /** A line on stderr that must stay as it is (SQL). */
    public void messageAsIs(String text) {
        stderr.println(clean(text));
    }

    public void note(String message) {
        stderr.println(wrapped(clean(style(Style.DIM, "godwit: " + message)), 0));
    }

    public void warn(String message) {
        stderr.println(wrapped(clean(style(Style.YELLOW, "warning: ") + message), 0));
    }

    public void error(String message, String hint) {
        // schema errors arrive already labelled "error: …" per problem
        String text = message.startsWith("error: ") ? message.substring("error: ".length()) : message;
        stderr.println(wrapped(clean(style(Style.RED_BOLD, "error: ") + text), 0));
        if (hint != null && !hint.isBlank()) {
            stderr.println(wrapped(clean(style(Style.CYAN, "hint: ") + hint), 0));
        }
    }

    /** Each line of {@code text} wrapped to the terminal's width, the first one starting at {@code from}. */
    private String wrapped(String text, int from) {
        int w = width.getAsInt();
        if (w <= 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(String.join("\n", TextWrap.wrap(lines[i], w, i == 0 ? from : 0)));
        }
        return sb.toString();
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
