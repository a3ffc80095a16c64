package dev.godwit.engine.shadow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A scratch database that migrations are replayed into, so that their result can be read
 * back as a schema. Closing it removes what it created: a temporary database is dropped, an
 * embedded server stopped; a configured one is left as it is (it is emptied before each use).
 * A shutdown hook does the same when the JVM exits first (Ctrl-C).
 */
public final class ShadowDatabase implements AutoCloseable {

    public enum Kind { CONFIGURED, TEMPORARY, EMBEDDED }

    private final Kind kind;
    private final Target target;
    private final String description;
    private final Runnable cleanup;
    private final Thread shutdownHook;
    private boolean closed;

    ShadowDatabase(Kind kind, Target target, String description, Runnable cleanup) {
        this.kind = kind;
        this.target = target;
        this.description = description;
        this.cleanup = cleanup;
        this.shutdownHook = new Thread(cleanup, "godwit-shadow-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public Kind kind() {
        return kind;
    }

    public Target target() {
        return target;
    }

    /** Which shadow this is, for users: "temporary database godwit_shadow_… on host:5432 (dropped afterwards)". */
    public String describe() {
        return description;
    }

    public void replay(MigrationsFolder folder) {
        replay(folder.migrations());
    }

    /** Runs the migrations in order; the first failing statement stops it with the migration, statement and error. */
    public void replay(List<LocalMigration> migrations) {
        try (Connection c = connect()) {
            Replayer replayer = new Replayer(target, c, description);
            for (LocalMigration m : migrations) {
                replayer.run(m);
            }
        } catch (SQLException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "shadow database (" + description + "): " + e.getMessage(), null, e);
        }
    }

    /** What the shadow holds now. */
    public Schema inspect() {
        return inspect(List.of());
    }

    /** What the shadow holds now in the database schemas of a multi-schema model (none: its one schema). */
    public Schema inspect(List<String> namespaces) {
        try (Connection c = connect()) {
            return target.dialect().inspector().inspect(c, target.schema(), namespaces);
        } catch (SQLException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "reading the shadow database (" + description + "): " + e.getMessage(), null, e);
        }
    }

    private Connection connect() {
        try {
            Connection c = target.dataSource().getConnection();
            c.setAutoCommit(true);
            target.dialect().prepareSession(c, target.schema());
            return c;
        } catch (SQLException e) {
            throw target.dialect().connectionFailure(e, target.display() + " (shadow database)");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the cleanup.
            return;
        }
        cleanup.run();
    }
}
