package dev.godwit.engine.project;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.prismaconfig.PrismaConfig;

import java.util.Map;
import java.util.Optional;

/**
 * Decides which database a command talks to. The first source that yields a URL wins:
 * <ol>
 *   <li>the {@code --url} option;</li>
 *   <li>the {@code url} of the selected environment ({@code --env NAME}, else the project's
 *       {@link Project#defaultEnvName() default}); {@code env:VAR} is looked up in the process environment,
 *       then in the project's .env, and must be set; an environment without a url passes on to the next source;</li>
 *   <li>the Prisma config file's {@code datasource.directUrl}, else {@code datasource.url} (Prisma 7 keeps the
 *       URL there; {@code env("X")} and {@code process.env.X} are looked up in the process environment, then .env);</li>
 *   <li>{@code DATABASE_URL} in the process environment;</li>
 *   <li>{@code DATABASE_URL} in the project's .env;</li>
 *   <li>the schema's datasource ({@code directUrl}, else {@code url}): {@code env("VAR")} looked up in the
 *       process environment, then .env (unset means no URL from this source), or a string literal.</li>
 * </ol>
 * When nothing yields a URL the result is empty, and the caller may start an embedded database.
 * The selected environment is attached to the result whatever source the URL came from, so that its
 * {@code production} flag applies; with {@code --url} it is attached only when {@code --env} names it.
 * Whatever the source, a URL that reaches the database of a {@code production = true} environment
 * ({@link SameDatabase}) is production too.
 */
public final class UrlResolver {
    public static final String DATABASE_URL = "DATABASE_URL";
    /** The variable Prisma's documentation names for the URL that bypasses a pooler. */
    public static final String DIRECT_URL = "DIRECT_URL";

    private UrlResolver() {
    }

    /**
     * @param project    the project, or null when running without one
     * @param cliUrl     the {@code --url} value, or null
     * @param envName    the {@code --env} value, or null for the project's default
     * @param processEnv the process environment (null: {@link System#getenv()})
     * @throws GodwitException USAGE for an unknown environment, an unset {@code env:VAR}, or a malformed URL
     *                         (whose message names the source)
     */
    public static Optional<ResolvedUrl> resolve(Project project, String cliUrl, String envName,
                                                Map<String, String> processEnv) {
        Optional<ResolvedUrl> found = resolveNamed(project, cliUrl, envName, processEnv);
        if (found.isEmpty() || found.get().production() || project == null) {
            return found;
        }
        ResolvedUrl r = found.get();
        String productionOf = productionEnvironmentOf(project, r.url(), processEnv);
        return productionOf == null ? found : Optional.of(new ResolvedUrl(r.url(), r.source(), r.env(), productionOf));
    }

    /**
     * The name of a {@code production = true} environment whose database {@code url} reaches, or null. An
     * environment whose URL cannot be found here (an unset variable) or parsed cannot be compared and is skipped.
     */
    public static String productionEnvironmentOf(Project project, DatabaseUrl url, Map<String, String> processEnv) {
        if (project == null) {
            return null;
        }
        for (Environment e : project.environments().values()) {
            if (!e.production()) {
                continue;
            }
            Optional<ResolvedUrl> theirs;
            try {
                theirs = resolveNamed(project, null, e.name(), processEnv);
            } catch (GodwitException unreadable) {
                continue;
            }
            if (theirs.isPresent() && SameDatabase.same(url, theirs.get().url())) {
                return e.name();
            }
        }
        return null;
    }

    private static Optional<ResolvedUrl> resolveNamed(Project project, String cliUrl, String envName,
                                                      Map<String, String> processEnv) {
        Map<String, String> penv = processEnv == null ? System.getenv() : processEnv;
        Environment env = selectEnvironment(project, envName);
        if (!isBlank(cliUrl)) {
            return Optional.of(new ResolvedUrl(parse(cliUrl, "--url"), "--url", envName != null ? env : null));
        }
        if (env != null && env.url() != null) {
            String source = GodwitConfig.FILE_NAME + " [env." + env.name() + "]";
            String value = envValue(env.url(), "[env." + env.name() + "] url", project, penv);
            return Optional.of(new ResolvedUrl(parse(value, source), source, env));
        }
        Optional<PrismaConfig> prisma = project == null ? Optional.empty() : project.prismaConfig(processEnv);
        if (prisma.isPresent()) {
            PrismaConfig.Setting<String> setting = prisma.get().migrationUrl();
            Optional<String> value = setting.get();
            if (value.isPresent()) {
                String source = project.displayName(prisma.get().file()) + " " + setting.key();
                return Optional.of(new ResolvedUrl(parse(value.get(), source), source, env));
            }
        }
        String fromProcess = penv.get(DATABASE_URL);
        if (!isBlank(fromProcess)) {
            return Optional.of(new ResolvedUrl(parse(fromProcess, DATABASE_URL), DATABASE_URL, env));
        }
        if (project == null) {
            return Optional.empty();
        }
        String fromDotEnv = project.dotEnv().get(DATABASE_URL);
        if (!isBlank(fromDotEnv)) {
            return Optional.of(new ResolvedUrl(parse(fromDotEnv, Project.DOT_ENV), Project.DOT_ENV, env));
        }
        String source = "schema.prisma datasource";
        return schemaValue(project, project.schemaDatasource().map(SchemaDatasource::migrationUrl).orElse(null), penv)
                .map(v -> new ResolvedUrl(parse(v, source), source, env));
    }

    /**
     * The shadow database URL: {@code cliShadowUrl}; else the selected environment's {@code shadow_url}
     * ({@code env:VAR} must be set); else the Prisma config file's {@code datasource.shadowDatabaseUrl}; else the
     * schema datasource's {@code shadowDatabaseUrl}. Empty when none.
     */
    public static Optional<DatabaseUrl> resolveShadow(Project project, String cliShadowUrl, String envName,
                                                      Map<String, String> processEnv) {
        Map<String, String> penv = processEnv == null ? System.getenv() : processEnv;
        Environment env = selectEnvironment(project, envName);
        if (!isBlank(cliShadowUrl)) {
            return Optional.of(parse(cliShadowUrl, "--shadow-url"));
        }
        if (env != null && env.shadowUrl() != null) {
            String value = envValue(env.shadowUrl(), "[env." + env.name() + "] shadow_url", project, penv);
            return Optional.of(parse(value, GodwitConfig.FILE_NAME + " [env." + env.name() + "] shadow_url"));
        }
        if (project == null) {
            return Optional.empty();
        }
        Optional<PrismaConfig> prisma = project.prismaConfig(processEnv);
        if (prisma.isPresent()) {
            Optional<String> value = prisma.get().shadowDatabaseUrl().get();
            if (value.isPresent()) {
                return Optional.of(parse(value.get(), project.displayName(prisma.get().file()) + " datasource.shadowDatabaseUrl"));
            }
        }
        return schemaValue(project,
                project.schemaDatasource().map(SchemaDatasource::shadowDatabaseUrl).orElse(null), penv)
                .map(v -> parse(v, "schema.prisma datasource shadowDatabaseUrl"));
    }

    /**
     * The URL that reaches the database without a pooler in between, for when the resolved one goes through a
     * pooler in transaction mode: the selected environment's {@code direct_url} ({@code env:VAR} must be set); else
     * the schema datasource's {@code directUrl}; else {@code DIRECT_URL} in the process environment or .env.
     */
    public static Optional<ResolvedUrl> resolveDirect(Project project, String envName, Map<String, String> processEnv) {
        Map<String, String> penv = processEnv == null ? System.getenv() : processEnv;
        Environment env = selectEnvironment(project, envName);
        if (env != null && env.directUrl() != null) {
            String source = GodwitConfig.FILE_NAME + " [env." + env.name() + "] direct_url";
            return Optional.of(new ResolvedUrl(parse(envValue(env.directUrl(), "[env." + env.name() + "] direct_url", project, penv), source), source, env));
        }
        if (project != null) {
            Optional<String> fromSchema = schemaValue(project, project.schemaDatasource().map(SchemaDatasource::directUrl).orElse(null), penv);
            if (fromSchema.isPresent()) {
                String source = "schema.prisma datasource directUrl";
                return Optional.of(new ResolvedUrl(parse(fromSchema.get(), source), source, env));
            }
        }
        String fromEnv = lookup(DIRECT_URL, project, penv);
        return isBlank(fromEnv) ? Optional.empty() : Optional.of(new ResolvedUrl(parse(fromEnv, DIRECT_URL), DIRECT_URL, env));
    }

    /**
     * The environment a command works on: {@code envName} (which must exist), else the project's default, else null.
     */
    public static Environment selectEnvironment(Project project, String envName) {
        if (envName != null) {
            Optional<Environment> env = project == null ? Optional.empty() : project.environment(envName);
            return env.orElseThrow(() -> new GodwitException(ErrorKind.USAGE,
                    "unknown environment \"" + envName + "\"",
                    project == null || project.environments().isEmpty()
                            ? "no environments are defined; add an [env." + envName + "] table to godwit.toml"
                            : "known environments: " + String.join(", ", project.environments().keySet())));
        }
        if (project == null) {
            return null;
        }
        String name = project.defaultEnvName();
        return name == null ? null : project.environments().get(name);
    }

    private static String envValue(String value, String what, Project project, Map<String, String> penv) {
        String var = Environment.envVarOf(value);
        if (var == null) {
            return value;
        }
        String v = lookup(var, project, penv);
        if (isBlank(v)) {
            throw new GodwitException(ErrorKind.USAGE,
                    "environment variable " + var + " is not set (" + what + " in " + project.configFile()
                            + " refers to it)",
                    "set " + var + " in your shell or in " + project.dotEnvFile());
        }
        return v;
    }

    private static Optional<String> schemaValue(Project project, SchemaDatasource.Value value,
                                                Map<String, String> penv) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.literal() != null) {
            return isBlank(value.literal()) ? Optional.empty() : Optional.of(value.literal());
        }
        String v = lookup(value.envVar(), project, penv);
        return isBlank(v) ? Optional.empty() : Optional.of(v);
    }

    private static String lookup(String var, Project project, Map<String, String> penv) {
        String v = penv.get(var);
        if (isBlank(v) && project != null) {
            v = project.dotEnv().get(var);
        }
        return v;
    }

    private static DatabaseUrl parse(String value, String source) {
        try {
            return DatabaseUrl.parse(value);
        } catch (GodwitException e) {
            throw new GodwitException(e.kind(), e.getMessage() + " [from " + source + "]", e.hint(), e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
