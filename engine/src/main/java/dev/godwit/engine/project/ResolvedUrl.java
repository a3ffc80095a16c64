package dev.godwit.engine.project;

/**
 * A database URL and where it came from.
 *
 * @param url         the parsed URL
 * @param source      where it was found, for messages: "--url", "godwit.toml [env.dev]", "DATABASE_URL", ".env",
 *                    "schema.prisma datasource"
 * @param env         the selected environment, or null when none applies
 * @param productionOf the name of a {@code production = true} environment whose database this URL reaches
 *                    (however it was written or chosen), or null
 */
public record ResolvedUrl(DatabaseUrl url, String source, Environment env, String productionOf) {
    public ResolvedUrl(DatabaseUrl url, String source, Environment env) {
        this(url, source, env, env != null && env.production() ? env.name() : null);
    }

    /**
     * Whether this is a production database: the selected environment is marked {@code production = true},
     * or the URL reaches the database of an environment that is. Production is a property of the database,
     * not of the name it was reached by.
     */
    public boolean production() {
        return productionOf != null || (env != null && env.production());
    }

    /** Why this is production, for messages: "[env.prod] is marked production = true"; null when it is not. */
    public String productionReason() {
        if (!production()) {
            return null;
        }
        if (env != null && env.production()) {
            return "[env." + env.name() + "] is marked production = true";
        }
        return "this is the database of [env." + productionOf + "], which is marked production = true";
    }
}
