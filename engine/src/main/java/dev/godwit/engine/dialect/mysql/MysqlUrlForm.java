package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.Provider;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.UrlForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * MySQL and MariaDB URLs, as Prisma reads them, and their form for MySQL Connector/J (MariaDB URLs too:
 * {@code jdbc:mysql:}).
 */
public final class MysqlUrlForm implements UrlForm {
    /** Prisma MySQL parameters that mean nothing to Connector/J (or are mapped specially). */
    private static final Set<String> PRISMA_ONLY = Set.of("connection_limit", "pool_timeout", "sslaccept",
            "socket", "sslcert", "sslidentity", "sslpassword", "max_connection_lifetime",
            "max_idle_connection_lifetime");

    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    public List<String> schemes() {
        return List.of("mysql", "mariadb");
    }

    @Override
    public int defaultPort() {
        return 3306;
    }

    @Override
    public boolean schemasInDatabase() {
        return false;
    }

    @Override
    public boolean jdbcWithoutHost() {
        return false;
    }

    @Override
    public boolean socketIgnoresPort() {
        return true;
    }

    @Override
    public String jdbcPrefix() {
        return "jdbc:mysql://";
    }

    /** Prisma's time-outs are seconds, Connector/J's milliseconds; {@code sslaccept=strict} verifies the server's identity. */
    @Override
    public Map<String, String> driverParams(DatabaseUrl u) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : u.params().entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            switch (k) {
                case "connect_timeout" -> out.put("connectTimeout", secondsToMillis(v));
                case "socket_timeout" -> out.put("socketTimeout", secondsToMillis(v));
                default -> {
                    if (!PRISMA_ONLY.contains(k)) {
                        out.put(k, v);
                    }
                }
            }
        }
        if ("strict".equalsIgnoreCase(u.params().get("sslaccept")) && !out.containsKey("sslMode")) {
            out.put("sslMode", "VERIFY_IDENTITY");
        }
        return out;
    }

    /**
     * {@code connectTimeout=5000} (ms), {@code allowPublicKeyRetrieval=true} (needed for caching_sha2_password
     * without TLS), {@code connectionAttributes=program_name:godwit}.
     */
    @Override
    public void addDefaults(Map<String, String> driver, Properties p) {
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

    @Override
    public boolean embeddedServer() {
        return false;
    }

    private static String secondsToMillis(String v) {
        try {
            return Long.toString(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
