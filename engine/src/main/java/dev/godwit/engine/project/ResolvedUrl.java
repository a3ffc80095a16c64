package dev.godwit.engine.project;

/**
 * A database URL and where it came from.
 *
 * @param url    the parsed URL
 * @param source where it was found, for messages: "--url", "godwit.toml [env.dev]", "DATABASE_URL", ".env",
 *               "schema.prisma datasource"
 * @param env    the selected environment, or null when none applies
 */
public record ResolvedUrl(DatabaseUrl url, String source, Environment env) {
    /** Whether the selected environment is marked {@code production = true}. */
    public boolean production() {
        return env != null && env.production();
    }
}
