package dev.godwit.shell.command;

import dev.godwit.shell.session.CommandRoot;
import dev.godwit.engine.project.PrismaProjectAdoption;
import dev.godwit.engine.project.ProjectInitializer;
import dev.godwit.engine.Provider;
import dev.godwit.shell.session.Out;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Make a new godwit project in the current folder: godwit.toml, prisma/schema.prisma, an empty migrations folder;"
                + " in a Prisma 7 project (prisma.config.ts) only a godwit.toml that reads its settings from there.")
public final class InitCommand implements Callable<Integer> {
    @ParentCommand
    CommandRoot root;

    @Option(names = "--provider", defaultValue = "postgresql", description = "postgresql or mysql (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder to initialise (default: the current folder).")
    Path dir;

    @Override
    public Integer call() {
        Out out = root.out();
        Path target = dir != null ? dir : root.globals().projectDir() != null ? root.globals().projectDir() : Path.of("").toAbsolutePath();
        target = target.toAbsolutePath().normalize();
        if (PrismaProjectAdoption.candidate(target).isPresent()) {
            return adopt(out, target);
        }
        List<Path> created = ProjectInitializer.init(target, Provider.fromPrismaName(provider));
        for (Path p : created) {
            out.println("created " + target.relativize(p));
        }
        out.println("");
        out.println("Next: edit prisma/schema.prisma, or add migrations under prisma/migrations, then run `godwit status`.");
        out.println("With no database URL configured, godwit runs an embedded PostgreSQL for this project.");
        return 0;
    }

    /** A Prisma 7 project keeps its files: godwit.toml defers to its prisma.config.ts. */
    private int adopt(Out out, Path target) {
        PrismaProjectAdoption.Adoption a = PrismaProjectAdoption.adopt(target);
        out.println("Prisma project found: " + target.relativize(a.configFile()) + " (its files stay as they are)");
        out.println("  schema      " + target.relativize(a.schema()) + (Files.isDirectory(a.schema()) ? "/ (a folder of .prisma files)"
                : Files.exists(a.schema()) ? "" : " (not there yet)"));
        out.println("  migrations  " + target.relativize(a.migrations()) + (Files.isDirectory(a.migrations()) ? "" : " (not there yet)"));
        out.println("  seed        " + (a.seed() == null ? "none" : a.seed()));
        out.println("  database    " + (a.urlKey() == null ? "DATABASE_URL (environment or .env)" : a.urlKey() + " of the config"));
        for (Path p : a.created()) {
            out.println("created " + target.relativize(p));
        }
        out.println("");
        out.println("Next: `godwit status`.");
        return 0;
    }
}
