package dev.godwit.engine.dialect;

import java.time.Duration;

/**
 * A session that held a lock a migration statement waited for: its id, who, what it is doing and how long
 * its transaction has been open. Any field but {@code sessionId} may be null.
 */
public record Blocker(String sessionId, String user, String state, String query, Duration open) {

    /** "pid 4242 (user app, idle in transaction, open 12 s): SELECT * FROM events". */
    public String describe() {
        StringBuilder sb = new StringBuilder("session ").append(sessionId).append(" (");
        if (user != null) {
            sb.append("user ").append(user).append(", ");
        }
        if (state != null && !state.isBlank()) {
            sb.append(state).append(", ");
        }
        sb.append("transaction open ").append(open == null ? "?" : open.toSeconds() + " s").append(')');
        if (query != null && !query.isBlank()) {
            String q = query.strip().replaceAll("\\s+", " ");
            sb.append(": ").append(q.length() > 120 ? q.substring(0, 117) + "…" : q);
        }
        return sb.toString();
    }
}
