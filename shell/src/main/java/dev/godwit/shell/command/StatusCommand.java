package dev.godwit.shell.command;

import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.shell.Session;
import dev.godwit.shell.render.StatusJson;
import dev.godwit.shell.render.StatusText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every migration's state: applied, pending, failed, rolled back, edited after apply, missing locally, out of order.",
                "Exit code 0 only when everything is applied and nothing is wrong; 3 otherwise."})
public final class StatusCommand extends SessionCommand {
    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    protected int run(Session session) {
        StatusReport report = session.migrator().status(session.migrations());
        if (json) {
            session.out().println(StatusJson.render(report));
        } else {
            new StatusText(session.out()).render(report);
        }
        return report.upToDate() ? 0 : 3;
    }
}
