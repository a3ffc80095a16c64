package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.Provider;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.UrlForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** PostgreSQL URLs, as Prisma reads them, and their form for the PostgreSQL JDBC driver. */
public final class PostgresUrlForm implements UrlForm {
    /** Prisma PostgreSQL parameters that mean nothing to the JDBC driver (or are mapped specially). */
    private static final Set<String> PRISMA_ONLY = Set.of("connection_limit", "pool_timeout", "pgbouncer",
            "statement_cache_size", "sslaccept", "single_use_connections", "max_connection_lifetime",
            "max_idle_connection_lifetime", "host");
    private static final Set<String> SSLMODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    public List<String> schemes() {
        return List.of("postgresql", "postgres");
    }

    @Override
    public int defaultPort() {
        return 5432;
    }

    @Override
    public boolean schemasInDatabase() {
        return true;
    }

    @Override
    public boolean jdbcWithoutHost() {
        return true;
    }

    @Override
    public String defaultDatabase(DatabaseUrl url) {
        return url.user();
    }

    @Override
    public boolean socketIgnoresPort() {
        return false; // the socket file's name carries the port
    }

    @Override
    public String jdbcPrefix() {
        return "jdbc:postgresql://";
    }

    /** {@code currentSchema} is the URL's schema; Prisma's time-outs are seconds, as the driver's are. */
    @Override
    public Map<String, String> driverParams(DatabaseUrl u) {
        Map<String, String> out = new LinkedHashMap<>();
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
                    if (!PRISMA_ONLY.contains(k)) {
                        out.put(k, v);
                    }
                }
            }
        }
        return out;
    }

    /** {@code ApplicationName=godwit}, {@code connectTimeout=5} (seconds). */
    @Override
    public void addDefaults(Map<String, String> driver, Properties p) {
        if (!driver.containsKey("ApplicationName")) {
            p.setProperty("ApplicationName", "godwit");
        }
        if (!driver.containsKey("connectTimeout")) {
            p.setProperty("connectTimeout", "5");
        }
    }

    @Override
    public String parameterProblem(String key, String value) {
        if (key.equals("sslmode") && !SSLMODES.contains(value.toLowerCase(Locale.ROOT))) {
            return "parameter sslmode must be one of " + String.join(", ", SSLMODES.stream().sorted().toList())
                    + ", not \"" + value + "\"";
        }
        return null;
    }

    @Override
    public void keepNoServerStatements(Properties p) {
        p.setProperty("prepareThreshold", "0");
    }

    @Override
    public boolean embeddedServer() {
        return true;
    }
}
