package dev.godwit.engine.project;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.prismaconfig.PrismaConfig;
import dev.godwit.engine.prismaconfig.PrismaConfigReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code godwit init} in a Prisma 7 project: the project keeps its layout and its {@code prisma.config.ts};
 * godwit writes only a godwit.toml that defers to it (and the {@code .godwit/} line of .gitignore), and says
 * what it found.
 */
public final class PrismaProjectAdoption {
    /**
     * What was adopted.
     *
     * @param created    files written or changed
     * @param configFile the Prisma config file
     * @param schema     the schema it names (or Prisma's default)
     * @param migrations the migrations folder
     * @param seed       the seed command, or null
     * @param urlKey     the config key the database URL comes from, or null when the config gives none
     */
    public record Adoption(List<Path> created, Path configFile, Path schema, Path migrations, String seed, String urlKey) {
    }

    private PrismaProjectAdoption() {
    }

    /** The Prisma config file in {@code dir} when it is a Prisma 7 project that godwit.toml does not set up yet. */
    public static Optional<Path> candidate(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return Files.isRegularFile(root.resolve(GodwitConfig.FILE_NAME)) ? Optional.empty() : PrismaConfigReader.find(root);
    }

    /**
     * Writes godwit.toml for the Prisma 7 project in {@code dir}.
     *
     * @throws GodwitException USAGE when the config cannot be read or godwit.toml exists; RUNTIME on I/O failure
     */
    public static Adoption adopt(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Path toml = root.resolve(GodwitConfig.FILE_NAME);
        if (Files.exists(toml)) {
            throw new GodwitException(ErrorKind.USAGE, "cannot initialize: " + toml + " already exists",
                    "this directory already holds a godwit project");
        }
        Project project = Project.open(root);
        PrismaConfig config = project.prismaConfig().orElseThrow(() -> new GodwitException(ErrorKind.USAGE,
                "no Prisma config file in " + root, "run `godwit init` without one to create a new project"));
        Path schema = project.schemaFile();
        Path migrations = project.migrationsDir();
        String seed = project.seedCommand();
        String urlKey = config.migrationUrl().present() ? config.migrationUrl().key() : null;
        String name = project.displayName(config.file());
        List<Path> created = new ArrayList<>();
        try {
            Files.writeString(toml, toml(name, urlKey), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            created.add(toml);
            if (ProjectInitializer.addGitignoreEntry(root.resolve(".gitignore"))) {
                created.add(root.resolve(".gitignore"));
            }
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + toml + ": " + e.getMessage(), null, e);
        }
        return new Adoption(List.copyOf(created), config.file(), schema, migrations, seed, urlKey);
    }

    static String toml(String configName, String urlKey) {
        return "# godwit project configuration\n"
                + "#\n"
                + "# The schema, the migrations folder, the seed command and the database URLs come from\n"
                + "# " + configName + ", as Prisma reads them. A key set here wins over it, e.g.\n"
                + "#   [project] schema = \"…\", migrations = \"…\", seed = \"…\"\n"
                + "\n"
                + "[project]\n"
                + "default_env = \"dev\"\n"
                + "\n"
                + "[env.dev]\n"
                + (urlKey != null ? "# url: " + urlKey + " of " + configName + "\n"
                : "# url: DATABASE_URL (from the environment or .env)\n")
                + "production = false\n"
                + "\n"
                + "# [env.prod]\n"
                + "# url = \"env:PROD_DATABASE_URL\"\n"
                + "# production = true\n";
    }
}
