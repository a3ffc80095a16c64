package dev.godwit.engine.fleet;

import dev.godwit.engine.GodwitException;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.UrlForm;
import dev.godwit.engine.project.Environment;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.engine.project.SameDatabase;
import dev.godwit.engine.project.UrlResolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a single command learns of its database before it changes it, for every target of a fleet: which targets
 * are production databases (the rule of {@link ResolvedUrl#production()}), and which direct URL bypasses a pooler.
 */
public final class FleetGuards {
    private FleetGuards() {
    }

    /**
     * The production targets, each with the reason ("[env.prod] is marked production = true"). A target is
     * production when it reaches the database of a {@code production = true} environment; on PostgreSQL a tenant
     * schema counts when its database is that environment's: the environment's database holds the tenants.
     */
    public static Map<String, String> production(Project project, List<FleetTarget> targets, Map<String, String> processEnv) {
        List<ResolvedUrl> production = new ArrayList<>();
        for (Environment e : project.environments().values()) {
            if (e.production()) {
                resolve(project, e.name(), processEnv).ifPresent(production::add);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (FleetTarget t : targets) {
            for (ResolvedUrl p : production) {
                if (SameDatabase.same(sameSchema(t.url(), p.url()), p.url())) {
                    out.put(t.name(), "[env." + p.env().name() + "] is marked production = true");
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The direct URL configured for a target's URL, as a single command finds it: the environment's (direct_url,
     * the schema's directUrl, DIRECT_URL) when the target is on the environment's database; else none.
     */
    public static Optional<ResolvedUrl> directUrl(Project project, String envName, Map<String, String> processEnv, DatabaseUrl url) {
        Optional<ResolvedUrl> main = resolve(project, envName, processEnv);
        if (main.isEmpty() || !SameDatabase.same(sameSchema(url, main.get().url()), main.get().url())) {
            return Optional.empty();
        }
        return UrlResolver.resolveDirect(project, envName, processEnv);
    }

    private static Optional<ResolvedUrl> resolve(Project project, String envName, Map<String, String> processEnv) {
        try {
            return UrlResolver.resolve(project, null, envName, processEnv);
        } catch (GodwitException unreadable) {
            // an environment whose URL cannot be found here (an unset variable) cannot be compared
            return Optional.empty();
        }
    }

    /** {@code url} with the schema of {@code like}, so that two URLs compare by database (where a database holds schemas). */
    private static DatabaseUrl sameSchema(DatabaseUrl url, DatabaseUrl like) {
        return UrlForm.of(url.provider()).schemasInDatabase() ? FleetTargets.withSchema(url, like.schema()) : url;
    }
}
