package dev.godwit.engine.dialect;

import dev.godwit.engine.ConnectionLostException;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.project.Secrets;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Shared wording for connection failures; each dialect maps its own error codes onto these. */
public final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /**
     * A URL parameter the driver cannot take ({@code ?connectTimeout=abc}, {@code ?sslmode=bogus}): a usage
     * error (exit 2), found before any connection is tried; null when the failure is something else.
     * PostgreSQL's driver says so with SQLSTATE 22023 or "Invalid … value", MySQL's with S1009 naming
     * "The connection property".
     */
    public static GodwitException invalidParameter(String display, SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) { // a pool wraps the driver's exception
            if (!(t instanceof SQLException x)) {
                continue;
            }
            String state = x.getSQLState() == null ? "" : x.getSQLState();
            String msg = x.getMessage() == null ? "" : x.getMessage();
            boolean invalid = (state.equals("22023") && msg.contains("parameter value"))
                    || (state.equals("08001") && msg.startsWith("Invalid ") && msg.contains(" value"))
                    || (state.equals("S1009") && msg.contains("The connection property"));
            if (invalid) {
                return new GodwitException(ErrorKind.USAGE, "malformed database URL parameter for " + display + ": " + clean(x),
                        "fix the parameter in the URL's query string (after '?')");
            }
        }
        return null;
    }

    public static GodwitException unreachable(String display, String why) {
        return new GodwitException(ErrorKind.CONNECTION, "cannot reach " + display + ": " + why,
                "is the database server running, and are the host and port in the URL right?");
    }

    public static GodwitException unknownHost(String display) {
        return new GodwitException(ErrorKind.CONNECTION, "cannot reach " + display + ": unknown host",
                "check the host name in the URL");
    }

    public static GodwitException authentication(String display, String detail) {
        return new GodwitException(ErrorKind.CONNECTION, "the server refused the login for " + display + ": " + detail,
                "check the user name and password in the URL (or in the environment variable it comes from)");
    }

    public static GodwitException missingDatabase(String display, String database) {
        return new GodwitException(ErrorKind.CONNECTION, "database \"" + database + "\" does not exist on " + display,
                "create it first, or fix the database name in the URL");
    }

    public static GodwitException permission(String display, String detail) {
        return new GodwitException(ErrorKind.CONNECTION, "permission denied on " + display + ": " + detail,
                "the database user needs the rights to create and alter tables in this schema");
    }

    public static GodwitException connectionLost(String display, String detail) {
        return new ConnectionLostException(display, detail);
    }

    public static GodwitException other(String display, SQLException e) {
        return new GodwitException(ErrorKind.CONNECTION, "cannot connect to " + display + ": " + clean(e), null, e);
    }

    /** The root network cause, if the driver wrapped one. */
    public static GodwitException fromNetworkCause(String display, SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return unknownHost(display);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return unreachable(display, "connection refused");
            }
            if (t instanceof SocketTimeoutException) {
                return unreachable(display, "connection timed out");
            }
        }
        return null;
    }

    public static String clean(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Secrets.mask(m.strip().split("\\R")[0]);
    }
}
