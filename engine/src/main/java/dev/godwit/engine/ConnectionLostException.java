package dev.godwit.engine;

/**
 * The connection to the database went away while godwit used it (server restart, killed session, network),
 * as opposed to failing to connect at all. Front ends tell it by its type: a command that changes nothing
 * can reconnect and run again, any other must say that the user should check what took effect.
 */
public final class ConnectionLostException extends GodwitException {

    public ConnectionLostException(String display, String detail) {
        super(ErrorKind.CONNECTION, "lost the connection to " + display + ": " + detail,
                "the server restarted or ended the session; run `godwit status` to see what took effect");
    }

    /** Whether {@code e} or one of its causes is a lost connection. */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionLostException) {
                return true;
            }
        }
        return false;
    }
}
