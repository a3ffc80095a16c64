package dev.godwit.engine.db;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.ResolvedUrl;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which URL migrations go through when the configured one reaches the server through a pooler in transaction
 * or statement mode: the direct URL when one is configured; else the pooled one, with no named server-side
 * statements (another client's backend would not know them) and with the migration lock refused.
 *
 * @param url         the URL to connect with
 * @param note        what was decided, for the user (null when the URL is used as given)
 * @param pooler      evidence of a transaction-mode pooler when the pooled URL is kept (null otherwise)
 * @param bareStartup whether connections must not name the schema among their startup parameters (PgBouncer
 *                    refuses parameters it does not know; the session sets the schema itself)
 */
public record PoolerRoute(DatabaseUrl url, String note, String pooler, boolean bareStartup) {

    /** Whether connections must not use named prepared statements. */
    public boolean statementSafe() {
        return pooler != null;
    }

    /** A data source for {@link #url()} as this route needs it. */
    public javax.sql.DataSource dataSource() {
        return Connections.direct(url, statementSafe(), bareStartup);
    }

    /** Applies the route to a target built from {@link #url()}. */
    public Target apply(Target target) {
        return pooler == null ? target : target.throughPooler(pooler);
    }

    public static PoolerRoute decide(DatabaseUrl url, Supplier<Optional<ResolvedUrl>> direct) {
        Probe probe = probe(url);
        if (probe.evidence == null) {
            return new PoolerRoute(url, null, null, probe.bareStartup);
        }
        Optional<ResolvedUrl> d = direct.get();
        if (d.isPresent() && !d.get().url().equals(url)) {
            return new PoolerRoute(d.get().url(), url.display() + " goes through a connection pooler in transaction mode ("
                    + probe.evidence + "): migrating through the direct URL from " + d.get().source() + " (" + d.get().url().display() + ")",
                    null, false);
        }
        return new PoolerRoute(url, null, probe.evidence, true);
    }

    private record Probe(String evidence, boolean bareStartup) {
    }

    /**
     * Prisma's {@code pgbouncer=true} says so; else the dialect probes. A server that refuses the schema as a
     * startup parameter is PgBouncer: probed again without it, to tell its pool mode. A connection that fails
     * otherwise says nothing here (the command's own connection reports it, worded).
     */
    private static Probe probe(DatabaseUrl url) {
        if ("true".equalsIgnoreCase(url.params().get("pgbouncer"))) {
            return new Probe("the URL says pgbouncer=true", true);
        }
        Dialect dialect = Dialect.of(url.provider());
        try {
            // No named statements while probing: through a transaction pooler the driver's own COMMIT, prepared on
            // one backend, would collide with another connection's on the next ("S_1 already exists").
            return new Probe(dialect.transactionPooler(Connections.direct(url, true, false), url.port()).orElse(null), false);
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("unsupported startup parameter")) {
                return new Probe(null, false);
            }
        }
        try {
            return new Probe(dialect.transactionPooler(Connections.direct(url, true, true), url.port()).orElse(null), true);
        } catch (SQLException e) {
            return new Probe(null, true);
        }
    }
}
