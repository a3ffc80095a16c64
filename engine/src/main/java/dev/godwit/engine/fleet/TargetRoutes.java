package dev.godwit.engine.fleet;

import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.PoolerRoute;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.UrlForm;
import dev.godwit.engine.project.ResolvedUrl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How each fleet target is reached, as a single command reaches its database: a server behind a pooler in
 * transaction mode is migrated through the direct URL when one is configured for it, else the target is marked as
 * behind the pooler (apply refuses it, reading works). The pooler is a property of the endpoint, so it is probed
 * once per server, database and user, not once per schema of a schema-per-tenant fleet.
 */
public final class TargetRoutes implements Function<FleetTarget, Target> {
    private final Function<DatabaseUrl, Optional<ResolvedUrl>> directOf;
    private final Consumer<String> note;
    private final Map<String, PoolerRoute> byEndpoint = new ConcurrentHashMap<>();

    /**
     * @param directOf the direct URL configured for a target's URL (the environment's, when the target is on
     *                 the environment's database), if any
     * @param note     told once per endpoint what was decided (a direct URL taken instead)
     */
    public TargetRoutes(Function<DatabaseUrl, Optional<ResolvedUrl>> directOf, Consumer<String> note) {
        this.directOf = directOf;
        this.note = note;
    }

    @Override
    public Target apply(FleetTarget t) {
        DatabaseUrl url = t.url();
        PoolerRoute route = byEndpoint.computeIfAbsent(endpoint(url), k -> {
            PoolerRoute r = PoolerRoute.decide(url, () -> directOf.apply(url));
            if (r.note() != null) {
                note.accept(r.note());
            }
            return r;
        });
        DatabaseUrl through = route.url().equals(url) || route.note() == null ? url
                : !UrlForm.of(url.provider()).schemasInDatabase() ? route.url().withDatabase(url.database())
                : FleetTargets.withSchema(route.url(), url.schema());
        PoolerRoute mine = new PoolerRoute(through, route.note(), route.pooler(), route.bareStartup());
        return mine.apply(Connections.target(through, mine.dataSource()));
    }

    /** The server, database and user of a URL: where a pooler sits, whatever the schema. */
    private static String endpoint(DatabaseUrl url) {
        return url.provider() + "://" + url.user() + "@" + url.host() + ":" + url.port() + "/" + url.database();
    }
}
