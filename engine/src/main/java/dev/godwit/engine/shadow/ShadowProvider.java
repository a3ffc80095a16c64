package dev.godwit.engine.shadow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.dialect.ServerAdmin;
import dev.godwit.engine.embedded.EmbeddedServer;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.UrlForm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Chooses the shadow database, in Prisma's order: the configured shadow URL; else a temporary
 * database on the main server; else (PostgreSQL, when the login may not create databases) a
 * throwaway embedded PostgreSQL.
 */
public final class ShadowProvider {
    public static final String TEMPORARY_PREFIX = "godwit_shadow_";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private ShadowProvider() {
    }

    /**
     * @param main       the database whose server hosts a temporary shadow (never written to)
     * @param configured the environment's shadow URL, if any
     */
    public static ShadowDatabase open(DatabaseUrl main, Optional<DatabaseUrl> configured) {
        return open(main, configured, java.util.List.of());
    }

    /**
     * As above for a model of several database schemas: a configured shadow is emptied in each of {@code namespaces}
     * too, so that the replay finds none of them left over from the last use.
     */
    public static ShadowDatabase open(DatabaseUrl main, Optional<DatabaseUrl> configured, java.util.List<String> namespaces) {
        if (configured.isPresent()) {
            return configured(main, configured.get(), namespaces);
        }
        return temporary(main);
    }

    /** Whether two URLs name the same database on the same server (the schema does not matter). */
    public static boolean sameDatabase(DatabaseUrl a, DatabaseUrl b) {
        return a.provider() == b.provider() && host(a).equals(host(b)) && a.port() == b.port()
                && String.valueOf(a.database()).equals(String.valueOf(b.database()));
    }

    private static String host(DatabaseUrl u) {
        String h = u.host() == null ? "localhost" : u.host().toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(h) ? "localhost" : h;
    }

    private static ShadowDatabase configured(DatabaseUrl main, DatabaseUrl shadow, java.util.List<String> namespaces) {
        if (sameDatabase(main, shadow)) {
            throw new GodwitException(ErrorKind.USAGE, "the shadow database URL names the main database (" + shadow.display()
                    + "); godwit empties the shadow database before each use",
                    "point shadow_url at a separate, disposable database");
        }
        if (shadow.provider() != main.provider()) {
            throw new GodwitException(ErrorKind.USAGE, "the shadow database is " + shadow.provider().prismaName()
                    + " but the main database is " + main.provider().prismaName(), "use a shadow database of the same kind");
        }
        Target target = Connections.target(shadow, Connections.direct(shadow));
        ServerAdmin admin = target.dialect().serverAdmin();
        try (Connection c = target.dataSource().getConnection()) {
            admin.createSchemaIfMissing(c, target.schema());
            admin.emptySchema(c, target.schema());
            for (String namespace : namespaces) {
                admin.emptySchema(c, namespace);
            }
        } catch (SQLException e) {
            throw failure(target, "emptying the configured shadow database " + shadow.display(), e);
        }
        return new ShadowDatabase(ShadowDatabase.Kind.CONFIGURED, target, "configured shadow database " + shadow.display(), () -> { });
    }

    private static ShadowDatabase temporary(DatabaseUrl main) {
        Dialect dialect = Dialect.of(main.provider());
        ServerAdmin admin = dialect.serverAdmin();
        String name = TEMPORARY_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Target mainTarget = Connections.target(main, Connections.direct(main));
        try (Connection c = connect(mainTarget)) {
            admin.createDatabase(c, name);
        } catch (SQLException e) {
            if (admin.isPermissionDenied(e) && UrlForm.of(main.provider()).embeddedServer()) {
                return embedded();
            }
            throw failure(mainTarget, "creating the temporary shadow database " + name, e);
        }
        Runnable drop = () -> dropQuietly(mainTarget, name);
        DatabaseUrl url = main.withDatabase(name);
        Target target = Connections.target(url, Connections.direct(url));
        try (Connection c = connect(target)) {
            admin.createSchemaIfMissing(c, target.schema());
        } catch (SQLException | RuntimeException e) {
            drop.run();
            throw e instanceof SQLException s ? failure(target, "preparing the temporary shadow database", s) : (RuntimeException) e;
        }
        return new ShadowDatabase(ShadowDatabase.Kind.TEMPORARY, target,
                "temporary database " + name + " on " + url.display().replace("/" + name, "") + " (dropped afterwards)", drop);
    }

    private static ShadowDatabase embedded() {
        EmbeddedServer server = EmbeddedServer.startThrowaway();
        DatabaseUrl url = server.url();
        Target target = Connections.target(url, Connections.direct(url));
        return new ShadowDatabase(ShadowDatabase.Kind.EMBEDDED, target,
                "embedded PostgreSQL on port " + server.port() + " (no permission to create databases on the server; removed afterwards)",
                server::close);
    }

    private static void dropQuietly(Target admin, String name) {
        try (Connection c = connect(admin)) {
            admin.dialect().serverAdmin().dropDatabase(c, name);
        } catch (SQLException | RuntimeException e) {
            // Cleanup runs in close() and shutdown hooks, where throwing would hide the real outcome: log it instead.
            System.getLogger("godwit.shadow").log(System.Logger.Level.WARNING,
                    "could not drop the temporary shadow database " + name + ": " + e.getMessage() + " (drop it by hand)");
        }
    }

    private static Connection connect(Target target) throws SQLException {
        try {
            Connection c = target.dataSource().getConnection();
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            throw target.dialect().connectionFailure(e, target.display());
        }
    }

    private static GodwitException failure(Target target, String doing, SQLException e) {
        if (target.dialect().isConnectionLoss(e)) {
            return target.dialect().connectionFailure(e, target.display());
        }
        return new GodwitException(ErrorKind.RUNTIME, target.display() + ": " + doing + ": " + e.getMessage(),
                "give godwit a shadow database with shadow_url in godwit.toml", e);
    }
}
