package dev.godwit.engine.migrate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The line {@code resolve} appends to a row's logs: when, by whom, what and why. */
public final class ResolveNote {
    private ResolveNote() {
    }

    public static String line(String resolvedAs, String reason) {
        String user = System.getProperty("user.name", "unknown");
        StringBuilder sb = new StringBuilder("\n[").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("] ")
                .append("resolved as ").append(resolvedAs).append(" by ").append(user).append(" with godwit");
        if (reason != null && !reason.isBlank()) {
            sb.append(": ").append(reason.strip());
        }
        return sb.append('\n').toString();
    }
}
