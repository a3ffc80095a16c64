package dev.godwit.shell.command;

import dev.godwit.engine.project.Environment;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.engine.Secrets;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.Out;
import picocli.CommandLine.Command;

@Command(name = "envs", mixinStandardHelpOptions = true,
        description = "List the project's environments (from godwit.toml); '*' marks the one in use.")
public final class EnvsCommand extends SessionCommand {
    @Override
    protected int run(Session session) {
        Out out = session.out();
        Project p = session.project();
        if (p.environments().isEmpty()) {
            out.println("No environments in " + p.configFile() + "; the database comes from DATABASE_URL, .env or the schema.");
            return 0;
        }
        ResolvedUrl current = session.resolvedIfKnown();
        String inUse = current != null && current.env() != null ? current.env().name()
                : session.options().env() != null ? session.options().env() : p.defaultEnvName();
        int width = p.environments().keySet().stream().mapToInt(String::length).max().orElse(4);
        for (Environment e : p.environments().values()) {
            String url = e.url() == null ? "(embedded PostgreSQL)" : Environment.envVarOf(e.url()) != null
                    ? "from $" + Environment.envVarOf(e.url()) : Secrets.maskUrl(e.url());
            out.println((e.name().equals(inUse) ? "* " : "  ") + e.name() + " ".repeat(width - e.name().length()) + "  "
                    + url + (e.production() ? "  " + out.style(Out.Style.RED_BOLD, "PRODUCTION") : ""));
        }
        return 0;
    }
}
