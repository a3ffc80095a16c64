package dev.godwit.engine.shadow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Shadow databases on real servers: what they hold after a replay, and that nothing is left behind. */
class ShadowDatabaseTest {
    @TempDir
    Path tmp;

    private static String q(TestDatabase db, String ident) {
        return db.kind() == TestDatabase.Kind.POSTGRESQL ? "\"" + ident + "\"" : "`" + ident + "`";
    }

    /** The temporary shadows on the test server (other test runs may add their own: compare our own name). */
    private static List<String> shadows(TestDatabase db) {
        String sql = db.kind() == TestDatabase.Kind.POSTGRESQL
                ? "SELECT datname FROM pg_database WHERE datname LIKE 'godwit\\_shadow\\_%' ORDER BY 1"
                : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'godwit\\_shadow\\_%' ORDER BY 1";
        return db.query(sql).stream().map(r -> r.get(0)).toList();
    }

    private static String nameOf(ShadowDatabase shadow) {
        String d = shadow.describe();
        return d.substring(d.indexOf(ShadowProvider.TEMPORARY_PREFIX)).split(" ")[0];
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void temporaryShadowHoldsTheReplayAndIsDroppedAfterwards(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir m = new MigrationsDir(tmp, db.provider())
                    .add("20240101000000_init", "CREATE TABLE " + q(db, "User") + " (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL);\n")
                    .add("20240102000000_idx", "CREATE INDEX " + q(db, "User_email_idx") + " ON " + q(db, "User") + " (email);\n");
            String name;
            Schema schema;
            try (ShadowDatabase shadow = ShadowProvider.open(DatabaseUrl.parse(db.url()), Optional.empty())) {
                assertEquals(ShadowDatabase.Kind.TEMPORARY, shadow.kind());
                name = nameOf(shadow);
                assertTrue(shadows(db).contains(name), shadows(db) + " lacks " + name);
                shadow.replay(m.read());
                schema = shadow.inspect();
            }
            assertFalse(shadows(db).contains(name), name + " left behind");
            assertEquals(List.of("User"), schema.tables().stream().map(t -> t.name()).toList());
            assertEquals("User_email_idx", schema.table("User").orElseThrow().indexes().get(0).name());
            assertTrue(db.tables().isEmpty(), "the main database was written to: " + db.tables());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailingReplayNamesMigrationStatementAndErrorAndStillDropsTheShadow(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir m = new MigrationsDir(tmp, db.provider())
                    .add("20240101000000_init", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_broken", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nALTER TABLE nowhere ADD COLUMN x INTEGER;\n");
            // Other suites on the same server make shadows of their own at the same time: follow this one by name.
            AtomicReference<String> name = new AtomicReference<>();
            GodwitException e = assertThrows(GodwitException.class, () -> {
                try (ShadowDatabase shadow = ShadowProvider.open(DatabaseUrl.parse(db.url()), Optional.empty())) {
                    name.set(nameOf(shadow));
                    shadow.replay(m.read());
                }
            });
            assertEquals(ErrorKind.RUNTIME, e.kind());
            assertTrue(e.getMessage().contains("20240102000000_broken"), e.getMessage());
            assertTrue(e.getMessage().contains("statement 2 of 2 (line 2)"), e.getMessage());
            assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
            assertNotNull(name.get());
            assertFalse(shadows(db).contains(name.get()), name.get() + " left behind");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aConfiguredShadowIsEmptiedFirstAndTheMainDatabaseIsRefused(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind); TestDatabase other = TestDatabases.of(kind)) {
            DatabaseUrl main = DatabaseUrl.parse(db.url());
            GodwitException refused = assertThrows(GodwitException.class,
                    () -> ShadowProvider.open(main, Optional.of(DatabaseUrl.parse(db.url().replace("127.0.0.1", "localhost")))));
            assertEquals(ErrorKind.USAGE, refused.kind());
            assertTrue(refused.getMessage().contains("names the main database"), refused.getMessage());

            other.execute("CREATE TABLE leftover (id INTEGER)");
            other.execute("CREATE VIEW leftover_v AS SELECT id FROM leftover");
            try (ShadowDatabase shadow = ShadowProvider.open(main, Optional.of(DatabaseUrl.parse(other.url())))) {
                assertEquals(ShadowDatabase.Kind.CONFIGURED, shadow.kind());
                assertTrue(shadow.inspect().isEmpty(), "not emptied: " + shadow.inspect());
                shadow.replay(new MigrationsDir(tmp, db.provider()).add("20240101000000_a", "CREATE TABLE a (id INTEGER);\n").read());
                assertEquals(List.of("a"), other.tables());
            }
            assertEquals(List.of("a"), other.tables(), "a configured shadow is left as the replay made it");
        }
    }

    @org.junit.jupiter.api.Test
    void withoutPermissionToCreateDatabasesPostgresFallsBackToAThrowawayEmbeddedServer() {
        try (TestDatabase db = TestDatabases.postgres()) {
            String role = "godwit_nocreatedb_" + db.name().substring(db.name().length() - 6);
            db.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
            try {
                db.execute("GRANT CONNECT ON DATABASE " + db.name() + " TO " + role);
                DatabaseUrl limited = DatabaseUrl.parse(db.url().replace("://postgres@", "://" + role + "@").replaceFirst("://[^@]*@", "://" + role + "@"));
                try (ShadowDatabase shadow = ShadowProvider.open(limited, Optional.empty())) {
                    assertEquals(ShadowDatabase.Kind.EMBEDDED, shadow.kind());
                    assertTrue(shadow.describe().startsWith("embedded PostgreSQL"), shadow.describe());
                    shadow.replay(new MigrationsDir(tmp, db.provider()).add("20240101000000_a", "CREATE TABLE a (id INTEGER);\n").read());
                    assertEquals(List.of("a"), shadow.inspect().tables().stream().map(t -> t.name()).toList());
                }
            } finally {
                db.execute("REVOKE ALL ON DATABASE " + db.name() + " FROM " + role);
                db.execute("DROP ROLE " + role);
            }
        }
    }
}
