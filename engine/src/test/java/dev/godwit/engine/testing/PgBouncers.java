package dev.godwit.engine.testing;

import org.junit.jupiter.api.Assumptions;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Real PgBouncers on loopback in front of the test PostgreSQL ({@code GODWIT_TEST_PG_URL}), started with
 * {@code scripts/test-servers/pgbouncer-pool} once per configuration and stopped when the JVM exits.
 * {@code GODWIT_TEST_PGBOUNCER_URL} names a running one in transaction mode with the default settings
 * (as {@code .ci/run} starts it). Tests are skipped with a notice when none can be had;
 * {@code GODWIT_TEST_PGBOUNCER=off} skips them outright.
 */
public final class PgBouncers {
    /** Transaction mode, refusing unknown startup parameters (PgBouncer's default). */
    public static final Config TRANSACTION = new Config("transaction", "extra_float_digits");
    /** Transaction mode, ignoring search_path as a startup parameter (a common setting for pgjdbc clients). */
    public static final Config TRANSACTION_IGNORING_SEARCH_PATH = new Config("transaction", "extra_float_digits,search_path");
    /** Session mode: each client keeps its backend while connected. */
    public static final Config SESSION = new Config("session", "extra_float_digits,search_path");

    public record Config(String mode, String ignoredParameters) {
    }

    private static final Map<Config, Integer> PORTS = new HashMap<>();
    private static final Map<Config, String> FAILURES = new HashMap<>();

    private PgBouncers() {
    }

    /** The PgBouncer's port for this configuration, in front of the test PostgreSQL; skips the test when there is none. */
    public static synchronized int port(Config config) {
        if (!PORTS.containsKey(config) && !FAILURES.containsKey(config)) {
            try {
                PORTS.put(config, start(config));
            } catch (RuntimeException e) {
                FAILURES.put(config, e.getMessage());
                System.err.println("NOTICE: PgBouncer (" + config.mode() + " mode) tests SKIPPED: " + e.getMessage());
            }
        }
        Assumptions.assumeTrue(PORTS.containsKey(config), () -> "no PgBouncer: " + FAILURES.get(config));
        return PORTS.get(config);
    }

    /** A Prisma-style URL of a database through the PgBouncer of this configuration. */
    public static String url(Config config, String database) {
        return "postgresql://postgres@127.0.0.1:" + port(config) + "/" + database;
    }

    private static int start(Config config) {
        if ("off".equalsIgnoreCase(System.getenv("GODWIT_TEST_PGBOUNCER"))) {
            throw new IllegalStateException("GODWIT_TEST_PGBOUNCER=off");
        }
        String given = System.getenv("GODWIT_TEST_PGBOUNCER_URL");
        if (config.equals(TRANSACTION) && given != null && !given.isBlank()) {
            return URI.create(given).getPort();
        }
        String pg = System.getenv("GODWIT_TEST_PG_URL");
        if (pg == null) {
            throw new IllegalStateException("GODWIT_TEST_PG_URL is not set (a PgBouncer needs a PostgreSQL server to stand in front of)");
        }
        URI upstream = URI.create(pg);
        int port = 21000 + (int) (ProcessHandle.current().pid() % 500) * 4 + PORTS.size() + FAILURES.size();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "godwit-test-pgbouncer-" + ProcessHandle.current().pid() + "-" + port);
        Map<String, String> env = Map.of("PGBOUNCER_PORT", String.valueOf(port), "PGBOUNCER_POOL_MODE", config.mode(),
                "PGBOUNCER_IGNORE_PARAMS", config.ignoredParameters(), "PGBOUNCER_UPSTREAM_HOST", upstream.getHost(),
                "PGBOUNCER_UPSTREAM_PORT", String.valueOf(upstream.getPort() > 0 ? upstream.getPort() : 5432));
        ServerScript.named("pgbouncer-pool", env, dir).upUntilExit(300, 300);
        return port;
    }
}
