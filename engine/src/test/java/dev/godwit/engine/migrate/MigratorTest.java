package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** apply, status and resolve against real PostgreSQL and MySQL/MariaDB databases. */
class MigratorTest {
    private static final Duration LOCK = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private static String q(TestDatabase db, String ident) {
        return db.kind() == TestDatabase.Kind.POSTGRESQL ? "\"" + ident + "\"" : "`" + ident + "`";
    }

    private MigrationsDir blog(TestDatabase db) {
        return new MigrationsDir(tmp.resolve("migrations"), db.provider())
                .add("20240101000000_init", "-- CreateTable\nCREATE TABLE " + q(db, "User") + " (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL);\n")
                .add("20240102000000_post", "CREATE TABLE " + q(db, "Post") + " (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(100));\n"
                        + "INSERT INTO " + q(db, "Post") + " VALUES (1, 'a;b');\n")
                .add("20240103000000_index", "CREATE INDEX " + q(db, "Post_title_idx") + " ON " + q(db, "Post") + " (title);\n");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void appliesPendingMigrationsInOrderAndRecordsThemLikePrisma(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir dir = blog(db);
            Migrator migrator = new Migrator(db.target());

            StatusReport before = migrator.status(dir.read());
            assertFalse(before.historyTableExists());
            assertEquals(3, before.count(MigrationState.PENDING));
            assertFalse(before.upToDate());

            List<String> order = new ArrayList<>();
            ApplyResult result = migrator.apply(dir.read(), LOCK, false, new ApplyListener() {
                @Override
                public void applied(LocalMigration m, Duration took) {
                    order.add(m.name());
                }
            });
            assertTrue(result.createdHistoryTable());
            assertEquals(List.of("20240101000000_init", "20240102000000_post", "20240103000000_index"), order);
            assertTrue(db.tables().containsAll(List.of("User", "Post", "_prisma_migrations")));
            assertEquals("a;b", db.scalar("SELECT title FROM " + q(db, "Post")));

            List<List<String>> rows = db.query("SELECT migration_name, checksum, finished_at IS NOT NULL, rolled_back_at IS NULL, "
                    + "logs IS NULL, applied_steps_count FROM _prisma_migrations ORDER BY migration_name");
            assertEquals(3, rows.size());
            for (List<String> row : rows) {
                LocalMigration local = dir.read().find(row.get(0)).orElseThrow();
                assertEquals(local.checksum(), row.get(1), "checksum is the sha256 of the file");
                assertEquals(64, row.get(1).length());
                assertTrue(List.of("t", "1", "true").contains(row.get(2)), "finished_at set");
                assertTrue(List.of("t", "1", "true").contains(row.get(3)), "not rolled back");
                assertTrue(List.of("t", "1", "true").contains(row.get(4)), "no logs");
            }
            StatusReport after = migrator.status(dir.read());
            assertTrue(after.upToDate(), after.summary());
            assertEquals(3, after.count(MigrationState.APPLIED));

            // Nothing left: a second apply does nothing and adds no rows.
            ApplyResult again = migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE);
            assertTrue(again.applied().isEmpty());
            assertEquals("3", db.scalar("SELECT COUNT(*) FROM _prisma_migrations"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void failedMigrationIsRecordedWithStatementLineAndMessageThenRecoversBothWays(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), db.provider())
                    .add("20240101000000_init", "CREATE TABLE " + q(db, "A") + " (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_broken", "CREATE TABLE " + q(db, "B") + " (id INTEGER PRIMARY KEY);\n\n"
                            + "-- this one fails\nINSERT INTO " + q(db, "Nope") + " VALUES (1);\n"
                            + "CREATE TABLE " + q(db, "C") + " (id INTEGER PRIMARY KEY);\n");
            Migrator migrator = new Migrator(db.target());

            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE));
            assertEquals("20240102000000_broken", e.migration());
            assertEquals(2, e.statementIndex());
            assertEquals(3, e.statementCount());
            assertEquals(4, e.line());
            assertTrue(e.databaseMessage().toLowerCase().contains("nope"), e.databaseMessage());
            assertEquals(1, e.appliedBefore().size());

            if (kind == TestDatabase.Kind.POSTGRESQL) {
                assertEquals(ExecutionMode.TRANSACTION, e.mode());
                assertEquals(0, e.statementsTakenEffect());
                assertFalse(db.tables().contains("B"), "the failed migration's transaction was rolled back");
            } else {
                assertEquals(ExecutionMode.STATEMENT_BY_STATEMENT, e.mode());
                assertEquals(1, e.statementsTakenEffect());
                assertTrue(db.tables().contains("B"), "MySQL commits DDL: the first statement stays");
            }
            String logs = db.scalar("SELECT logs FROM _prisma_migrations WHERE migration_name = '20240102000000_broken'");
            assertTrue(logs.contains("statement 2 of 3"), logs);
            assertTrue(logs.contains("line 4"), logs);
            assertTrue(logs.toLowerCase().contains("nope"), logs);
            assertTrue(logs.contains(kind == TestDatabase.Kind.POSTGRESQL ? "none of it took effect" : "1 statement took effect"), logs);

            StatusReport status = migrator.status(dir.read());
            assertEquals(MigrationState.FAILED, status.migrations().get(1).state());
            assertFalse(status.upToDate());

            // A failed migration blocks apply until resolved.
            GodwitException blocked = assertThrows(GodwitException.class,
                    () -> migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE));
            assertEquals(ErrorKind.ACTION_NEEDED, blocked.kind());
            assertTrue(blocked.getMessage().contains("20240102000000_broken"));

            // Fix the file, mark rolled back, apply again: a second row for the same migration.
            if (kind == TestDatabase.Kind.MYSQL) {
                db.execute("DROP TABLE `B`");
            }
            dir.add("20240102000000_broken", "CREATE TABLE " + q(db, "B") + " (id INTEGER PRIMARY KEY);\n");
            migrator.resolveRolledBack(dir.read(), "20240102000000_broken", "fixed the typo", LOCK);
            String resolvedLogs = db.scalar("SELECT logs FROM _prisma_migrations WHERE migration_name = '20240102000000_broken'");
            assertTrue(resolvedLogs.contains("resolved as rolled back by"), resolvedLogs);
            assertTrue(resolvedLogs.contains("fixed the typo"), resolvedLogs);
            assertEquals(MigrationState.ROLLED_BACK, migrator.status(dir.read()).migrations().get(1).state());

            migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE);
            assertTrue(migrator.status(dir.read()).upToDate());
            assertEquals("2", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '20240102000000_broken'"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resolveAppliedMarksAFailedMigrationDoneWithoutRunningIt(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), db.provider())
                    .add("20240101000000_broken", "CREATE TABLE " + q(db, "X") + " (id INTEGER PRIMARY KEY);\nSELECT * FROM " + q(db, "Missing") + ";\n");
            Migrator migrator = new Migrator(db.target());
            assertThrows(MigrationFailedException.class, () -> migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE));

            migrator.resolveApplied(dir.read(), "20240101000000_broken", "finished by hand", LOCK);
            StatusReport s = migrator.status(dir.read());
            assertTrue(s.upToDate(), s.summary());
            List<List<String>> rows = db.query("SELECT finished_at IS NOT NULL, rolled_back_at IS NOT NULL, checksum, logs FROM _prisma_migrations ORDER BY started_at");
            assertEquals(2, rows.size());
            assertTrue(List.of("t", "1", "true").contains(rows.get(0).get(1)), "the failed attempt is marked rolled back");
            assertEquals(dir.read().migrations().get(0).checksum(), rows.get(1).get(2));
            assertTrue(rows.get(1).get(3).contains("finished by hand"));

            GodwitException again = assertThrows(GodwitException.class,
                    () -> migrator.resolveApplied(dir.read(), "20240101000000_broken", null, LOCK));
            assertTrue(again.getMessage().contains("already applied"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resolveRejectsUnknownAndNotFailedMigrations(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), db.provider())
                    .add("20240101000000_init", "CREATE TABLE " + q(db, "A") + " (id INTEGER PRIMARY KEY);\n");
            Migrator migrator = new Migrator(db.target());
            migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE);

            GodwitException unknown = assertThrows(GodwitException.class,
                    () -> migrator.resolveRolledBack(dir.read(), "20240101000000_inti", null, LOCK));
            assertTrue(unknown.getMessage().contains("no migration named"), unknown.getMessage());
            assertTrue(unknown.hint().contains("20240101000000_init"), unknown.hint());

            GodwitException notFailed = assertThrows(GodwitException.class,
                    () -> migrator.resolveRolledBack(dir.read(), "20240101000000_init", null, LOCK));
            assertTrue(notFailed.getMessage().contains("not failed"), notFailed.getMessage());

            GodwitException noFolder = assertThrows(GodwitException.class,
                    () -> migrator.resolveApplied(dir.read(), "20990101000000_future", null, LOCK));
            assertTrue(noFolder.getMessage().contains("no migration folder"), noFolder.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void statusReportsEditedMissingLocallyAndOutOfOrder(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), db.provider())
                    .add("20240101000000_a", "CREATE TABLE " + q(db, "A") + " (id INTEGER PRIMARY KEY);\n")
                    .add("20240103000000_c", "CREATE TABLE " + q(db, "C") + " (id INTEGER PRIMARY KEY);\n")
                    .add("20240104000000_gone", "CREATE TABLE " + q(db, "G") + " (id INTEGER PRIMARY KEY);\n");
            Migrator migrator = new Migrator(db.target());
            migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE);

            dir.add("20240101000000_a", "CREATE TABLE " + q(db, "A") + " (id BIGINT PRIMARY KEY);\n");
            dir.add("20240102000000_late", "CREATE TABLE " + q(db, "L") + " (id INTEGER PRIMARY KEY);\n");
            deleteRecursively(dir.dir().resolve("20240104000000_gone"));

            StatusReport s = migrator.status(dir.read());
            assertEquals(List.of(MigrationState.EDITED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED, MigrationState.MISSING_LOCALLY),
                    s.migrations().stream().map(MigrationStatus::state).toList());
            assertFalse(s.upToDate());

            List<String> warnings = new ArrayList<>();
            ApplyResult r = migrator.apply(dir.read(), LOCK, false, new ApplyListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            });
            assertEquals(List.of("20240102000000_late"), r.applied().stream().map(ApplyResult.Applied::name).toList());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("20240102000000_late") && w.contains("older than")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("edited")), warnings.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusesANonEmptySchemaWithoutHistoryAndExplainsBaselining(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            db.execute("CREATE TABLE legacy (id INTEGER PRIMARY KEY)");
            MigrationsDir dir = new MigrationsDir(tmp.resolve("m"), db.provider())
                    .add("20240101000000_baseline", "CREATE TABLE legacy (id INTEGER PRIMARY KEY);\n");
            Migrator migrator = new Migrator(db.target());
            GodwitException e = assertThrows(GodwitException.class, () -> migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE));
            assertEquals(ErrorKind.ACTION_NEEDED, e.kind());
            assertTrue(e.getMessage().contains("legacy"), e.getMessage());
            assertTrue(e.hint().contains("resolve --applied"), e.hint());
            assertFalse(db.tables().contains("_prisma_migrations"), "nothing was created");

            migrator.resolveApplied(dir.read(), "20240101000000_baseline", "baseline", LOCK);
            assertTrue(migrator.status(dir.read()).upToDate());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dryRunTouchesNothing(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir dir = blog(db);
            ApplyResult r = new Migrator(db.target()).apply(dir.read(), LOCK, true, ApplyListener.NONE);
            assertTrue(r.dryRun());
            assertEquals(3, r.planned().size());
            assertEquals(2, r.planned().get(1).statements().size());
            assertTrue(db.tables().isEmpty(), "no table, not even the history table: " + db.tables());
        }
    }

    static void deleteRecursively(Path p) {
        try (var walk = java.nio.file.Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
