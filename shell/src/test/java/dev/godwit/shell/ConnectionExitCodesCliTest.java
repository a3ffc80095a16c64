package dev.godwit.shell;

import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.*;

/** Exit codes as the README says: a refused login or a missing database is 4 for inspect and sql too; a bad URL parameter is 2. */
class ConnectionExitCodesCliTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusedLoginsMissingDatabasesAndBadParameters(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            DatabaseUrl u = DatabaseUrl.parse(db.url());
            String server = (pg ? "postgresql://" : "mysql://") + u.host() + ":" + u.port() + "/";
            String user = u.user() == null ? "" : u.user() + "@";
            String missing = server.replace("://", "://" + user) + "godwit_no_such_db_" + System.nanoTime() % 100000;
            String refused = server.replace("://", "://godwit_no_such_role:wrong-pw@") + db.name();
            String badParameter = db.url() + (db.url().contains("?") ? "&" : "?") + (pg ? "connectTimeout=abc" : "connectTimeout=abc");
            String badMode = db.url() + (db.url().contains("?") ? "&" : "?") + (pg ? "sslmode=bogus" : "sslMode=bogus");
            for (String[] cmd : new String[][]{{"inspect"}, {"sql", "select 1"}}) {
                GodwitRun m = GodwitRun.inProcess(concat("--url", missing, cmd));
                assertEquals(4, m.exitCode(), "missing database, " + cmd[0] + ": " + m.all());
                assertTrue(m.stderr().contains("does not exist"), m.stderr());
                GodwitRun r = GodwitRun.inProcess(concat("--url", refused, cmd));
                assertEquals(4, r.exitCode(), "refused login, " + cmd[0] + ": " + r.all());
                assertFalse(r.all().contains("wrong-pw"), r.all());
                for (String bad : new String[]{badParameter, badMode}) {
                    GodwitRun b = GodwitRun.inProcess(concat("--url", bad, cmd));
                    assertEquals(2, b.exitCode(), "malformed parameter, " + cmd[0] + ": " + b.all());
                    assertTrue(b.stderr().contains("malformed database URL parameter"), b.stderr());
                }
            }
        }
    }

    /** A MySQL URL that names no database has nowhere to keep the history: one line and a hint, not an internal error. */
    @org.junit.jupiter.api.Test
    void mysqlUrlWithoutDatabaseIsAUsageError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.mysqlAvailable(), "no MySQL/MariaDB configured");
        try (TestDatabase db = TestDatabases.of(TestDatabase.Kind.MYSQL)) {
            DatabaseUrl u = DatabaseUrl.parse(db.url());
            String user = u.user() == null ? "" : u.user() + "@";
            TestProject project = new TestProject(dir, db).blog();
            for (String noDb : new String[]{"mysql://" + user + u.host() + ":" + u.port() + "/", "mysql://" + user + u.host() + ":" + u.port()}) {
                for (String cmd : new String[]{"status", "apply"}) {
                    GodwitRun r = project.run("--url", noDb, cmd);
                    assertEquals(2, r.exitCode(), noDb + " " + cmd + ": " + r.all());
                    assertTrue(r.stderr().contains("names no database"), r.stderr());
                    assertFalse(r.all().contains("internal error"), r.all());
                }
            }
        }
    }

    private static String[] concat(String a, String b, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
