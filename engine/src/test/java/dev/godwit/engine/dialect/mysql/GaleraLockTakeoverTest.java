package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.GodwitException;
import dev.godwit.engine.testing.GaleraCluster;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The cluster's lock row taken over from a holder that died, on a real three-node Galera cluster: only when its
 * session is gone from the member it was on and its heartbeat is silent, and by one deploy of two.
 */
class GaleraLockTakeoverTest {

    @Test
    void aRowIsTakenOverOnlyFromAGoneSessionAndByOneDeployOfTwo() throws Exception {
        try (GaleraCluster.Database db = GaleraCluster.database()) {
            Connection holder = db.connect(0);
            GaleraLock.acquire(holder, null, deadline(5), 5, "node1");
            silenceHeartbeat(db);

            // Its session still lives: a silent heartbeat alone is not proof, the row stays taken.
            try (Connection c = db.connect(0)) {
                GodwitException e = assertThrows(GodwitException.class, () -> GaleraLock.acquire(c, null, deadline(2), 2, "node1"));
                assertTrue(e.getMessage().contains("could not take the cluster-wide migration lock"), e.getMessage());
            }

            holder.close();   // the process dies: its session ends, the row is left taken
            silenceHeartbeat(db);
            // Session ids are per member: through another member the gone session cannot be checked.
            try (Connection c = db.connect(1)) {
                assertThrows(GodwitException.class, () -> GaleraLock.acquire(c, null, deadline(2), 2, "node2"));
            }

            // Two deploys through the member it was on: one takes the row over, the other finds it held.
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Connection> connections = List.of(db.connect(0), db.connect(0));
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<GaleraLock>> tries = new ArrayList<>();
                for (Connection c : connections) {
                    tries.add(pool.submit(() -> {
                        start.await();
                        return GaleraLock.acquire(c, null, deadline(6), 6, "node1");
                    }));
                }
                int won = 0;
                int refused = 0;
                for (Future<GaleraLock> f : tries) {
                    try {
                        assertNotNull(f.get(60, TimeUnit.SECONDS));
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertInstanceOf(GodwitException.class, e.getCause(), String.valueOf(e.getCause()));
                        refused++;
                    }
                }
                assertEquals(1, won, "one deploy takes the row over");
                assertEquals(1, refused, "the other finds it held");
            } finally {
                pool.shutdownNow();
                for (Connection c : connections) {
                    c.close();
                }
            }
        }
    }

    private static long deadline(int seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    /** Stands for heartbeats missed for half a minute, as after the holder's process died. */
    private static void silenceHeartbeat(GaleraCluster.Database db) throws Exception {
        try (Connection c = db.connect(2); Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("UPDATE " + GaleraLock.TABLE + " SET heartbeat_at = NOW(3) - INTERVAL 30 SECOND"
                    + " WHERE lock_key = '" + db.name() + "' AND token IS NOT NULL"), "the row is taken");
            try (ResultSet rs = st.executeQuery("SELECT holder FROM " + GaleraLock.TABLE + " WHERE lock_key = '" + db.name() + "'")) {
                rs.next();
                assertTrue(rs.getString(1).matches(".*\\(connection \\d+ of member [0-9a-f-]{36}\\)"), rs.getString(1));
            }
        }
    }
}
