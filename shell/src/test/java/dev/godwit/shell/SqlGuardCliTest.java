package dev.godwit.shell;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every way past {@code sql}'s read-only guard we know of, tried for real against PostgreSQL and MariaDB
 * in batch mode without --write (and without --yes): each must be refused with a reason, and afterwards
 * nothing may have changed: the tables and their rows, the migration history, the sequence, no file
 * written on the server, no command run, no lock left behind.
 */
class SqlGuardCliTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noWayPastTheReadOnlyGuardChangesAnything(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            TestProject p = new TestProject(tmp.resolve("p"), db).blog();
            assertEquals(0, p.run("apply").exitCode());
            String user = p.q("User");
            db.execute("INSERT INTO " + user + " (id, email) VALUES (1, 'a@example.com')");
            db.execute(pg ? "CREATE SEQUENCE guard_seq" : "CREATE SEQUENCE guard_seq");
            Path file = Path.of("/tmp", "godwit-guard-" + UUID.randomUUID());
            String f = file.toString();
            long key = 4_000_000_000L + (System.nanoTime() & 0xFFFFFFL); // this test's own lock: other tests take Prisma's
            String lockName = "guard-" + key;
            List<String> tries = new ArrayList<>(List.of(
                    "commit; drop table " + user + "; commit;",
                    "select 1; commit; delete from _prisma_migrations; commit;",
                    "drop table " + user,
                    "truncate " + user,
                    "create table guard_new (i int)",
                    "delete from _prisma_migrations",
                    "with x as (select 1) delete from _prisma_migrations",
                    "select * from " + user + " for update",
                    "select nextval(" + (pg ? "'guard_seq'" : "guard_seq") + ")",
                    "explain analyze delete from _prisma_migrations",
                    "select 1 -- x\n; drop table " + user,
                    "select '\\'; drop table " + user + "; -- '",
                    "prepare s from 'drop table t'",
                    "call nothing()",
                    "set autocommit = 1",
                    "start transaction read write",
                    "select 1\\g"));
            if (pg) {
                tries.addAll(List.of(
                        "copy \"User\" to program 'touch " + f + "'",
                        "copy \"User\" to '" + f + "'",
                        "select pg_advisory_lock(" + key + ")",
                        "select \"pg_advisory_lock\"(" + key + ")",
                        "select set_config('default_transaction_read_only', 'off', false)",
                        "set default_transaction_read_only = off",
                        "select pg_terminate_backend(pg_backend_pid())",
                        "select lo_export(lo_from_bytea(0, 'x'), '" + f + "')",
                        "with x as (delete from _prisma_migrations returning *) select count(*) from x",
                        "select * into guard_copy from \"User\"",
                        "do $$ begin execute 'drop table \"User\"'; end $$",
                        "select query_to_xml('delete from _prisma_migrations returning 1', true, false, '')",
                        "select /* /* */ 1 */ 1; drop table \"User\"",
                        "select E'\\''; drop table \"User\"; --'",
                        "select U&\"\\0070g_advisory_lock\"(" + key + ")",
                        "rollback; drop table \"User\""));
            } else {
                tries.addAll(List.of(
                        "select 1 /*! , 1; drop table `User` */",
                        "select 1 /*M!100000 , get_lock('" + lockName + "', 1) */",
                        "/*!drop table `User`*/",
                        "select get_lock('" + lockName + "', 1)",
                        "select `get_lock`('" + lockName + "', 1)",
                        "select * from `User` into outfile '" + f + "'",
                        "select 1 into @a",
                        "select @a := 1",
                        "select * from `User` lock in share mode",
                        "select next value for guard_seq",
                        "xa start 'x'",
                        "do get_lock('" + lockName + "', 1)",
                        "select \"\\\"; drop table `User`; -- \"",
                        "set session sql_mode = 'NO_BACKSLASH_ESCAPES'",
                        "load data infile '/etc/hostname' into table `User`",
                        "handler `User` open"));
            }
            String sequenceBefore = sequenceValue(db, pg);
            StringBuilder violations = new StringBuilder();
            for (String sql : tries) {
                GodwitRun r = p.run("sql", sql);
                if (r.exitCode() == 0 || !r.stderr().contains("refused")) {
                    violations.append("\n  not refused (exit ").append(r.exitCode()).append("): ").append(sql).append("\n    ").append(r.all().strip());
                } else if (!r.stderr().contains("--write") || !r.stderr().contains("nothing was run")) {
                    violations.append("\n  refused without saying why and what to do: ").append(r.stderr().strip());
                }
                String changed = whatChanged(db, pg, user, file, sequenceBefore, key, lockName);
                if (changed != null) {
                    violations.append("\n  ").append(changed).append(" after: ").append(sql);
                    break;
                }
            }
            assertEquals("", violations.toString());
            // Reads whose ';' sit inside strings, comments and dollar quotes run as one statement each, as the guard read them.
            List<String> reads = pg
                    ? List.of("select /* /* nested */ ; drop table \"User\"; */ 1", "select $q$ ; drop table \"User\"; $q$",
                    "select 'x;'';drop table \"User\"'", "select \"a;b\" from (select 1 as \"a;b\") s")
                    : List.of("select 1 # ; drop table `User`\n", "select \"x;drop table `User`\"", "select `a;b` from (select 1 as `a;b`) s",
                    "select 1 /* ; drop table `User` */", "select 'x'';drop table `User`'");
            for (String sql : reads) {
                GodwitRun r = p.run("sql", sql);
                assertEquals(0, r.exitCode(), sql + ": " + r.all());
                assertNull(whatChanged(db, pg, user, file, sequenceBefore, key, lockName), sql);
            }
            GodwitRun read = p.run("sql", "select email from " + user + "; select count(*) from _prisma_migrations;");
            assertEquals(0, read.exitCode(), read.all());
            assertTrue(read.stdout().contains("a@example.com") && read.stdout().contains(" 3"), read.stdout());
        }
    }

    /** The second wall: a connection the dialect made read-only stays read-only after a COMMIT, on both servers. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theReadOnlySessionRefusesChangesEvenAfterACommit(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            db.execute("CREATE TABLE walled (i INT)");
            try (Connection c = db.connect()) {
                Dialect.of(db.provider()).beginReadOnly(c);
                try (Statement st = c.createStatement()) {
                    st.execute("COMMIT");
                    SQLException e = assertThrows(SQLException.class, () -> st.execute("DROP TABLE walled"));
                    assertTrue(Dialect.of(db.provider()).isReadOnlyViolation(e), e.getMessage());
                }
            }
            assertTrue(db.tables().contains("walled"), db.tables().toString());
        }
    }

    private static String sequenceValue(TestDatabase db, boolean pg) {
        return pg ? db.scalar("SELECT last_value || ':' || is_called FROM guard_seq")
                : db.scalar("SELECT next_not_cached_value FROM guard_seq");
    }

    private static String whatChanged(TestDatabase db, boolean pg, String user, Path file, String sequenceBefore, long key, String lockName) {
        if (!db.tables().contains("User") || !db.tables().contains("Post")) {
            return "a table is gone: " + db.tables();
        }
        if (db.tables().contains("guard_new") || db.tables().contains("guard_copy")) {
            return "a table was created: " + db.tables();
        }
        if (!"1".equals(db.scalar("SELECT COUNT(*) FROM " + user))) {
            return "the rows of User changed";
        }
        if (!"3".equals(db.scalar("SELECT COUNT(*) FROM _prisma_migrations"))) {
            return "the history changed";
        }
        if (!sequenceBefore.equals(sequenceValue(db, pg))) {
            return "the sequence moved";
        }
        if (Files.exists(file)) {
            return "a file was written on the server";
        }
        // this test's own key only, in this database: other tests take Prisma's lock at the same time
        String locks = pg ? db.scalar("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = " + (key >>> 32)
                + " AND objid = " + (key & 0xFFFFFFFFL) + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                : db.scalar("SELECT IS_FREE_LOCK('" + lockName + "')");
        if (!(pg ? "0" : "1").equals(locks)) {
            return "an advisory lock is held";
        }
        return null;
    }
}
