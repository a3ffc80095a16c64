package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.Provider;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.migrate.sql.TransactionRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresTransactionRulesTest {

    private static Optional<String> why(String sql) {
        List<SqlStatement> st = SqlSplitter.split(sql, Provider.POSTGRESQL);
        assertEquals(1, st.size(), sql);
        return PostgresTransactionRules.whyNotTransactional(st.get(0), Provider.POSTGRESQL);
    }

    @Test
    void createIndexConcurrently() {
        assertEquals(Optional.of("CREATE INDEX CONCURRENTLY cannot run inside a transaction block"),
                why("CREATE INDEX CONCURRENTLY \"i\" ON \"t\"(\"a\")"));
        assertEquals(Optional.of("CREATE INDEX CONCURRENTLY cannot run inside a transaction block"),
                why("-- CreateIndex\ncreate unique index /* why not */ concurrently if not exists i on t(a)"));
    }

    @Test
    void reasonsForEachKind() {
        assertEquals("DROP INDEX CONCURRENTLY cannot run inside a transaction block",
                why("DROP INDEX CONCURRENTLY IF EXISTS i").orElseThrow());
        assertEquals("REINDEX ... CONCURRENTLY cannot run inside a transaction block",
                why("REINDEX INDEX CONCURRENTLY i").orElseThrow());
        assertEquals("REINDEX ... CONCURRENTLY cannot run inside a transaction block",
                why("REINDEX (VERBOSE, CONCURRENTLY) TABLE t").orElseThrow());
        assertEquals("REINDEX DATABASE cannot run inside a transaction block", why("REINDEX DATABASE d").orElseThrow());
        assertEquals("REINDEX SCHEMA cannot run inside a transaction block", why("reindex schema public").orElseThrow());
        assertEquals("VACUUM cannot run inside a transaction block", why("VACUUM (ANALYZE) t").orElseThrow());
        assertEquals("CREATE DATABASE cannot run inside a transaction block", why("CREATE DATABASE d").orElseThrow());
        assertEquals("DROP DATABASE cannot run inside a transaction block", why("DROP DATABASE IF EXISTS d").orElseThrow());
        assertEquals("ALTER SYSTEM cannot run inside a transaction block",
                why("ALTER SYSTEM SET work_mem = '64MB'").orElseThrow());
        assertEquals("CREATE TABLESPACE cannot run inside a transaction block",
                why("CREATE TABLESPACE ts LOCATION '/data'").orElseThrow());
        assertEquals("DROP TABLESPACE cannot run inside a transaction block", why("DROP TABLESPACE ts").orElseThrow());
        assertEquals("CREATE SUBSCRIPTION cannot run inside a transaction block",
                why("CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p").orElseThrow());
        assertEquals("ALTER SUBSCRIPTION cannot run inside a transaction block",
                why("ALTER SUBSCRIPTION s REFRESH PUBLICATION").orElseThrow());
        assertEquals("ALTER DATABASE ... SET TABLESPACE cannot run inside a transaction block",
                why("ALTER DATABASE d SET TABLESPACE ts").orElseThrow());
        assertEquals("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY cannot run inside a transaction block",
                why("ALTER TABLE ONLY public.t DETACH PARTITION public.t_2020 CONCURRENTLY").orElseThrow());
        assertEquals("CLUSTER without a table name cannot run inside a transaction block",
                why("CLUSTER VERBOSE").orElseThrow());
    }

    @Test
    void alterTypeAddValueKeepsTheTransactionUnlessALaterStatementUsesTheValue() {
        List<SqlStatement> alone = SqlSplitter.split("-- AlterEnum\nALTER TYPE \"public\".\"Role\" ADD VALUE 'OWNER' BEFORE 'ADMIN';\n"
                + "CREATE TABLE t (id INT);\n", Provider.POSTGRESQL);
        assertEquals(List.of(), PostgresTransactionRules.whyNotTransactional(alone, Provider.POSTGRESQL, 15));
        assertEquals(Optional.empty(), why("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh'"));
        // before PostgreSQL 12 (or when the version is not known) ADD VALUE refuses a transaction block
        assertEquals(List.of("statement 1 (line 2): ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12"),
                PostgresTransactionRules.whyNotTransactional(alone, Provider.POSTGRESQL, 11));
        assertEquals(1, PostgresTransactionRules.whyNotTransactional(alone, Provider.POSTGRESQL, 0).size());
        List<SqlStatement> used = SqlSplitter.split("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'it''s';\n"
                + "-- 'it''s' in a comment is no use\nUPDATE t SET note = 'x';\n"
                + "ALTER TABLE t ALTER COLUMN m SET DEFAULT 'it''s';\n", Provider.POSTGRESQL);
        assertEquals(List.of("statement 1 (line 1): ALTER TYPE ... ADD VALUE 'it's': statement 3 (line 4) uses the new value, "
                + "which PostgreSQL refuses in the transaction that added it"), PostgresTransactionRules.whyNotTransactional(used, Provider.POSTGRESQL, 16));
        assertEquals(Optional.empty(), why("ALTER TYPE mood RENAME VALUE 'a' TO 'b'"));
        assertEquals(Optional.empty(), why("ALTER TYPE addr ADD ATTRIBUTE zip text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX i ON t(a)",
            "CREATE UNIQUE INDEX \"CONCURRENTLY\" ON t(a)",
            "CREATE INDEX i ON t(a) -- CONCURRENTLY",
            "CREATE INDEX /* CONCURRENTLY */ i ON t(a)",
            "-- CREATE INDEX CONCURRENTLY i ON t(a)\nSELECT 1",
            "SELECT 'CREATE INDEX CONCURRENTLY i ON t(a)'",
            "SELECT $$VACUUM$$",
            "COMMENT ON TABLE t IS 'VACUUM; DROP DATABASE d'",
            "DROP INDEX i",
            "REINDEX TABLE t",
            "REINDEX (CONCURRENTLY false) INDEX i",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY mv",
            "ALTER TABLE t DETACH PARTITION p",
            "ALTER DATABASE d SET search_path = public",
            "CLUSTER t USING i",
            "ANALYZE t",
            "BEGIN",
            "COMMIT",
            "CREATE TABLE \"VACUUM\" (a int)",
            "DO $$ BEGIN EXECUTE 'VACUUM'; END $$",
    })
    void transactionalStatements(String sql) {
        assertEquals(Optional.empty(), why(sql));
    }

    @Test
    void mysqlIsAlwaysEmpty() {
        SqlStatement st = new SqlStatement(1, "CREATE INDEX CONCURRENTLY i ON t(a)", 1, 1);
        assertEquals(Optional.empty(), PostgresTransactionRules.whyNotTransactional(st, Provider.MYSQL));
        assertTrue(PostgresTransactionRules.whyNotTransactional(st, Provider.POSTGRESQL).isPresent());
    }

    @Test
    void transactionControl() {
        for (String sql : List.of("BEGIN", "begin isolation level serializable", "START TRANSACTION", "COMMIT",
                "ROLLBACK", "END", "ABORT", "SAVEPOINT a", "RELEASE SAVEPOINT a")) {
            assertTrue(TransactionRules.isTransactionControl(new SqlStatement(1, sql, 1, 1), Provider.POSTGRESQL), sql);
        }
        assertTrue(TransactionRules.isTransactionControl(new SqlStatement(1, "BEGIN WORK", 1, 1), Provider.MYSQL));
        assertFalse(TransactionRules.isTransactionControl(new SqlStatement(1, "BEGIN NOT ATOMIC SELECT 1; END", 1, 1),
                Provider.MYSQL));
        assertFalse(TransactionRules.isTransactionControl(new SqlStatement(1, "END", 1, 1), Provider.MYSQL));
        assertFalse(TransactionRules.isTransactionControl(new SqlStatement(1, "-- COMMIT\nSELECT 1", 1, 1),
                Provider.POSTGRESQL));
    }
}
