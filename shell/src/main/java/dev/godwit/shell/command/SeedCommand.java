package dev.godwit.shell.command;

import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Run the seed command of godwit.toml (seed = \"…\") in the project root, with DATABASE_URL set (Prisma's db seed).",
                "reset runs it too, after applying every migration."})
public final class SeedCommand extends SessionCommand {
    @picocli.CommandLine.Option(names = {"-y", "--yes"}, description = "On an environment marked production: run without asking.")
    boolean yes;

    @Override
    protected int run(Session session) {
        return ProjectHooks.seed(session, yes);
    }
}
