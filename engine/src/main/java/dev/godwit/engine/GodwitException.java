package dev.godwit.engine;

/**
 * The one exception type the engine lets escape to front ends. Its message is
 * written for a user (one line, no stack trace needed); {@link #hint()} says
 * what to do about it; {@link #kind()} decides the exit code.
 */
public class GodwitException extends RuntimeException {
    private final ErrorKind kind;
    private final String hint;

    public GodwitException(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public GodwitException(ErrorKind kind, String message, String hint) {
        this(kind, message, hint, null);
    }

    public GodwitException(ErrorKind kind, String message, String hint, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** What the user can do next, or null. */
    public String hint() {
        return hint;
    }
}
