package dev.godwit.engine.db;

import dev.godwit.engine.ConnectionLostException;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.TargetSession;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session ended by the server is told by its type, on both families: front ends decide whether to reconnect
 * on {@link ConnectionLostException}, never on the wording of the message. A statement that fails on its own
 * is no lost connection.
 */
class ConnectionLossTest {

    @Test
    void postgresSessionEndedByTheServer() throws SQLException {
        try (TestDatabase db = TestDatabases.postgres()) {
            assertLost(db, "SELECT pg_backend_pid()", "SELECT pg_terminate_backend(%s)");
        }
    }

    @Test
    void mysqlSessionEndedByTheServer() throws SQLException {
        try (TestDatabase db = TestDatabases.mysql()) {
            assertLost(db, "SELECT CONNECTION_ID()", "KILL %s");
        }
    }

    private static void assertLost(TestDatabase db, String ownId, String killOther) throws SQLException {
        Target target = db.target();
        try (Connection victim = db.connect(); Connection killer = db.connect()) {
            String id;
            try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery(ownId)) {
                rs.next();
                id = rs.getString(1);
            }
            try (Statement s = killer.createStatement()) {
                s.execute(String.format(killOther, id));
            }
            SQLException e = assertThrows(SQLException.class, () -> {
                try (Statement s = victim.createStatement()) {
                    s.execute("SELECT 1");
                }
            });
            GodwitException g = TargetSession.failure(target, "reading", e);
            assertInstanceOf(ConnectionLostException.class, g, g.getMessage());
            assertEquals(ErrorKind.CONNECTION, g.kind());
            assertTrue(ConnectionLostException.isCause(new RuntimeException("wrapped", g)));
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT * FROM no_such_table"));
            GodwitException g = TargetSession.failure(target, "reading", e);
            assertFalse(g instanceof ConnectionLostException, g.getMessage());
            assertFalse(ConnectionLostException.isCause(g));
        }
    }
}
