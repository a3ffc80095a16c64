package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.Provider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Telling interactive input that is still being typed from a finished statement. */
class StatementEndTest {
    private static boolean pg(String s) {
        return SqlSplitter.endsWithCompleteStatement(s, Provider.POSTGRESQL);
    }

    private static boolean my(String s) {
        return SqlSplitter.endsWithCompleteStatement(s, Provider.MYSQL);
    }

    @Test
    void aDelimiterOutsideQuotesAndCommentsFinishesTheStatement() {
        assertTrue(pg("select 1;"));
        assertTrue(pg("select 1;  \n"));
        assertTrue(pg("select 1; -- done"));
        assertFalse(pg("select 1"));
        assertFalse(pg("select ';"));
        assertFalse(pg("select \"a;"));
        assertFalse(pg("select 1; /* open"));
        assertFalse(pg("select 1 -- ;"));
        assertFalse(pg("do $$ begin perform 1; end"));
        assertTrue(pg("do $$ begin perform 1; end $$;"));
        assertFalse(my("select 'it\\'s;"));
        assertTrue(my("select 'it\\'s';"));
        assertFalse(my("select 1 # ;"));
    }

    @Test
    void statementEndFindsTheFirstDelimiterFromAnOffset() {
        String s = "sql select 'a;b' from t; status";
        int end = SqlSplitter.statementEnd(s, 4, Provider.POSTGRESQL);
        assertEquals("select 'a;b' from t;", s.substring(4, end));
        assertEquals(-1, SqlSplitter.statementEnd("select 'a;", 0, Provider.POSTGRESQL));
    }
}
