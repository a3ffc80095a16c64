package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Drop everything in the project's schema, apply every migration again, then run godwit.toml's seed command (Prisma's migrate reset).",
                "Asks first (default no); without a terminal it needs --force. Always refused on a production environment."})
public final class ResetCommand extends SessionCommand {
    @Option(names = {"-f", "--force"}, description = "Do not ask (needed without a terminal).")
    boolean force;

    @Option(names = "--skip-seed", description = "Do not run the seed command of godwit.toml afterwards.")
    boolean skipSeed;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the migration lock.")
    int lockTimeoutSeconds;

    @Override
    protected int run(Session session) {
        Confirmation.refuseOnProduction(session, "reset (drop every table and all data)",
                "reset a development database instead (--env NAME)");
        Target target = session.target();
        MigrationsFolder folder = session.migrations();
        if (!Confirmation.confirm(session, "reset drops every table and all data in " + target.display(), "Drop everything in "
                + target.display() + " and apply the " + folder.migrations().size() + " migration(s) again? All data will be lost.",
                force, "--force")) {
            session.out().println("Nothing changed.");
            return 3;
        }
        try (Connection c = target.dataSource().getConnection()) {
            c.setAutoCommit(true);
            if (target.namespaces().isEmpty()) {
                target.dialect().serverAdmin().emptySchema(c, target.schema());
            } else {
                // several database schemas: as Prisma, drop the listed schemas and the history table; the rest of the
                // URL's schema, when it is not listed, is not the project's
                for (String namespace : target.namespaces()) {
                    target.dialect().serverAdmin().emptySchema(c, namespace);
                }
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + target.dialect().quote(target.schema()) + "."
                            + target.dialect().quote("_prisma_migrations"));
                }
            }
        } catch (SQLException e) {
            throw new GodwitException(ErrorKind.RUNTIME, target.display() + ": emptying the schema: " + e.getMessage(), null, e);
        }
        session.out().println("Dropped everything in " + target.display() + ".");
        ApplyResult result = session.migrator().apply(folder, Duration.ofSeconds(lockTimeoutSeconds), false,
                new ApplyCommand.Progress(session.out()));
        session.out().println("Applied " + result.applied().size() + " migration(s).");
        return ProjectHooks.afterReset(session, skipSeed);
    }
}
