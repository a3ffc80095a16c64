package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlSplitterPostgresTest {

    private static List<SqlStatement> split(String script) {
        return SqlSplitter.split(script, Provider.POSTGRESQL);
    }

    private static List<String> texts(String script) {
        return split(script).stream().map(SqlStatement::text).toList();
    }

    @Test
    void simpleStatementsWithPositions() {
        List<SqlStatement> st = split("SELECT 1;\n  SELECT 2;SELECT 3;\n\nSELECT 4");
        assertEquals(List.of(
                new SqlStatement(1, "SELECT 1", 1, 1),
                new SqlStatement(2, "SELECT 2", 2, 3),
                new SqlStatement(3, "SELECT 3", 2, 12),
                new SqlStatement(4, "SELECT 4", 4, 1)), st);
    }

    @Test
    void emptyAndBlankScripts() {
        assertEquals(List.of(), split(""));
        assertEquals(List.of(), split("   \n\t\r\n"));
        assertEquals(List.of(), split(";;; ;\n;"));
    }

    @Test
    void commentOnlyScriptHasNoStatements() {
        assertEquals(List.of(), split("-- nothing here\n/* nor\n here */\n-- ; not a statement\n"));
        assertEquals(List.of(), split("-- This is an empty migration."));
    }

    @Test
    void lastStatementWithoutSemicolon() {
        assertEquals(List.of(new SqlStatement(1, "SELECT 1", 1, 1), new SqlStatement(2, "SELECT 2", 2, 1)),
                split("SELECT 1;\nSELECT 2\n"));
    }

    @Test
    void semicolonInsideStringsWithDoubledQuotes() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT ';'"),
                texts("INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT ';';"));
    }

    @Test
    void escapeStringsUseBackslashes() {
        assertEquals(List.of("SELECT E'it\\'s; ok', e'\\\\'", "SELECT 2"),
                texts("SELECT E'it\\'s; ok', e'\\\\';SELECT 2"));
        // in a standard string a backslash is an ordinary character
        assertEquals(List.of("SELECT 'C:\\'", "SELECT 'x'"), texts("SELECT 'C:\\';SELECT 'x'"));
        // an identifier that merely ends in e is not an E-string prefix
        assertEquals(List.of("SELECT some'\\'", "SELECT 1"), texts("SELECT some'\\';SELECT 1"));
    }

    @Test
    void semicolonInsideQuotedIdentifiers() {
        assertEquals(List.of("CREATE TABLE \"a;b\" (\"x\"\";\" int)", "SELECT 1"),
                texts("CREATE TABLE \"a;b\" (\"x\"\";\" int);SELECT 1"));
    }

    @Test
    void dollarQuotedBodies() {
        String fn = """
                CREATE FUNCTION f() RETURNS trigger AS $$
                BEGIN
                  NEW.updated := now();
                  RETURN NEW;
                END;
                $$ LANGUAGE plpgsql""";
        List<SqlStatement> st = split("-- CreateFunction\n" + fn + ";\nSELECT 1;");
        assertEquals(List.of(new SqlStatement(1, fn, 2, 1), new SqlStatement(2, "SELECT 1", 8, 1)), st);
    }

    @Test
    void taggedDollarQuotesMayContainOtherDollarQuotes() {
        String doBlock = "DO $body$ BEGIN EXECUTE $q$SELECT ';'$q$; PERFORM $$;$$; END $body$";
        assertEquals(List.of(doBlock, "SELECT 2"), texts(doBlock + ";SELECT 2;"));
    }

    @Test
    void dollarSignsThatAreNotQuotes() {
        assertEquals(List.of("PREPARE p AS SELECT $1", "SELECT a$b$ FROM t", "SELECT 3"),
                texts("PREPARE p AS SELECT $1;SELECT a$b$ FROM t;SELECT 3"));
    }

    @Test
    void nestedBlockComments() {
        List<SqlStatement> st = split("/* outer /* inner; */ still comment; */ SELECT 1 /* a; /* b */ c */ + 1;");
        assertEquals(List.of(new SqlStatement(1, "SELECT 1 /* a; /* b */ c */ + 1", 1, 41)), st);
    }

    @Test
    void commentsInsideAreKeptCommentsAroundAreNot() {
        String script = """
                -- leading
                /* block */ SELECT a, -- the a column; not an end
                  b
                FROM t -- trailing
                ;
                -- after""";
        assertEquals(List.of(new SqlStatement(1, "SELECT a, -- the a column; not an end\n  b\nFROM t", 2, 13)),
                split(script));
    }

    @Test
    void crlfLineEndings() {
        String script = "-- CreateTable\r\nCREATE TABLE a (\r\n  id int\r\n);\r\n\r\n  -- CreateIndex\r\n"
                + "  CREATE INDEX i ON a(id);\r\n";
        assertEquals(List.of(
                new SqlStatement(1, "CREATE TABLE a (\r\n  id int\r\n)", 2, 1),
                new SqlStatement(2, "CREATE INDEX i ON a(id)", 7, 3)), split(script));
    }

    @Test
    void loneCarriageReturnsAndByteOrderMark() {
        assertEquals(List.of(new SqlStatement(1, "SELECT 1", 1, 1), new SqlStatement(2, "SELECT 2", 3, 2)),
                split("\uFEFFSELECT 1;\r\r SELECT 2"));
    }

    @Test
    void beginAtomicBodyIsOneStatement() {
        String fn = """
                CREATE OR REPLACE FUNCTION grade(score int) RETURNS text
                LANGUAGE SQL
                BEGIN ATOMIC
                  INSERT INTO audit VALUES (score);
                  SELECT CASE WHEN score > 50 THEN 'pass' ELSE 'fail' END;
                END""";
        String proc = """
                create procedure p()
                begin atomic
                  insert into t values (1);
                  insert into t values (case 1 when 1 then 2 end);
                end""";
        List<SqlStatement> st = split(fn + ";\n" + proc + ";\nSELECT 1;");
        assertEquals(List.of(fn, proc, "SELECT 1"), st.stream().map(SqlStatement::text).toList());
        assertEquals(List.of(1, 7, 12), st.stream().map(SqlStatement::line).toList());
    }

    @Test
    void beginOutsideRoutinesIsTransactionControl() {
        assertEquals(List.of("BEGIN", "CREATE TABLE t (a int)", "COMMIT"),
                texts("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;"));
    }

    @Test
    void unclosedAtomicBodyDoesNotSwallowTheRest() {
        // an END too few: the body never closes, so the script is split plainly
        assertEquals(List.of("CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1", "SELECT 2", "SELECT 3"),
                texts("CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1;SELECT 2;SELECT 3;"));
    }

    @Test
    void prismaStyleMigration() {
        String script = """
                -- CreateEnum
                CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

                -- CreateTable
                CREATE TABLE "User" (
                    "id" SERIAL NOT NULL,
                    "email" TEXT NOT NULL,
                    "name" TEXT DEFAULT 'anon;ymous',
                    "role" "Role" NOT NULL DEFAULT 'USER',

                    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                );

                -- CreateIndex
                CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

                -- AddForeignKey
                ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
                """;
        List<SqlStatement> st = split(script);
        assertEquals(4, st.size());
        assertEquals("CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN')", st.get(0).text());
        assertEquals("""
                CREATE TABLE "User" (
                    "id" SERIAL NOT NULL,
                    "email" TEXT NOT NULL,
                    "name" TEXT DEFAULT 'anon;ymous',
                    "role" "Role" NOT NULL DEFAULT 'USER',

                    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                )""", st.get(1).text());
        assertEquals("CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\")", st.get(2).text());
        assertEquals(List.of(2, 5, 15, 18), st.stream().map(SqlStatement::line).toList());
        assertEquals(List.of(1, 2, 3, 4), st.stream().map(SqlStatement::index).toList());
    }

    @Test
    void unterminatedQuoteRunsToEndOfScript() {
        assertEquals(List.of("SELECT 1", "SELECT 'oops; SELECT 2;"), texts("SELECT 1;\nSELECT 'oops; SELECT 2;\n  "));
        assertEquals(List.of("SELECT \"x; y"), texts("SELECT \"x; y"));
        assertEquals(List.of("DO $$ BEGIN; END;"), texts("DO $$ BEGIN; END;"));
        assertEquals(List.of("SELECT E'\\"), texts("SELECT E'\\"));
    }

    @Test
    void unterminatedCommentsEndQuietly() {
        // the unclosed comment hides SELECT 2: it is handed on, not dropped, so the server complains
        assertEquals(List.of("SELECT 1", "/* never /* closed */ SELECT 2;"),
                texts("SELECT 1; /* never /* closed */ SELECT 2;"));
        assertEquals(List.of("SELECT 1", "/* open"), texts("SELECT 1; /* closed */ /* open"));
        assertEquals(List.of("SELECT 1 /* open"), texts("SELECT 1 /* open"));
        assertEquals(List.of("SELECT 1"), texts("SELECT 1 -- no newline at end"));
    }

    @Test
    void oddInputsDoNotThrow() {
        for (String s : List.of("$", "$$", "$a", "$a$", "E", "E'", "'", "\"", "/*", "/", "-", "--", "*/", "\\", "$1$",
                "\uFEFF", "\r", "U&'x'", ")(", "((;")) {
            SqlSplitter.split(s, Provider.POSTGRESQL);
            SqlSplitter.split(s, Provider.MYSQL);
        }
        assertEquals(List.of("U&'d\\0061t;a'", "SELECT 1"), texts("U&'d\\0061t;a';SELECT 1"));
    }
}
