package dev.godwit.engine.migrate;

import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Statements that cannot run in a transaction, and scripts whose bodies contain semicolons. */
class ExecutionModeTest {
    private static final Duration LOCK = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void concurrentIndexRunsStatementByStatementAndSaysWhyBeforehand() {
        try (TestDatabase db = TestDatabases.postgres()) {
            MigrationsDir dir = new MigrationsDir(tmp, db.provider())
                    .add("20240101000000_t", "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);\n")
                    .add("20240102000000_idx", "-- CreateIndex\nCREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n");
            List<String> reasons = new ArrayList<>();
            List<ExecutionMode> modes = new ArrayList<>();
            new Migrator(db.target()).apply(dir.read(), LOCK, false, new ApplyListener() {
                @Override
                public void starting(LocalMigration m, ExecutionMode mode, List<String> why) {
                    modes.add(mode);
                    reasons.addAll(why);
                }
            });
            assertEquals(List.of(ExecutionMode.TRANSACTION, ExecutionMode.STATEMENT_BY_STATEMENT), modes);
            assertTrue(reasons.get(0).contains("line 2") && reasons.get(0).contains("CONCURRENTLY"), reasons.toString());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 't_v_idx'"));
        }
    }

    @Test
    void addingAnEnumValueAndUsingItInOneMigrationWorks() {
        // Prisma sends such a file as one transaction, where PostgreSQL refuses the new value's use.
        try (TestDatabase db = TestDatabases.postgres()) {
            MigrationsDir dir = new MigrationsDir(tmp, db.provider())
                    .add("20240101000000_enum", "CREATE TYPE \"Status\" AS ENUM ('OPEN', 'DONE');\n"
                            + "CREATE TABLE \"Ticket\" (id INTEGER PRIMARY KEY, status \"Status\" NOT NULL DEFAULT 'OPEN');\n")
                    .add("20240102000000_more", "ALTER TYPE \"Status\" ADD VALUE 'IN_PROGRESS';\n"
                            + "ALTER TABLE \"Ticket\" ALTER COLUMN \"status\" SET DEFAULT 'IN_PROGRESS';\n");
            List<ExecutionMode> modes = new ArrayList<>();
            Migrator m = new Migrator(db.target());
            m.apply(dir.read(), LOCK, false, new ApplyListener() {
                @Override
                public void starting(LocalMigration lm, ExecutionMode mode, List<String> why) {
                    modes.add(mode);
                }
            });
            // the second statement uses the new value: statement by statement
            assertEquals(List.of(ExecutionMode.TRANSACTION, ExecutionMode.STATEMENT_BY_STATEMENT), modes);
            assertTrue(m.status(dir.read()).upToDate());
            assertEquals("1", db.scalar("SELECT applied_steps_count FROM _prisma_migrations WHERE migration_name = '20240102000000_more'"));
            assertTrue(db.scalar("SELECT column_default FROM information_schema.columns WHERE table_name = 'Ticket' AND column_name = 'status'")
                    .contains("IN_PROGRESS"));
        }
    }

    @Test
    void anEnumValueAddedAndNotUsedKeepsItsMigrationInOneTransaction() {
        // PostgreSQL 12 and later take ALTER TYPE ... ADD VALUE in a transaction block: a failure later in the
        // migration takes the new value back with everything else, and the history shows it not applied
        try (TestDatabase db = TestDatabases.postgres()) {
            MigrationsDir dir = new MigrationsDir(tmp, db.provider())
                    .add("20240101000000_enum", "CREATE TYPE \"Status\" AS ENUM ('OPEN', 'DONE');\n")
                    .add("20240102000000_more", "ALTER TYPE \"Status\" ADD VALUE 'IN_PROGRESS';\n"
                            + "CREATE TABLE \"Note\" (id INTEGER PRIMARY KEY);\nCREATE TABLE \"Note\" (id INTEGER PRIMARY KEY);\n");
            List<ExecutionMode> modes = new ArrayList<>();
            Migrator m = new Migrator(db.target());
            assertThrows(MigrationFailedException.class, () -> m.apply(dir.read(), LOCK, false, new ApplyListener() {
                @Override
                public void starting(LocalMigration lm, ExecutionMode mode, List<String> why) {
                    modes.add(mode);
                }
            }));
            assertEquals(List.of(ExecutionMode.TRANSACTION, ExecutionMode.TRANSACTION), modes);
            assertEquals("OPEN,DONE", db.scalar("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum"));
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'Note'"));
            assertEquals("0", db.scalar("SELECT applied_steps_count FROM _prisma_migrations WHERE migration_name = '20240102000000_more'"));
        }
    }

    @Test
    void dollarQuotedFunctionBodiesStayWhole() {
        try (TestDatabase db = TestDatabases.postgres()) {
            MigrationsDir dir = new MigrationsDir(tmp, db.provider())
                    .add("20240101000000_fn", "CREATE FUNCTION add_one(i integer) RETURNS integer AS $$\nBEGIN\n  RETURN i + 1;\nEND;\n$$ LANGUAGE plpgsql;\n"
                            + "SELECT add_one(1);\n");
            new Migrator(db.target()).apply(dir.read(), LOCK, false, ApplyListener.NONE);
            assertEquals("3", db.scalar("SELECT add_one(2)"));
        }
    }

    @Test
    void mysqlDelimiterBlocksRunAsOneStatement() {
        try (TestDatabase db = TestDatabases.mysql()) {
            MigrationsDir dir = new MigrationsDir(tmp, db.provider())
                    .add("20240101000000_proc", "CREATE TABLE t (id INT PRIMARY KEY);\n\nDELIMITER //\n"
                            + "CREATE PROCEDURE fill()\nBEGIN\n  INSERT INTO t VALUES (1);\n  INSERT INTO t VALUES (2);\nEND //\nDELIMITER ;\n\nCALL fill();\n");
            ApplyResult r = new Migrator(db.target()).apply(dir.read(), LOCK, false, ApplyListener.NONE);
            assertEquals(3, r.applied().get(0).statements());
            assertEquals("2", db.scalar("SELECT COUNT(*) FROM t"));
            // a finished migration counts one step, as in Prisma's history
            assertEquals("1", db.scalar("SELECT applied_steps_count FROM _prisma_migrations"));
        }
    }
}
