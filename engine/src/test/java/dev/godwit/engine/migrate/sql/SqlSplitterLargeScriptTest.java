package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlSplitterLargeScriptTest {

    private static final int TARGET = 20 * 1024 * 1024;

    @Test
    void twentyMegabytePostgresScript() {
        StringBuilder sb = new StringBuilder(TARGET + 1024);
        int count = 0;
        while (sb.length() < TARGET) {
            count++;
            sb.append("-- Statement ").append(count).append("\r\n")
                    .append("INSERT INTO \"t\" (\"a\", \"b\") VALUES (").append(count)
                    .append(", 'it''s; /* not a comment */ text') /* c; */;\r\n")
                    .append("DO $x$ BEGIN PERFORM 1; END $x$;\n");
            count++;
        }
        List<SqlStatement> st = SqlSplitter.split(sb.toString(), Provider.POSTGRESQL);
        assertEquals(count, st.size());
        SqlStatement last = st.get(st.size() - 1);
        assertEquals("DO $x$ BEGIN PERFORM 1; END $x$", last.text());
        assertEquals(count / 2 * 3, last.line()); // three lines per pair of statements
        assertEquals(count, last.index());
    }

    @Test
    void twentyMegabyteMysqlScriptWithOneHugeString() {
        StringBuilder sb = new StringBuilder(TARGET + 1024);
        sb.append("DELIMITER //\nINSERT INTO t VALUES ('");
        while (sb.length() < TARGET) {
            sb.append("abc;\\'def// # -- /* \n");
        }
        sb.append("')//\nDELIMITER ;\nSELECT 1;");
        List<SqlStatement> st = SqlSplitter.split(sb.toString(), Provider.MYSQL);
        assertEquals(2, st.size());
        assertTrue(st.get(0).text().endsWith("/* \n')"));
        assertEquals(new SqlStatement(2, "SELECT 1", st.get(0).text().split("\n", -1).length + 3, 1), st.get(1));
    }

    @Test
    void deeplyNestedCommentsAndManyStatementsInOneUnterminatedComment() {
        String open = "/*".repeat(1_000_000);
        List<SqlStatement> st = SqlSplitter.split("SELECT 1;" + open + "SELECT 2;", Provider.POSTGRESQL);
        assertEquals(2, st.size());
        assertEquals("SELECT 1", st.get(0).text());
    }
}
