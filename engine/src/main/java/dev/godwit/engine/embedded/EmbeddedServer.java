package dev.godwit.engine.embedded;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.project.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL that godwit starts when a project names no database. Its data
 * lives in {@code .godwit/pgdata} under the project, so what a user applies is
 * still there next time; the server runs only while godwit does.
 */
public final class EmbeddedServer implements AutoCloseable {
    public static final String DATABASE = "godwit";
    private static final String DATA_DIR = ".godwit/pgdata";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedServer start(Path projectRoot) {
        Path dataDir = projectRoot.resolve(DATA_DIR);
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setPort(stablePort(projectRoot))
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            EmbeddedServer server = new EmbeddedServer(pg, dataDir);
            server.ensureDatabase();
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new GodwitException(ErrorKind.CONNECTION, "cannot start the embedded PostgreSQL in " + dataDir + ": "
                    + rootMessage(e), "is another godwit using this project's embedded database right now? "
                    + "Otherwise configure a database with --url or an [env] in godwit.toml", e);
        }
    }

    /**
     * A server with its data in a fresh temporary folder that is deleted when it stops: a shadow
     * database for users who may not create databases on their own server.
     */
    public static EmbeddedServer startThrowaway() {
        try {
            Path dir = Files.createTempDirectory("godwit-shadow-");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            EmbeddedServer server = new EmbeddedServer(pg, dir);
            server.ensureDatabase();
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new GodwitException(ErrorKind.CONNECTION, "cannot start an embedded PostgreSQL for the shadow database: "
                    + rootMessage(e), "configure a shadow database with shadow_url in godwit.toml", e);
        }
    }

    /**
     * The same port for the same project every time (so URLs in a user's notes stay valid),
     * unless it is taken, in which case any free port.
     */
    static int stablePort(Path projectRoot) {
        int port = 20000 + Math.floorMod(projectRoot.toAbsolutePath().normalize().toString().hashCode(), 10000);
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException taken) {
            try (java.net.ServerSocket any = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return any.getLocalPort();
            } catch (IOException e) {
                return port;
            }
        }
    }

    private void ensureDatabase() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/postgres", props);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    public DatabaseUrl url() {
        return DatabaseUrl.parse("postgresql://postgres@localhost:" + port() + "/" + DATABASE + "?schema=public");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The process is leaving; the server's own shutdown handles the rest.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
