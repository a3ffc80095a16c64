package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Ways past the read-only guard of {@code sql}, each with the words the refusal must contain; and reads it must let through. */
class ReadOnlyGuardTest {
    private static final Provider PG = Provider.POSTGRESQL;
    private static final Provider MY = Provider.MYSQL;

    private record Probe(Provider p, String sql, String reason) {
    }

    private static final List<Probe> REFUSED = List.of(
            new Probe(PG, "commit; drop table t; commit;", "transaction control"),
            new Probe(PG, "select 1; commit; delete from \"_prisma_migrations\"; commit;", "statement 2 of 4"),
            new Probe(PG, "begin", "transaction control"),
            new Probe(PG, "start transaction read write", "transaction control"),
            new Probe(PG, "rollback", "transaction control"),
            new Probe(PG, "savepoint a", "transaction control"),
            new Probe(PG, "set transaction read write", "transaction control"),
            new Probe(PG, "set session characteristics as transaction read write", "transaction control"),
            new Probe(PG, "prepare transaction 'x'", "transaction control"),
            new Probe(PG, "end", "transaction control"),
            new Probe(PG, "drop table t", "drops a table"),
            new Probe(PG, "DROP /* x */ TABLE t", "drops a table"),
            new Probe(PG, "copy t to program 'touch /tmp/x'", "runs a command on the database server"),
            new Probe(PG, "copy t from program 'id'", "runs a command"),
            new Probe(PG, "copy t to '/tmp/x'", "writes a file"),
            new Probe(PG, "copy t from '/etc/passwd'", "reads a file"),
            new Probe(PG, "select pg_advisory_lock(72707369)", "advisory lock"),
            new Probe(PG, "select pg_try_advisory_lock(1)", "advisory lock"),
            new Probe(PG, "select \"pg_advisory_lock\"(1)", "advisory lock"),
            new Probe(PG, "select pg_catalog . pg_advisory_lock /* c */ (1)", "advisory lock"),
            new Probe(PG, "select * from pg_advisory_lock(1)", "advisory lock"),
            new Probe(PG, "SELECT set_config('default_transaction_read_only', 'off', false)", "setting"),
            new Probe(PG, "set default_transaction_read_only = off", "SET"),
            new Probe(PG, "reset all", "RESET"),
            new Probe(PG, "select pg_terminate_backend(1)", "ends another session"),
            new Probe(PG, "select lo_import('/etc/passwd')", "large object"),
            new Probe(PG, "select lo_export(1, '/tmp/x')", "large object"),
            new Probe(PG, "select * from dblink('dbname=x', 'delete from t') as r(a int)", "another connection"),
            new Probe(PG, "select dblink_exec('delete from t')", "another connection"),
            new Probe(PG, "select query_to_xml('delete from t returning 1', true, false, '')", "runs the SQL text"),
            new Probe(PG, "select * into t2 from t", "INTO"),
            new Probe(PG, "select * from t for update", "FOR UPDATE"),
            new Probe(PG, "select * from t for no key update", "locks"),
            new Probe(PG, "select * from t for share", "locks"),
            new Probe(PG, "with x as (delete from t returning *) select * from x", "DELETE"),
            new Probe(PG, "with x as (insert into t values (1) returning *) select 1", "INSERT"),
            new Probe(PG, "with x as (update t set i = 2 returning *) table x", "UPDATE"),
            new Probe(PG, "call p()", "procedure"),
            new Probe(PG, "do $$ begin drop table t; end $$", "DO"),
            new Probe(PG, "select nextval('s')", "sequence"),
            new Probe(PG, "select setval('s', 1)", "sequence"),
            new Probe(PG, "explain analyze delete from t", "EXPLAIN ANALYZE runs it"),
            new Probe(PG, "explain (analyze true, format json) delete from t", "deletes rows"),
            new Probe(PG, "explain analyse insert into t values (1)", "inserts rows"),
            new Probe(PG, "prepare p as delete from t", "PREPARE"),
            new Probe(PG, "execute p", "prepared statement"),
            new Probe(PG, "select 1\\g", "backslash"),
            new Probe(PG, "select U&\"\\0070g_advisory_lock\"(1)", "Unicode escapes"),
            new Probe(PG, "select 'a\\'; drop table t; --'", "drops a table"),
            new Probe(PG, "select E'\\'; drop table t; --'", ""),
            new Probe(PG, "select 1 /* unclosed; drop table t", "never closed"),
            new Probe(PG, "select $a$ x", "never closed"),
            new Probe(PG, "vacuum", "VACUUM"),
            new Probe(PG, "analyze t", "statistics"),
            new Probe(PG, "truncate t", "empties"),
            new Probe(PG, "lock table t", "locks tables"),
            new Probe(PG, "listen x", "notifications"),
            new Probe(PG, "discard all", "session"),
            new Probe(PG, "refresh materialized view v", "materialized view"),
            new Probe(PG, "frobnicate t", "not a statement"),
            new Probe(MY, "drop table t;", "drops a table"),
            new Probe(MY, "truncate t", "empties"),
            new Probe(MY, "create table x (i int)", "creates a table"),
            new Probe(MY, "rename table t to u", "renames"),
            new Probe(MY, "select 1 /*! ; drop table t */", "executable comment"),
            new Probe(MY, "select 1 /*!50000 , sleep(1) */", "executable comment"),
            new Probe(MY, "select 1 /*M!100000 , get_lock('x', 1) */", "executable comment"),
            new Probe(MY, "/*!drop table t*/", "executable comment"),
            new Probe(MY, "select 1 --1; drop table t", "drops a table"),
            new Probe(MY, "select '\\'; drop table t; -- '", "quoting settings"),
            new Probe(MY, "select \"\\\"; drop table t; -- \"", "quoting settings"),
            new Probe(MY, "select get_lock('prisma_migrate', 10)", "named lock"),
            new Probe(MY, "select `GET_LOCK`('x', 1)", "named lock"),
            new Probe(MY, "select release_lock('x')", "named lock"),
            new Probe(MY, "select release_all_locks()", "named locks"),
            new Probe(MY, "select * from t into outfile '/tmp/x'", "writes a file"),
            new Probe(MY, "select * from t into dumpfile '/tmp/x'", "writes a file"),
            new Probe(MY, "select 1 into @a", "INTO"),
            new Probe(MY, "select @a := 1", "user variable"),
            new Probe(MY, "select * from t lock in share mode", "locks"),
            new Probe(MY, "select * from t for update", "FOR UPDATE"),
            new Probe(MY, "select next value for s", "sequence"),
            new Probe(MY, "select nextval(s)", "sequence"),
            new Probe(MY, "select setval(s, 1)", "sequence"),
            new Probe(MY, "xa start 'x'", "transaction control"),
            new Probe(MY, "set autocommit = 1", "transaction control"),
            new Probe(MY, "set session transaction read write", "SET"),
            new Probe(MY, "set @@session.sql_mode = 'NO_BACKSLASH_ESCAPES'", "SET"),
            new Probe(MY, "start transaction", "transaction control"),
            new Probe(MY, "begin work", "transaction control"),
            new Probe(MY, "unlock tables", "table locks"),
            new Probe(MY, "lock tables t write", "locks tables"),
            new Probe(MY, "do get_lock('x', 1)", "DO"),
            new Probe(MY, "handler t open", "handler"),
            new Probe(MY, "analyze select 1", "statistics"),
            new Probe(MY, "analyze table t", "statistics"),
            new Probe(MY, "explain analyze delete from t", "deletes rows"),
            new Probe(MY, "explain format=json update t set i = 1", "updates rows"),
            new Probe(MY, "load data infile '/etc/passwd' into table t", "loads data"),
            new Probe(MY, "prepare s from 'drop table t'", "PREPARE"),
            new Probe(MY, "execute s", "prepared statement"),
            new Probe(MY, "call p()", "procedure"),
            new Probe(MY, "kill 1", "another session"),
            new Probe(MY, "select last_insert_id(5)", "last insert id"),
            new Probe(MY, "select 1\\g drop table t", "backslash"),
            new Probe(MY, "replace into t values (1)", "replaces rows"),
            new Probe(MY, "with x as (select 1) delete from t", "DELETE"));

    private static final List<Probe> ALLOWED = List.of(
            new Probe(PG, "select 1", null),
            new Probe(PG, "SELECT * FROM \"User\" WHERE email = 'a;b@x' -- commit", null),
            new Probe(PG, "select 'commit; drop table t'", null),
            new Probe(PG, "select $$;drop table t;$$, $x$ $$ ; $x$", null),
            new Probe(PG, "select /* /* nested */ ; drop table t */ 1", null),
            new Probe(PG, "select \"delete\", \"update\" from t", null),
            new Probe(PG, "select 1; select 2;", null),
            new Probe(PG, "with x as (select 1) select * from x", null),
            new Probe(PG, "with recursive r(n) as (select 1 union all select n + 1 from r where n < 3) select * from r", null),
            new Probe(PG, "table t", null),
            new Probe(PG, "values (1), (2)", null),
            new Probe(PG, "(select 1) union (select 2)", null),
            new Probe(PG, "show search_path", null),
            new Probe(PG, "explain select * from t", null),
            new Probe(PG, "explain (analyze, buffers, format json) select * from t", null),
            new Probe(PG, "select count(*), max(i), lower('X'), currval('s') from t", null),
            new Probe(PG, "select repeat('ab', 50000)", null),
            new Probe(PG, "select E'it\\'s', 'it''s'", null),
            new Probe(MY, "select 1", null),
            new Probe(MY, "select 1 # ; drop table t", null),
            new Probe(MY, "select 1 -- ; drop table t", null),
            new Probe(MY, "select 1 /* ; drop table t */", null),
            new Probe(MY, "select `delete` from t", null),
            new Probe(MY, "show tables", null),
            new Probe(MY, "show create table t", null),
            new Probe(MY, "describe t", null),
            new Probe(MY, "explain select * from t", null),
            new Probe(MY, "select 1; select 2;", null),
            new Probe(MY, "select replace('a', 'b', 'c'), 'x''y'", null),
            new Probe(MY, "select 'a'' ; drop table t; -- '", null),
            new Probe(MY, "values (1)", null));

    @Test
    void everyWayPastTheGuardIsRefusedAndSaysWhy() {
        StringBuilder failures = new StringBuilder();
        for (Probe p : REFUSED) {
            ReadOnlyGuard.Refusal r = ReadOnlyGuard.checkReadOnly(p.sql(), p.p());
            if (r == null) {
                failures.append("\n  let through (").append(p.p()).append("): ").append(p.sql());
            } else if (!r.message().contains(p.reason())) {
                failures.append("\n  refused without saying \"").append(p.reason()).append("\": ").append(r.message());
            }
        }
        assertEquals("", failures.toString());
    }

    @Test
    void plainReadsPass() {
        StringBuilder failures = new StringBuilder();
        for (Probe p : ALLOWED) {
            ReadOnlyGuard.Refusal r = ReadOnlyGuard.checkReadOnly(p.sql(), p.p());
            if (r != null) {
                failures.append("\n  refused (").append(p.p()).append("): ").append(r.message());
            }
        }
        assertEquals("", failures.toString());
    }

    @Test
    void refusalsNameTheStatementAndCutLongOnes() {
        ReadOnlyGuard.Refusal r = ReadOnlyGuard.checkReadOnly("select 1;\n drop   table\n t; select 2", PG);
        assertEquals("«drop table t» (statement 2 of 3) drops a table", r.message());
        ReadOnlyGuard.Refusal longOne = ReadOnlyGuard.checkReadOnly("delete from t where x = '" + "a".repeat(500) + "'", PG);
        assertTrue(longOne.excerpt().length() <= 61 && longOne.excerpt().endsWith("…"), longOne.excerpt());
    }

    @Test
    void writeModeStillRefusesTransactionControl() {
        assertNull(ReadOnlyGuard.checkWrite("insert into t values (1); delete from t", PG));
        assertNull(ReadOnlyGuard.checkWrite("begin not atomic select 1; end", MY));
        assertTrue(ReadOnlyGuard.checkWrite("insert into t values (1); commit; drop table t", PG).message().contains("statement 2 of 3"));
        assertNotNull(ReadOnlyGuard.checkWrite("xa start 'x'", MY));
        assertNotNull(ReadOnlyGuard.checkWrite("set autocommit = 1", MY));
    }

    /** A megabyte literal is read whole (how the guard's cost grows is measured by scripts/torture's 1 MB value, not timed here). */
    @Test
    void aMegabyteLiteralIsReadWholeAndAWriteAfterItIsStillFound() {
        String big = "select '" + "ab".repeat(500_000) + "'";
        assertNull(ReadOnlyGuard.checkReadOnly(big, PG));
        assertNotNull(ReadOnlyGuard.checkReadOnly(big + "; drop table t", PG));
        assertNotNull(ReadOnlyGuard.checkReadOnly("select '" + "ab".repeat(500_000) + "; drop table t; --'; delete from t", PG));
    }
}
