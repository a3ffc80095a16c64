package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Prisma's {@code migrate reset}: everything in the schema dropped, every migration applied again. It
 * destroys all data, so the front end's guard (never on production, a yes or a flag) comes first: it reads
 * {@link #migrations} to say how many will run, asks, then calls {@link #reset}.
 */
public final class ResetWorkflow {
    private final Workspace workspace;
    private final Listener listener;

    public ResetWorkflow(Workspace workspace, Listener listener) {
        this.workspace = workspace;
        this.listener = listener;
    }

    /** The project's migrations folder (its warnings told). */
    public MigrationsFolder migrations() {
        return workspace.migrations(listener);
    }

    /** Empties the schema and applies {@code folder}'s migrations; {@code applying} is told about each. */
    public ApplyResult reset(MigrationsFolder folder, Duration lockTimeout, ApplyListener applying) {
        Target target = workspace.target();
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
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + target.dialect().quote(target.schema()) + "."
                            + target.dialect().quote("_prisma_migrations"));
                }
            }
        } catch (SQLException e) {
            throw new GodwitException(ErrorKind.RUNTIME, target.display() + ": emptying the schema: " + e.getMessage(), null, e);
        }
        listener.step("Dropped everything in " + target.display() + ".");
        ApplyResult result = new Migrator(target).apply(folder, lockTimeout, false, applying);
        listener.step("Applied " + result.applied().size() + " migration(s).");
        return result;
    }
}
