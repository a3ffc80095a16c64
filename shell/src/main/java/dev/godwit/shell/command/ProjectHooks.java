package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.project.ProjectCommandRunner;
import dev.godwit.shell.session.Session;

import java.util.List;
import java.util.Map;

/**
 * The project's own commands: {@code generate} from godwit.toml after dev (where Prisma runs its
 * client generators) and {@code seed} (godwit.toml's, else the Prisma config's {@code migrations.seed}) after reset. They run in the project root with
 * {@code DATABASE_URL} in their environment, which is what Prisma seed scripts read; the URL is
 * never printed, and their output passes through the same password masking as godwit's own.
 */
final class ProjectHooks {
    private ProjectHooks() {
    }

    /** Runs every generate command, stopping at the first that fails; {@code applied} names what dev left applied. */
    static int afterDev(Session session, boolean skip, String applied) {
        List<String> commands = session.project().config().generate();
        if (commands.isEmpty()) {
            return 0;
        }
        if (skip) {
            session.out().note("--skip-generate: not running the " + commands.size() + " generate command(s)");
            return 0;
        }
        for (String command : commands) {
            run(session, "generate", command, applied == null
                    ? "the database was already up to date; fix the command and run `godwit dev` again"
                    : applied + " stays applied; fix the command and run `godwit dev` again (it runs the generate commands"
                            + " even when there is nothing new to apply)");
        }
        return 0;
    }

    /** Runs the seed command after a reset, unless skipped. */
    static int afterReset(Session session, boolean skip) {
        String seed = session.project().seedCommand();
        if (seed == null) {
            return 0;
        }
        if (skip) {
            session.out().note("--skip-seed: not running the seed command");
            return 0;
        }
        run(session, "seed", seed, "the database was reset and every migration is applied; fix the seed and run `godwit seed`");
        return 0;
    }

    /** Runs the seed command on its own (`godwit seed`); a production database must be named first. */
    static int seed(Session session, boolean yes) {
        String seed = session.project().seedCommand();
        if (seed == null) {
            throw new GodwitException(ErrorKind.USAGE, "no seed command: neither " + session.project().configFile()
                            + " has seed = \"…\" nor a Prisma config file migrations.seed",
                    "add e.g. seed = \"node prisma/seed.js\" to the [project] table of godwit.toml, or migrations: { seed: \"…\" } to prisma.config.ts");
        }
        // a seed writes data: on production it is as serious as any other write, elsewhere it is the point of the command
        if (!Confirmation.askOnProduction(session, "run the seed command `" + seed + "`", yes)) {
            return 3;
        }
        run(session, "seed", seed, "fix the seed command and run it again");
        return 0;
    }

    private static void run(Session session, String kind, String command, String hintOnFailure) {
        session.out().note("running " + kind + " command `" + command + "`");
        Map<String, String> env = Map.of("DATABASE_URL", session.resolvedUrl().url().prismaUrl());
        int code = ProjectCommandRunner.run(command, session.project().root(), env, session.out()::println);
        if (code != 0) {
            throw new GodwitException(ErrorKind.RUNTIME, kind + " command `" + command + "` failed with exit code " + code, hintOnFailure);
        }
    }
}
