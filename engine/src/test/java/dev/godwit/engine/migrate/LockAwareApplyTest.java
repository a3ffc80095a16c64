package dev.godwit.engine.migrate;

import dev.godwit.engine.dialect.Blocker;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * apply with a per-statement lock time-out against a second session that holds a conflicting lock: the
 * statement gives up, the blocker is named, and the retry succeeds once the blocker lets go (or the
 * migration fails, recorded as such, when it never does).
 */
class LockAwareApplyTest {
    private static final Duration LOCK = Duration.ofSeconds(10);
    private static final LockRetry RETRY = new LockRetry(Duration.ofMillis(800), 3, Duration.ofMillis(200));

    @TempDir
    Path tmp;

    private record TimedOut(int attempt, List<Blocker> blockers, Duration retryIn, boolean wholeTransaction) {
    }

    private static String q(TestDatabase db, String ident) {
        return db.kind() == TestDatabase.Kind.POSTGRESQL ? "\"" + ident + "\"" : "`" + ident + "`";
    }

    /** A session with an open transaction that has read the table: PostgreSQL ACCESS SHARE, MySQL a shared metadata lock. */
    private static Connection blocker(TestDatabase db) throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT count(*) FROM " + q(db, "events") + " /* the blocking report */");
        }
        return c;
    }

    private MigrationsDir project(TestDatabase db) {
        return new MigrationsDir(tmp.resolve("migrations"), db.provider())
                .add("20240101000000_init", "CREATE TABLE " + q(db, "events") + " (id INTEGER NOT NULL PRIMARY KEY);\n");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRetrySurvivesABlockerThatLetsGoAndNamesIt(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir dir = project(db);
            Migrator migrator = new Migrator(db.target());
            migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE);
            dir.add("20240102000000_kind", "ALTER TABLE " + q(db, "events") + " ADD COLUMN kind VARCHAR(20);\n"
                    + "CREATE INDEX " + q(db, "events_kind_idx") + " ON " + q(db, "events") + " (kind);\n");
            List<TimedOut> seen = new ArrayList<>();
            try (Connection holder = blocker(db)) {
                ApplyResult r = migrator.apply(dir.read(), LOCK, false, new ApplyListener() {
                    @Override
                    public void lockTimedOut(LocalMigration m, SqlStatement s, int attempt, int attempts, List<Blocker> blockers,
                                             Duration retryIn, boolean wholeTransaction) {
                        seen.add(new TimedOut(attempt, blockers, retryIn, wholeTransaction));
                        try {
                            holder.commit();   // the blocker lets go after the first time-out
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, RETRY);
                assertEquals(List.of("20240102000000_kind"), r.applied().stream().map(ApplyResult.Applied::name).toList());
            }
            assertEquals(1, seen.size(), seen.toString());
            TimedOut t = seen.get(0);
            assertEquals(1, t.attempt());
            assertEquals(Duration.ofMillis(200), t.retryIn());
            assertEquals(kind == TestDatabase.Kind.POSTGRESQL, t.wholeTransaction(), "PostgreSQL runs the migration as one transaction");
            assertFalse(t.blockers().isEmpty(), "the blocker is named");
            Blocker b = t.blockers().get(0);
            assertTrue(b.describe().contains("idle in transaction"), b.describe());
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                assertTrue(b.query().contains("the blocking report"), b.describe());
            }
            // One clean history row: the retried transaction left no failed attempt behind.
            assertEquals(List.of(List.of("20240102000000_kind", "1", "false")), db.query("SELECT migration_name, applied_steps_count, "
                    + "finished_at IS NULL FROM _prisma_migrations WHERE migration_name LIKE '%kind' ORDER BY started_at")
                    .stream().map(row -> List.of(row.get(0), row.get(1), row.get(2).startsWith("t") || row.get(2).equals("1") ? "true" : "false")).toList());
            assertEquals("0", db.scalar("SELECT count(*) FROM " + q(db, "events") + " WHERE kind IS NOT NULL"));
            assertTrue(migrator.status(dir.read()).upToDate());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBlockerThatNeverLetsGoFailsTheMigrationAfterTheLastAttempt(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir dir = project(db);
            Migrator migrator = new Migrator(db.target());
            migrator.apply(dir.read(), LOCK, false, ApplyListener.NONE);
            dir.add("20240102000000_kind", "ALTER TABLE " + q(db, "events") + " ADD COLUMN kind VARCHAR(20);\n");
            List<TimedOut> seen = new ArrayList<>();
            try (Connection holder = blocker(db)) {
                LockRetry once = new LockRetry(Duration.ofMillis(500), 1, Duration.ofMillis(100));
                MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.apply(dir.read(), LOCK, false,
                        new ApplyListener() {
                            @Override
                            public void lockTimedOut(LocalMigration m, SqlStatement s, int attempt, int attempts, List<Blocker> blockers,
                                                     Duration retryIn, boolean wholeTransaction) {
                                seen.add(new TimedOut(attempt, blockers, retryIn, wholeTransaction));
                            }
                        }, once));
                assertTrue(e.getMessage().contains("20240102000000_kind"), e.getMessage());
                holder.rollback();
            }
            assertEquals(List.of(1, 2), seen.stream().map(TimedOut::attempt).toList());
            assertEquals(null, seen.get(1).retryIn(), "no attempt left");
            assertEquals(1, migrator.status(dir.read()).failed().size());
            // The session's lock wait is back to the server's default for whoever uses the connection next.
        }
    }
}
