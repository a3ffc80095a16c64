package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Migrations that open and end transactions themselves run as written, and the history says what a
 * COMMIT kept; a NUL byte is a file error found before anything runs.
 */
class OwnTransactionsTest {
    private static final Duration LOCK = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private static String q(TestDatabase db, String ident) {
        return db.kind() == TestDatabase.Kind.POSTGRESQL ? "\"" + ident + "\"" : "`" + ident + "`";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCommitInsideTheMigrationKeepsWhatItCommittedAndTheNoteSaysSo(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            String begin = kind == TestDatabase.Kind.POSTGRESQL ? "BEGIN" : "START TRANSACTION";
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), db.provider())
                    .add("20240101000000_init", "CREATE TABLE " + q(db, "A") + " (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_halves", begin + ";\n"
                            + "INSERT INTO " + q(db, "A") + " VALUES (1);\n"
                            + "COMMIT;\n"
                            + begin + ";\n"
                            + "INSERT INTO " + q(db, "A") + " VALUES (2);\n"
                            + "INSERT INTO " + q(db, "Nope") + " VALUES (3);\n"
                            + "COMMIT;\n");
            Migrator migrator = new Migrator(db.target());
            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE));
            assertEquals(ExecutionMode.STATEMENT_BY_STATEMENT, e.mode(), "the file's own COMMIT cannot run inside godwit's transaction");
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM " + q(db, "A")), "the first COMMIT kept row 1, the failure undid row 2");
            assertEquals("1", db.scalar("SELECT MIN(id) FROM " + q(db, "A")));
            assertEquals(3, e.statementsTakenEffect(), "BEGIN, INSERT 1, COMMIT");
            String logs = db.scalar("SELECT logs FROM _prisma_migrations WHERE migration_name = '20240102000000_halves'");
            assertFalse(logs.contains("none of it took effect"), logs);
            assertTrue(logs.contains("controls its own transactions") && logs.contains("3 statements took effect"), logs);
            assertTrue(logs.contains("2 statements of the transaction it opened at line 4 were rolled back"), logs);
            assertEquals("3", db.scalar("SELECT applied_steps_count FROM _prisma_migrations WHERE migration_name = '20240102000000_halves'"));

            // the connection is usable and the history was written outside the migration's transaction
            assertEquals(MigrationState.FAILED, migrator.status(dir.read()).migrations().get(1).state());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMigrationWrappedInItsOwnTransactionSucceedsAsWritten(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            String body = kind == TestDatabase.Kind.POSTGRESQL
                    ? "BEGIN;\nCREATE TABLE \"B\" (id INTEGER PRIMARY KEY);\nINSERT INTO \"B\" VALUES (1);\nCOMMIT;\n"
                    : "SET autocommit = 0;\nCREATE TABLE `B` (id INTEGER PRIMARY KEY);\nINSERT INTO `B` VALUES (1);\nCOMMIT;\nSET autocommit = 1;\n";
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), db.provider()).add("20240101000000_own", body);
            Migrator migrator = new Migrator(db.target());
            ApplyResult r = migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE);
            assertEquals(1, r.applied().size());
            assertEquals(ExecutionMode.STATEMENT_BY_STATEMENT, r.applied().get(0).mode());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM " + q(db, "B")));
            assertTrue(migrator.status(dir.read()).upToDate());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNulByteIsAFileErrorBeforeAnythingRuns(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), db.provider())
                    .add("20240101000000_init", "CREATE TABLE " + q(db, "A") + " (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_nul", "CREATE TABLE " + q(db, "B") + " (id INTEGER PRIMARY KEY);\nSELECT 'x\0y';\n");
            Path file = tmp.resolve("m/20240102000000_nul/migration.sql");
            assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("\0"));
            Migrator migrator = new Migrator(db.target());
            GodwitException e = assertThrows(GodwitException.class, () -> migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE));
            assertEquals(ErrorKind.USAGE, e.kind());
            assertTrue(e.getMessage().contains(file + ":2:10: the file contains a NUL byte"), e.getMessage());
            assertFalse(db.tables().contains("A"), "nothing ran, not even the migration before it");
            assertFalse(db.tables().contains("_prisma_migrations"), "no failed row");
        }
    }
}
