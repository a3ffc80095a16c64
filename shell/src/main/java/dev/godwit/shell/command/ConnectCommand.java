package dev.godwit.shell.command;

import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.Secrets;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Work on another database, given by URL (e.g. postgresql://user:password@host:5432/db?schema=public).",
                "The password never reaches the screen or the history file."})
public final class ConnectCommand extends SessionCommand {
    @Parameters(paramLabel = "URL", description = "Database URL, postgresql://… or mysql://…")
    String url;

    @Override
    protected int run(Session session) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        Secrets.register(parsed.password());
        var project = session.options().projectDir();
        Switching.switchTo(session, session.options().withTarget(project, null, url), "Connected to");
        return 0;
    }
}
