package dev.godwit.engine.project;

import dev.godwit.engine.Provider;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A godwit project: a directory holding {@code godwit.toml} and/or {@code prisma/schema.prisma}.
 * The .env file and the schema's datasource block are read lazily, once.
 */
public final class Project {
    public static final String SCHEMA_MARKER = "prisma/schema.prisma";
    public static final String DOT_ENV = ".env";

    private final Path root;
    private final GodwitConfig config;
    private Map<String, String> dotEnv;
    private Optional<SchemaDatasource> datasource;

    private Project(Path root, GodwitConfig config) {
        this.root = root;
        this.config = config;
    }

    /**
     * Finds the project containing {@code startDir}: the nearest directory, walking up to the file-system root,
     * that holds godwit.toml or prisma/schema.prisma.
     *
     * @throws GodwitException USAGE when there is none
     */
    public static Project locate(Path startDir) {
        Path start = startDir.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isProjectDir(dir)) {
                return load(dir);
            }
        }
        throw new GodwitException(ErrorKind.USAGE, "no godwit project found in " + start + " or any parent",
                "run `godwit init` to create one, or pass --project DIR");
    }

    /**
     * Opens the project in exactly {@code dir} (for {@code --project DIR}).
     *
     * @throws GodwitException USAGE when dir does not exist or holds neither godwit.toml nor prisma/schema.prisma
     */
    public static Project open(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new GodwitException(ErrorKind.USAGE, "project directory " + d + " does not exist",
                    "pass the directory that holds godwit.toml or prisma/schema.prisma");
        }
        if (!isProjectDir(d)) {
            throw new GodwitException(ErrorKind.USAGE, "no godwit project in " + d
                    + " (neither " + GodwitConfig.FILE_NAME + " nor " + SCHEMA_MARKER + " is there)",
                    "run `godwit init` there to create one");
        }
        return load(d);
    }

    private static boolean isProjectDir(Path dir) {
        return Files.isRegularFile(dir.resolve(GodwitConfig.FILE_NAME)) || Files.isRegularFile(dir.resolve(SCHEMA_MARKER));
    }

    private static Project load(Path dir) {
        Path toml = dir.resolve(GodwitConfig.FILE_NAME);
        GodwitConfig config = Files.isRegularFile(toml) ? GodwitConfig.read(toml) : GodwitConfig.defaults();
        return new Project(dir, config);
    }

    /** The project directory, absolute and normalized. */
    public Path root() {
        return root;
    }

    public GodwitConfig config() {
        return config;
    }

    /** The godwit.toml path (which may not exist). */
    public Path configFile() {
        return root.resolve(GodwitConfig.FILE_NAME);
    }

    /** The schema file named by the configuration (which may not exist yet). */
    public Path schemaFile() {
        return root.resolve(config.schema()).normalize();
    }

    /** The migrations directory named by the configuration (which may not exist yet). */
    public Path migrationsDir() {
        return root.resolve(config.migrations()).normalize();
    }

    /** The {@code [env.*]} tables in file order. */
    public Map<String, Environment> environments() {
        return config.environments();
    }

    public Optional<Environment> environment(String name) {
        return Optional.ofNullable(config.environments().get(name));
    }

    /** {@code project.default_env}; else "dev" when defined; else the only environment; else null. */
    public String defaultEnvName() {
        if (config.defaultEnv() != null) {
            return config.defaultEnv();
        }
        Map<String, Environment> envs = config.environments();
        if (envs.containsKey("dev")) {
            return "dev";
        }
        if (envs.size() == 1) {
            return envs.keySet().iterator().next();
        }
        return null;
    }

    /** The .env file of the project root. */
    public Path dotEnvFile() {
        return root.resolve(DOT_ENV);
    }

    /** The variables of the project root's .env (empty when there is none). */
    public synchronized Map<String, String> dotEnv() {
        if (dotEnv == null) {
            dotEnv = DotEnv.read(dotEnvFile());
        }
        return dotEnv;
    }

    /** The datasource block of the schema file, or empty when the file or the block is missing. */
    public synchronized Optional<SchemaDatasource> schemaDatasource() {
        if (datasource == null) {
            Path file = schemaFile();
            try {
                datasource = SchemaDatasource.parse(Files.isDirectory(file) ? dev.godwit.engine.psl.SchemaFiles.text(file)
                        : Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                datasource = Optional.empty();
            } catch (IOException e) {
                throw new GodwitException(ErrorKind.RUNTIME, "cannot read " + file + ": " + e.getMessage(), null, e);
            }
        }
        return datasource;
    }

    /**
     * The provider of the schema's datasource, or empty when there is none.
     *
     * @throws GodwitException USAGE for a provider godwit does not support (e.g. "sqlite")
     */
    public Optional<Provider> schemaProvider() {
        return schemaDatasource().map(SchemaDatasource::provider).map(Provider::fromPrismaName);
    }

    /** The variable of the datasource's migration URL ({@code directUrl}, else {@code url}) when it is {@code env("VAR")}. */
    public Optional<String> schemaUrlEnvVar() {
        return schemaDatasource().map(SchemaDatasource::migrationUrl).map(SchemaDatasource.Value::envVar);
    }

    /** The datasource's migration URL ({@code directUrl}, else {@code url}) when it is a string literal. */
    public Optional<String> schemaUrlLiteral() {
        return schemaDatasource().map(SchemaDatasource::migrationUrl).map(SchemaDatasource.Value::literal);
    }

    @Override
    public String toString() {
        return "Project[" + root + "]";
    }
}
