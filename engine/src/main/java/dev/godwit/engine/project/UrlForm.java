package dev.godwit.engine.project;

import dev.godwit.engine.Provider;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What varies between database families in a database URL: its schemes, default port, whether a database
 * holds schemas, and how Prisma's parameters become the JDBC driver's. Each dialect package implements it
 * once and lists it in {@code META-INF/services}; the URL code never asks which family a URL names.
 */
public interface UrlForm {

    Provider provider();

    /** The URL schemes that name this family, in lower case, the one Prisma writes first. */
    java.util.List<String> schemes();

    /** The port the server listens on unless the URL says otherwise. */
    int defaultPort();

    /**
     * Whether a database holds schemas that a URL chooses with {@code ?schema=} (PostgreSQL); when not, the
     * schema godwit works in is the database itself.
     */
    boolean schemasInDatabase();

    /** Whether the driver accepts {@code jdbc:scheme:database}, without {@code //} and a host (the local server). */
    boolean jdbcWithoutHost();

    /** The database a URL that names none reaches (PostgreSQL: the user's own), or null when unknown. */
    default String defaultDatabase(DatabaseUrl url) {
        return null;
    }

    /** Whether a URL on a Unix socket reaches the local server whatever port it names (the socket file does not carry it). */
    boolean socketIgnoresPort();

    /** The start of a JDBC URL for the driver, up to the host: {@code jdbc:postgresql://}. */
    String jdbcPrefix();

    /** The parameters the JDBC driver gets, in URL order, with Prisma's names and units turned into the driver's. */
    Map<String, String> driverParams(DatabaseUrl url);

    /** Adds godwit's connection defaults (time-out, application name) to {@code properties} unless {@code driverParams} sets them. */
    void addDefaults(Map<String, String> driverParams, Properties properties);

    /** Why a parameter value cannot be right for this family's driver, or null ({@code key} in lower case). */
    default String parameterProblem(String key, String value) {
        return null;
    }

    /**
     * Sets what makes the driver keep no named statements on the server between uses, for connections that a
     * pooler in transaction mode may hand to another client's session; nothing when the driver keeps none.
     */
    default void keepNoServerStatements(Properties properties) {
    }

    /** Whether godwit can start an embedded server of this family when a project names no URL. */
    boolean embeddedServer();

    /** The URL form of a database family. */
    static UrlForm of(Provider provider) {
        return UrlForms.FORMS.of(provider);
    }

    /** The family whose URLs use {@code scheme} (lower case), if godwit speaks it. */
    static Optional<UrlForm> forScheme(String scheme) {
        for (Provider p : Provider.values()) {
            UrlForm f = of(p);
            if (f.schemes().contains(scheme)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
