package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "use", mixinStandardHelpOptions = true,
        description = "Switch to another environment of the project (see `envs`); later commands work on its database.")
public final class UseCommand extends SessionCommand {
    @Parameters(paramLabel = "ENV", description = "Environment name from godwit.toml.")
    String env;

    @Override
    protected int run(Session session) {
        var project = session.project();
        if (project.environment(env).isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, "no environment \"" + env + "\" in " + project.configFile(),
                    "environments: " + String.join(", ", project.environments().keySet()));
        }
        Switching.switchTo(session, session.options().withTarget(project.root(), env, null), "Using environment " + env);
        return 0;
    }
}
