package dev.godwit.engine.project;

import dev.godwit.engine.Provider;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the values of the URL parameters whose form is known (Prisma's and the drivers' time-outs and
 * limits, {@code sslmode}, {@code sslaccept}, {@code pgbouncer}), so that a typo is a malformed URL
 * (a usage error) instead of a driver failure that looks like a lost connection. Other parameters
 * pass through to the driver untouched.
 */
final class UrlParameters {
    private static final Set<String> NON_NEGATIVE_INTEGERS = Set.of("connection_limit", "connect_timeout", "pool_timeout",
            "socket_timeout", "statement_cache_size", "max_connection_lifetime", "max_idle_connection_lifetime",
            "connecttimeout", "sockettimeout", "logintimeout");
    private static final Set<String> SSLACCEPT = Set.of("strict", "accept_invalid_certs");
    private static final Set<String> BOOLEANS = Set.of("true", "false");

    /** How every problem this class reports begins. */
    static final String PROBLEM_PREFIX = "parameter ";

    private UrlParameters() {
    }

    /** The reason {@code params} cannot be right, or null when they may be. */
    static String problem(Provider provider, Map<String, String> params) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue().strip();
            if (NON_NEGATIVE_INTEGERS.contains(key) && !value.matches("[0-9]{1,9}")) {
                return "parameter " + e.getKey() + " must be a whole number of 0 or more, not \"" + value + "\"";
            }
            String own = UrlForm.of(provider).parameterProblem(key, value);
            if (own != null) {
                return own;
            }
            if (key.equals("sslaccept") && !SSLACCEPT.contains(value)) {
                return "parameter sslaccept must be strict or accept_invalid_certs, not \"" + value + "\"";
            }
            if (key.equals("pgbouncer") && !BOOLEANS.contains(value.toLowerCase(Locale.ROOT))) {
                return "parameter pgbouncer must be true or false, not \"" + value + "\"";
            }
        }
        return null;
    }
}
