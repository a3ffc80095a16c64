package dev.godwit.shell.command;

import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;

@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Read the migrations and the database again (the shell's completions and prompt use what it finds).")
public final class RefreshCommand extends SessionCommand {
    @Override
    protected int run(Session session) {
        StatusReport r = session.migrator().status(session.migrations());
        session.out().println("Refreshed: " + r.summary());
        return 0;
    }
}
