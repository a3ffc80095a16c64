package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlSplitterMysqlTest {

    private static List<SqlStatement> split(String script) {
        return SqlSplitter.split(script, Provider.MYSQL);
    }

    private static List<String> texts(String script) {
        return split(script).stream().map(SqlStatement::text).toList();
    }

    @Test
    void stringsWithBackslashAndDoubledQuotes() {
        assertEquals(List.of("INSERT INTO t VALUES ('a\\';b', 'x'';y', \"q\\\";r\", \"s\"\";t\")", "SELECT 2"),
                texts("INSERT INTO t VALUES ('a\\';b', 'x'';y', \"q\\\";r\", \"s\"\";t\");SELECT 2"));
    }

    @Test
    void backtickIdentifiers() {
        assertEquals(List.of("CREATE TABLE `we;ird` (`a``;b` INT)", "SELECT 1"),
                texts("CREATE TABLE `we;ird` (`a``;b` INT);\nSELECT 1;"));
    }

    @Test
    void hashAndDashDashComments() {
        List<SqlStatement> st = split("# header; still a comment\n-- also; a comment\nSELECT 1; # trailing;\nSELECT 2");
        assertEquals(List.of(new SqlStatement(1, "SELECT 1", 3, 1), new SqlStatement(2, "SELECT 2", 4, 1)), st);
    }

    @Test
    void dashDashWithoutSpaceIsNotAComment() {
        assertEquals(List.of("SELECT 5--x", "SELECT 1"), texts("SELECT 5--x;SELECT 1"));
        assertEquals(List.of("SELECT 5 --\tcomment;\n+ 1"), texts("SELECT 5 --\tcomment;\n+ 1;"));
        assertEquals(List.of("SELECT 1"), texts("SELECT 1;--"));
    }

    @Test
    void executableCommentsArePartOfTheStatement() {
        List<SqlStatement> st = split("/* plain; */ /*!40101 SET NAMES utf8mb4 */;\n"
                + "/*!50003 CREATE*/ /*!50020 DEFINER=`root`@`%`*/ /*!50003 TRIGGER t BEFORE INSERT ON x"
                + " FOR EACH ROW SET NEW.a = 1; */;\n"
                + "CREATE TABLE t (a INT) /*!50100 PARTITION BY HASH (a) */;");
        assertEquals(List.of(
                new SqlStatement(1, "/*!40101 SET NAMES utf8mb4 */", 1, 14),
                new SqlStatement(2, "/*!50003 CREATE*/ /*!50020 DEFINER=`root`@`%`*/ /*!50003 TRIGGER t BEFORE INSERT ON x"
                        + " FOR EACH ROW SET NEW.a = 1; */", 2, 1),
                new SqlStatement(3, "CREATE TABLE t (a INT) /*!50100 PARTITION BY HASH (a) */", 3, 1)), st);
    }

    @Test
    void blockCommentsDoNotNest() {
        assertEquals(List.of("*/ SELECT 2"), texts("/* a /* b */ */ SELECT 2;"));
    }

    @Test
    void delimiterCommandWithProcedureBody() {
        String script = """
                DROP PROCEDURE IF EXISTS p;
                DELIMITER //
                CREATE PROCEDURE p(IN n INT)
                BEGIN
                  DECLARE i INT DEFAULT 0;
                  WHILE i < n DO
                    SET i = i + 1;
                  END WHILE;
                END //
                delimiter ;
                CALL p(3);
                """;
        List<SqlStatement> st = split(script);
        assertEquals(List.of(
                new SqlStatement(1, "DROP PROCEDURE IF EXISTS p", 1, 1),
                new SqlStatement(2, """
                        CREATE PROCEDURE p(IN n INT)
                        BEGIN
                          DECLARE i INT DEFAULT 0;
                          WHILE i < n DO
                            SET i = i + 1;
                          END WHILE;
                        END""", 3, 1),
                new SqlStatement(3, "CALL p(3)", 11, 1)), st);
    }

    @Test
    void delimiterWithIdentifierCharactersAndCrlf() {
        String script = "DELIMITER $$\r\nCREATE FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END$$\r\n"
                + "SELECT f()$$\r\n  DELIMITER ;\r\nSELECT 2;";
        assertEquals(List.of(
                new SqlStatement(1, "CREATE FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END", 2, 1),
                new SqlStatement(2, "SELECT f()", 3, 1),
                new SqlStatement(3, "SELECT 2", 5, 1)), split(script));
    }

    @Test
    void doubledSemicolonDelimiterAsWrittenByDumps() {
        String script = "DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END ;;\nDELIMITER ;\n";
        assertEquals(List.of("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END"), texts(script));
    }

    @Test
    void delimiterWordThatIsNotTheCommand() {
        // a column named delimiter inside parentheses, and the word in the middle of a line
        assertEquals(List.of("CREATE TABLE t (\ndelimiter VARCHAR(3)\n)", "SELECT delimiter FROM t"),
                texts("CREATE TABLE t (\ndelimiter VARCHAR(3)\n);\nSELECT delimiter FROM t;"));
        // inside a string or comment it is not a command either
        assertEquals(List.of("SELECT '\nDELIMITER //\n'", "SELECT 2"),
                texts("SELECT '\nDELIMITER //\n';\n# DELIMITER //\nSELECT 2;"));
    }

    @Test
    void delimiterCommandEndsAPendingStatement() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1\nDELIMITER //\nSELECT 2//"));
    }

    @Test
    void storedProgramBodiesWithoutDelimiterCommand() {
        String proc = """
                CREATE DEFINER=`admin`@`localhost` PROCEDURE p()
                BEGIN
                  DECLARE x INT DEFAULT 0;
                  IF x = 0 THEN SET x = 1; END IF;
                  CASE x WHEN 1 THEN SELECT 1; ELSE SELECT CASE WHEN x > 1 THEN 2 ELSE 3 END; END CASE;
                  lbl: LOOP LEAVE lbl; END LOOP lbl;
                  REPEAT SET x = x + 1; UNTIL x > 3 END REPEAT;
                  inner_block: BEGIN SELECT IF(x > 1, 'a', 'b'); END inner_block;
                END""";
        String trigger = "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END";
        String anon = "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END";
        List<SqlStatement> st = split(proc + ";\n" + trigger + ";\n" + anon + ";\nSELECT 9;");
        assertEquals(List.of(proc, trigger, anon, "SELECT 9"), st.stream().map(SqlStatement::text).toList());
        assertEquals(List.of(1, 10, 11, 12), st.stream().map(SqlStatement::line).toList());
    }

    @Test
    void tablesNamedLikeProgramKeywordsAreNotBodies() {
        assertEquals(List.of("CREATE TABLE event (begin DATETIME, `end` DATETIME)", "INSERT INTO event VALUES (NOW(), NOW())"),
                texts("CREATE TABLE event (begin DATETIME, `end` DATETIME);INSERT INTO event VALUES (NOW(), NOW());"));
        assertEquals(List.of("BEGIN", "SELECT 1", "COMMIT"), texts("BEGIN;SELECT 1;COMMIT;"));
    }

    @Test
    void unbalancedBodyFallsBackToPlainSplitting() {
        assertEquals(List.of("CREATE PROCEDURE p() BEGIN SELECT 1", "SELECT 2"),
                texts("CREATE PROCEDURE p() BEGIN SELECT 1;SELECT 2;"));
    }

    @Test
    void prismaStyleMysqlMigration() {
        String script = """
                -- CreateTable
                CREATE TABLE `User` (
                    `id` INTEGER NOT NULL AUTO_INCREMENT,
                    `email` VARCHAR(191) NOT NULL,

                    UNIQUE INDEX `User_email_key`(`email`),
                    PRIMARY KEY (`id`)
                ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

                -- AddForeignKey
                ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
                """;
        List<SqlStatement> st = split(script);
        assertEquals(2, st.size());
        assertEquals(2, st.get(0).line());
        assertEquals(11, st.get(1).line());
        assertEquals("ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES"
                + " `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE", st.get(1).text());
    }

    @Test
    void unterminatedQuotes() {
        assertEquals(List.of("SELECT 1", "SELECT 'abc\\'; SELECT 2;"), texts("SELECT 1;\nSELECT 'abc\\'; SELECT 2;\n"));
        assertEquals(List.of("SELECT `a;"), texts("SELECT `a;"));
        assertEquals(List.of("SELECT 1", "/*! SET x=1;"), texts("SELECT 1; /*! SET x=1;"));
    }

    @Test
    void dollarSignsAreOrdinaryInMysql() {
        assertEquals(List.of("SELECT $$a", "b$$"), texts("SELECT $$a;b$$"));
    }
}
