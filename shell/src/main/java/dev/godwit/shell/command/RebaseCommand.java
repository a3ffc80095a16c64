package dev.godwit.shell.command;

import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.workflow.Rebase;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;

@Command(name = "rebase", mixinStandardHelpOptions = true,
        description = {"Give an unapplied local migration a new timestamp after the newest one (teammates' came later).",
                "The folder is renamed, keeping its slug; its files stay as they are, so its checksum does too.",
                "Unapplied migrations after it move with it, keeping their order.",
                "Refused when the migration has a record in this database's history."})
public final class RebaseCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "The migration folder to move to the end of the history.")
    String name;

    @Override
    protected int run(Session session) {
        MigrationsFolder folder = session.migrations();
        List<Rebase.Renamed> renamed = Rebase.rebase(folder, session.migrator().status(folder), name, Instant.now());
        if (renamed.isEmpty()) {
            session.out().println("Nothing this database holds sorts after " + name + ": nothing to do.");
            return 0;
        }
        for (Rebase.Renamed r : renamed) {
            session.out().println("Renamed " + r.from() + " to " + r.to() + "; its SQL and checksum are unchanged.");
        }
        if (renamed.size() > 1) {
            session.out().note("the unapplied migrations after " + name + " moved with it, in their order, since they may build on it");
        }
        session.out().note("only this database was checked: a database that already applied " + name + " would list it as missing "
                + "locally, and `godwit apply` there refuses the renamed copy");
        return 0;
    }
}
