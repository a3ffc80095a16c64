package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;

/**
 * The {@code datasource} block. Each URL is either a literal or an environment variable name; all may be null.
 *
 * @param relationMode {@code foreignKeys} (the default) or {@code prisma} (relations without database foreign keys)
 */
public record Datasource(String name, Provider provider, Url url, Url shadowDatabaseUrl, Url directUrl, String relationMode) {

    public boolean foreignKeys() {
        return !"prisma".equals(relationMode);
    }

    /** {@code "postgresql://…"} ({@code literal}) or {@code env("VAR")} ({@code envVar}). */
    public record Url(String literal, String envVar) {
    }
}
