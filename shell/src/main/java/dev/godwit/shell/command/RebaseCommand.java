package dev.godwit.shell.command;

import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.plan.Rebase;
import dev.godwit.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.Instant;

@Command(name = "rebase", mixinStandardHelpOptions = true,
        description = {"Give an unapplied local migration a new timestamp after the newest one (teammates' came later).",
                "The folder is renamed, keeping its slug; its files stay as they are, so its checksum does too.",
                "Refused when the migration has a record in this database's history."})
public final class RebaseCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "The migration folder to move to the end of the history.")
    String name;

    @Override
    protected int run(Session session) {
        MigrationsFolder folder = session.migrations();
        String renamed = Rebase.rebase(folder, session.migrator().status(folder), name, Instant.now());
        if (renamed.equals(name)) {
            session.out().println(name + " is already the newest migration: nothing to do.");
            return 0;
        }
        session.out().println("Renamed " + name + " to " + renamed + " in " + folder.dir() + "; its SQL and checksum are unchanged.");
        session.out().note("only this database was checked: if another one (a teammate's, a staging server) applied " + name
                + ", it will list it as missing locally");
        return 0;
    }
}
