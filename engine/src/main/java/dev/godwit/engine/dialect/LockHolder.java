package dev.godwit.engine.dialect;

import java.time.Instant;

/**
 * The session that holds the migration lock, described as far as the server tells.
 * Any field but {@code sessionId} may be null.
 */
public record LockHolder(String sessionId, String user, String applicationName, String clientAddress, Instant since) {

    /** One line for a user: "pid 4242 (prisma-migrate, user app, from 10.0.0.5, since 2026-11-25T10:00:00Z)". */
    public String describe() {
        StringBuilder sb = new StringBuilder("session ").append(sessionId);
        StringBuilder details = new StringBuilder();
        append(details, applicationName == null || applicationName.isBlank() ? null : "application " + applicationName);
        append(details, user == null ? null : "user " + user);
        append(details, clientAddress == null ? null : "from " + clientAddress);
        append(details, since == null ? null : "since " + since);
        if (details.length() > 0) {
            sb.append(" (").append(details).append(')');
        }
        return sb.toString();
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
