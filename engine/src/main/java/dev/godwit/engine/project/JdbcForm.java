package dev.godwit.engine.project;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static dev.godwit.engine.project.DatabaseUrl.encode;

/**
 * A database URL in the JDBC drivers' terms: the URL and the connection properties, with Prisma's
 * parameter names and units turned into the driver's own by the family's {@link UrlForm}.
 */
final class JdbcForm {

    private JdbcForm() {
    }

    /**
     * A JDBC URL for the database, without user and password (those are in {@link #properties}): the
     * driver's parameters ({@link UrlForm#driverParams}), except password-like ones, which go to the properties.
     */
    static String url(DatabaseUrl u) {
        StringBuilder sb = new StringBuilder(UrlForm.of(u.provider()).jdbcPrefix());
        sb.append(u.host().indexOf(':') >= 0 ? "[" + u.host() + "]" : u.host()).append(':').append(u.port()).append('/');
        if (u.database() != null) {
            sb.append(encode(u.database()));
        }
        char sep = '?';
        for (Map.Entry<String, String> e : UrlForm.of(u.provider()).driverParams(u).entrySet()) {
            if (isSecretKey(e.getKey())) {
                continue;
            }
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /**
     * Connection properties to go with {@link #url}: user, password, password-like parameters, and godwit's
     * defaults unless the URL sets them ({@link UrlForm#addDefaults}). TLS is left to the driver's default
     * (MySQL: preferred; PostgreSQL: prefer) unless the URL says otherwise. Returns a new object each call.
     */
    static Properties properties(DatabaseUrl u) {
        Properties p = new Properties();
        if (u.user() != null) {
            p.setProperty("user", u.user());
        }
        if (u.password() != null) {
            p.setProperty("password", u.password());
        }
        UrlForm form = UrlForm.of(u.provider());
        Map<String, String> driver = form.driverParams(u);
        for (Map.Entry<String, String> e : driver.entrySet()) {
            if (isSecretKey(e.getKey())) {
                p.setProperty(e.getKey(), e.getValue());
            }
        }
        form.addDefaults(driver, p);
        return p;
    }

    private static boolean isSecretKey(String key) {
        return key.toLowerCase(Locale.ROOT).contains("password");
    }
}
