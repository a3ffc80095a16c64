package dev.godwit.engine.project;

import dev.godwit.engine.Provider;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.prismaconfig.PrismaConfig;
import dev.godwit.engine.prismaconfig.PrismaConfigReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A godwit project: a directory holding {@code godwit.toml}, a Prisma config file ({@code prisma.config.ts}
 * and its kin, see {@link PrismaConfigReader}) and/or {@code prisma/schema.prisma}.
 * The .env file, the Prisma config file and the schema's datasource block are read lazily, once.
 *
 * <p>Settings come from godwit.toml first, then from the Prisma config file, then from Prisma's defaults:
 * the schema is {@code schema.prisma}, else {@code prisma/schema.prisma}; the migrations folder is
 * {@code migrations} beside the schema file (inside a schema folder), as Prisma 7 places it.
 */
public final class Project {
    public static final String SCHEMA_MARKER = "prisma/schema.prisma";
    public static final String DOT_ENV = ".env";

    private final Path root;
    private final GodwitConfig config;
    private Map<String, String> dotEnv;
    private Optional<SchemaDatasource> datasource;
    private Optional<PrismaConfig> prismaConfig;

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
        return Files.isRegularFile(dir.resolve(GodwitConfig.FILE_NAME)) || Files.isRegularFile(dir.resolve(SCHEMA_MARKER))
                || PrismaConfigReader.find(dir).isPresent();
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

    /**
     * The schema (a file, or a folder of .prisma files) named by godwit.toml, else by the Prisma config file,
     * else Prisma's default: {@code schema.prisma} when the project root has one, else {@code prisma/schema.prisma}
     * (which may not exist yet).
     */
    public Path schemaFile() {
        if (config.schemaGiven()) {
            return root.resolve(config.schema()).normalize();
        }
        Optional<Path> fromPrisma = prismaConfig().flatMap(c -> c.schema().get());
        if (fromPrisma.isPresent()) {
            return fromPrisma.get().normalize();
        }
        Path atRoot = root.resolve("schema.prisma");
        return Files.isRegularFile(atRoot) ? atRoot : root.resolve(config.schema()).normalize();
    }

    /**
     * The migrations directory named by godwit.toml, else by the Prisma config file, else {@code migrations}
     * where Prisma puts it: beside the schema file, or inside the schema folder (which may not exist yet).
     */
    public Path migrationsDir() {
        if (config.migrationsGiven()) {
            return root.resolve(config.migrations()).normalize();
        }
        Optional<Path> fromPrisma = prismaConfig().flatMap(c -> c.migrations().get());
        if (fromPrisma.isPresent()) {
            return fromPrisma.get().normalize();
        }
        Path schema = schemaFile();
        return (Files.isDirectory(schema) ? schema : schema.getParent()).resolve("migrations").normalize();
    }

    /** The seed command: {@code seed} of godwit.toml, else {@code migrations.seed} of the Prisma config file; or null. */
    public String seedCommand() {
        if (config.seed() != null) {
            return config.seed();
        }
        return prismaConfig().flatMap(c -> c.seed().get()).orElse(null);
    }

    /** Where the seed command is set, for messages: godwit.toml, or the Prisma config file. */
    public String seedSource() {
        if (config.seed() == null && prismaConfig().map(c -> c.seed().present()).orElse(false)) {
            return displayName(prismaConfig().get().file()) + " migrations.seed";
        }
        return GodwitConfig.FILE_NAME + " seed";
    }

    /**
     * The project's Prisma config file read with the process environment, or empty when there is none.
     *
     * @throws GodwitException USAGE when it cannot be read at all (no export, the export is no object)
     */
    public synchronized Optional<PrismaConfig> prismaConfig() {
        if (prismaConfig == null) {
            prismaConfig = PrismaConfigReader.find(root).map(f -> PrismaConfigReader.read(f, root, System.getenv(), DotEnv::read));
        }
        return prismaConfig;
    }

    /** The Prisma config file read with {@code env} as the process environment (for URL resolution). */
    public Optional<PrismaConfig> prismaConfig(Map<String, String> env) {
        if (env == null || env == System.getenv()) {
            return prismaConfig();
        }
        return PrismaConfigReader.find(root).map(f -> PrismaConfigReader.read(f, root, env, DotEnv::read));
    }

    /** A path for messages: relative to the project root when inside it. */
    public String displayName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
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
                        : dev.godwit.engine.TextFiles.readUtf8(file));
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

    /** The datasource's {@code schemas} (several database schemas), or empty. */
    public java.util.List<String> schemaNamespaces() {
        return schemaDatasource().map(SchemaDatasource::schemas).orElse(java.util.List.of());
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
