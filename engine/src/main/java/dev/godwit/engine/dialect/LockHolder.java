package dev.godwit.engine.dialect;

import java.time.Duration;
import java.time.Instant;

/**
 * The session that holds the migration lock, described as far as the server tells.
 * Any field but {@code sessionId} may be null.
 *
 * @param sessionId       "pid 4242" (PostgreSQL) or "connection 17" (MySQL), for people
 * @param since           when that session connected
 * @param id              the server's number for the session, to end it with; -1 when not known
 * @param state           what the session does now: "active", "idle", "idle in transaction", MySQL's "Sleep", …
 * @param inState         for how long it has been in that state
 */
public record LockHolder(String sessionId, String user, String applicationName, String clientAddress, Instant since,
                         long id, String state, Duration inState) {

    public LockHolder(String sessionId, String user, String applicationName, String clientAddress, Instant since) {
        this(sessionId, user, applicationName, clientAddress, since, -1, null, null);
    }

    /** Idle: connected, holding the lock, running nothing (a killed deploy whose connection a pooler keeps open). */
    public boolean idle() {
        return state != null && (state.startsWith("idle") || state.equalsIgnoreCase("Sleep"));
    }

    /** How long the session has been connected, when known. */
    public Duration connectedFor(Instant now) {
        return since == null ? null : Duration.between(since, now);
    }

    /** One line for a user: "pid 4242 (application prisma, user app, from 10.0.0.5, connected 12 min, idle for 11 min)". */
    public String describe() {
        StringBuilder sb = new StringBuilder("session ").append(sessionId);
        StringBuilder details = new StringBuilder();
        append(details, applicationName == null || applicationName.isBlank() ? null : "application " + applicationName);
        append(details, user == null ? null : "user " + user);
        append(details, clientAddress == null ? null : "from " + clientAddress);
        append(details, since == null ? null : "connected since " + since + " (" + human(Duration.between(since, Instant.now())) + ")");
        if (state != null) {
            String s = idle() ? "idle" : state;
            if (state.equalsIgnoreCase("idle in transaction")) {
                s = "idle in a transaction";
            }
            append(details, inState == null ? s : s + " for " + human(inState));
        }
        if (details.length() > 0) {
            sb.append(" (").append(details).append(')');
        }
        return sb.toString();
    }

    /** "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
    public static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 90) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86400) {
            return (s / 3600) + " h " + String.format("%02d", (s % 3600) / 60) + " min";
        }
        return (s / 86400) + " d " + ((s % 86400) / 3600) + " h";
    }

    private static void append(StringBuilder sb, String part) {
        if (part == null) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(part);
    }
}
