package dev.godwit.engine.dialect.postgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells whether connections reach PostgreSQL through a pooler in transaction or statement mode (PgBouncer,
 * Supavisor, …), where one client connection runs its transactions on changing server backends. There a
 * session advisory lock is taken on one backend and "released" on another, or outlives the client.
 * <p>
 * The proof: two client connections, used in turn, one of them inside a transaction at times. Connected
 * directly, each one keeps its own backend for its life, and the two differ. Through such a pooler a
 * connection's backend changes, or two connections share one (PgBouncer hands the idle backend of one
 * client to the next). A pooler in session mode pins a backend to each client and is not reported; it
 * keeps session locks whole.
 */
final class PoolerProbe {
    private PoolerProbe() {
    }

    /** The server port a connection landed on, when it was reached over TCP. */
    static Optional<Integer> serverPort(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT inet_server_port()")) {
            rs.next();
            int port = rs.getInt(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(port);
        }
    }

    /** Evidence of transaction pooling in one sentence, or empty when both connections keep their own backends. */
    static Optional<String> evidence(DataSource ds) throws SQLException {
        try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
            a.setAutoCommit(true);
            b.setAutoCommit(true);
            List<Integer> pa = new ArrayList<>();
            List<Integer> pb = new ArrayList<>();
            pa.add(pid(a));
            pb.add(pid(b));
            // A inside a transaction holds its backend while B asks for one, then the other way round.
            a.setAutoCommit(false);
            pa.add(pid(a));
            pb.add(pid(b));
            a.commit();
            a.setAutoCommit(true);
            b.setAutoCommit(false);
            pb.add(pid(b));
            pa.add(pid(a));
            b.commit();
            b.setAutoCommit(true);
            pa.add(pid(a));
            pb.add(pid(b));
            boolean aMoved = pa.stream().distinct().count() > 1;
            boolean bMoved = pb.stream().distinct().count() > 1;
            boolean shared = pa.stream().anyMatch(pb::contains);
            if (!aMoved && !bMoved && !shared) {
                return Optional.empty();
            }
            return Optional.of(aMoved || bMoved
                    ? "one connection's statements ran on server backends " + distinct(aMoved ? pa : pb)
                    : "two connections ran on the same server backend (pid " + pa.stream().filter(pb::contains).findFirst().orElseThrow() + ")");
        }
    }

    private static String distinct(List<Integer> pids) {
        return pids.stream().distinct().map(String::valueOf).reduce((x, y) -> x + ", " + y).orElse("");
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
