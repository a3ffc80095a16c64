package dev.godwit.engine.project;

/**
 * One {@code [env.NAME]} table of godwit.toml.
 *
 * @param name       the table name, e.g. "dev"
 * @param url        the database URL as written: a URL, {@code env:VAR}, or null when the table has none
 * @param shadowUrl  the shadow database URL as written, or null
 * @param production whether commands must treat this database with production care (confirmations, no resets)
 * @param directUrl  the URL that reaches the database without a pooler in between, as written, or null: used
 *                   when {@code url} goes through a pooler in transaction mode
 */
public record Environment(String name, String url, String shadowUrl, boolean production, String directUrl) {

    public Environment(String name, String url, String shadowUrl, boolean production) {
        this(name, url, shadowUrl, production, null);
    }

    /** The prefix that makes a url value a reference to an environment variable. */
    public static final String ENV_PREFIX = "env:";

    /** The variable named by an {@code env:VAR} value, or null when the value is null or a literal URL. */
    public static String envVarOf(String value) {
        if (value != null && value.startsWith(ENV_PREFIX)) {
            return value.substring(ENV_PREFIX.length()).strip();
        }
        return null;
    }
}
