package dev.godwit.engine.project;

import dev.godwit.engine.Provider;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static dev.godwit.engine.project.DatabaseUrl.encode;

/**
 * A database URL in the JDBC drivers' terms: the URL and the connection properties, with Prisma's
 * parameter names and units turned into the PostgreSQL and MySQL drivers' own.
 */
final class JdbcForm {
    /** Prisma PostgreSQL parameters that mean nothing to the JDBC driver (or are mapped specially). */
    private static final Set<String> PRISMA_ONLY_PG = Set.of("connection_limit", "pool_timeout", "pgbouncer",
            "statement_cache_size", "sslaccept", "single_use_connections", "max_connection_lifetime",
            "max_idle_connection_lifetime", "host");
    /** Prisma MySQL parameters that mean nothing to Connector/J (or are mapped specially). */
    private static final Set<String> PRISMA_ONLY_MYSQL = Set.of("connection_limit", "pool_timeout", "sslaccept",
            "socket", "sslcert", "sslidentity", "sslpassword", "max_connection_lifetime",
            "max_idle_connection_lifetime");

    private JdbcForm() {
    }


    /**
     * A JDBC URL for the database, without user and password (those are in {@link #properties}).
     * For PostgreSQL it sets {@code currentSchema} to {@link DatabaseUrl#schema()}. Prisma's {@code connect_timeout} and
     * {@code socket_timeout} (seconds) become the drivers' {@code connectTimeout}/{@code socketTimeout}
     * (seconds for PostgreSQL, milliseconds for MySQL); Prisma-only pool and pgbouncer settings are dropped;
     * other parameters are passed through, except password-like ones, which go to the properties.
     * MariaDB URLs use the {@code jdbc:mysql:} scheme, for MySQL Connector/J.
     */
    static String url(DatabaseUrl u) {
        StringBuilder sb = new StringBuilder("jdbc:mysql://");
        if (u.provider() == Provider.POSTGRESQL) {
            sb = new StringBuilder("jdbc:postgresql://");
        }
        sb.append(u.host().indexOf(':') >= 0 ? "[" + u.host() + "]" : u.host()).append(':').append(u.port()).append('/');
        if (u.database() != null) {
            sb.append(encode(u.database()));
        }
        char sep = '?';
        for (Map.Entry<String, String> e : driverParams(u).entrySet()) {
            if (isSecretKey(e.getKey())) {
                continue;
            }
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /**
     * Connection properties to go with {@link #url}: user, password, password-like parameters, and
     * defaults unless the URL sets them. PostgreSQL: {@code ApplicationName=godwit}, {@code connectTimeout=5}
     * (seconds). MySQL: {@code connectTimeout=5000} (ms), {@code allowPublicKeyRetrieval=true} (needed for
     * caching_sha2_password without TLS), {@code connectionAttributes=program_name:godwit}. TLS is left to the
     * driver's default (MySQL: preferred; PostgreSQL: prefer) unless the URL says otherwise. Returns a new
     * object each call.
     */
    static Properties properties(DatabaseUrl u) {
        Properties p = new Properties();
        if (u.user() != null) {
            p.setProperty("user", u.user());
        }
        if (u.password() != null) {
            p.setProperty("password", u.password());
        }
        Map<String, String> driver = driverParams(u);
        for (Map.Entry<String, String> e : driver.entrySet()) {
            if (isSecretKey(e.getKey())) {
                p.setProperty(e.getKey(), e.getValue());
            }
        }
        if (u.provider() == Provider.POSTGRESQL) {
            if (!driver.containsKey("ApplicationName")) {
                p.setProperty("ApplicationName", "godwit");
            }
            if (!driver.containsKey("connectTimeout")) {
                p.setProperty("connectTimeout", "5");
            }
        } else {
            if (!driver.containsKey("connectTimeout")) {
                p.setProperty("connectTimeout", "5000");
            }
            if (!driver.containsKey("allowPublicKeyRetrieval")) {
                p.setProperty("allowPublicKeyRetrieval", "true");
            }
            if (!driver.containsKey("connectionAttributes")) {
                p.setProperty("connectionAttributes", "program_name:godwit");
            }
        }
        return p;
    }

    private static boolean isSecretKey(String key) {
        return key.toLowerCase(Locale.ROOT).contains("password");
    }

    /** The parameters the JDBC driver gets, with Prisma names mapped to driver names. */
    private static Map<String, String> driverParams(DatabaseUrl u) {
        Map<String, String> out = new LinkedHashMap<>();
        if (u.provider() == Provider.POSTGRESQL) {
            out.put("currentSchema", u.schema());
            for (Map.Entry<String, String> e : u.params().entrySet()) {
                String k = e.getKey();
                String v = e.getValue();
                switch (k) {
                    case "connect_timeout" -> out.put("connectTimeout", v);
                    case "socket_timeout" -> out.put("socketTimeout", v);
                    case "application_name" -> out.put("ApplicationName", v);
                    case "sslidentity" -> out.put("sslkey", v);
                    // Prisma's flag for a URL through PgBouncer: no named server-side statements, which a
                    // transaction-mode pooler would hand to other clients' backends.
                    case "pgbouncer" -> {
                        if ("true".equalsIgnoreCase(v)) {
                            out.put("prepareThreshold", "0");
                        }
                    }
                    case "sslmode" -> {
                        boolean strict = "strict".equalsIgnoreCase(u.params().get("sslaccept"));
                        out.put("sslmode", strict && (v.equals("require") || v.equals("prefer")) ? "verify-full" : v);
                    }
                    default -> {
                        if (!PRISMA_ONLY_PG.contains(k)) {
                            out.put(k, v);
                        }
                    }
                }
            }
        } else {
            for (Map.Entry<String, String> e : u.params().entrySet()) {
                String k = e.getKey();
                String v = e.getValue();
                switch (k) {
                    case "connect_timeout" -> out.put("connectTimeout", secondsToMillis(v));
                    case "socket_timeout" -> out.put("socketTimeout", secondsToMillis(v));
                    default -> {
                        if (!PRISMA_ONLY_MYSQL.contains(k)) {
                            out.put(k, v);
                        }
                    }
                }
            }
            if ("strict".equalsIgnoreCase(u.params().get("sslaccept")) && !out.containsKey("sslMode")) {
                out.put("sslMode", "VERIFY_IDENTITY");
            }
        }
        return out;
    }

    private static String secondsToMillis(String v) {
        try {
            return Long.toString(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
