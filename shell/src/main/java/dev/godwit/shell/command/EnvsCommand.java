package dev.godwit.shell.command;

import dev.godwit.engine.project.Environment;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.engine.project.Secrets;
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
        String inUse = inUse(session, current, p);
        int width = p.environments().keySet().stream().mapToInt(String::length).max().orElse(4);
        for (Environment e : p.environments().values()) {
            String url = e.url() == null ? "(embedded PostgreSQL)" : Environment.envVarOf(e.url()) != null
                    ? "from $" + Environment.envVarOf(e.url()) : Secrets.maskUrl(e.url());
            out.println((e.name().equals(inUse) ? "* " : "  ") + e.name() + " ".repeat(width - e.name().length()) + "  "
                    + url + (e.production() ? "  " + out.style(Out.Style.RED_BOLD, "PRODUCTION") : ""));
        }
        if (current != null) {
            out.println("in use: " + current.url().display() + " (" + current.source() + ")");
        }
        return 0;
    }

    /**
     * The environment whose database the session is on: none when that database came from
     * {@code --url} or {@code connect}, whatever the default environment is.
     */
    private static String inUse(Session session, ResolvedUrl current, Project p) {
        String selected = session.options().env() != null ? session.options().env() : p.defaultEnvName();
        if (current == null) {
            return selected; // not connected yet: the one the next command will use
        }
        if (current.env() != null && !"--url".equals(current.source())) {
            return current.env().name();
        }
        if (session.embedded() && selected != null && p.environment(selected).map(e -> e.url() == null).orElse(false)) {
            return selected; // an environment without a URL is the embedded server
        }
        return null;
    }
}
