package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementKeywordsTest {

    @Test
    void skipsCommentsAndUpperCasesWords() {
        assertEquals(List.of("CREATE", "INDEX", "CONCURRENTLY"),
                StatementKeywords.leading("-- x\n/* y /* z */ */ create\tIndex concurrently i ON t(a)", 3,
                        Provider.POSTGRESQL));
    }

    @Test
    void otherTokensAreVerbatim() {
        assertEquals(List.of("ALTER", "TYPE", "\"public\"", ".", "\"Role\"", "ADD", "VALUE", "'x'"),
                StatementKeywords.leading("ALTER TYPE \"public\".\"Role\" ADD VALUE 'x'", 20, Provider.POSTGRESQL));
        assertEquals(List.of("DO", "$$ BEGIN END $$"),
                StatementKeywords.leading("DO $$ BEGIN END $$", 5, Provider.POSTGRESQL));
    }

    @Test
    void mysqlComments() {
        assertEquals(List.of("SELECT", "5", "-", "-", "X"),
                StatementKeywords.leading("# c\n-- d\nSELECT 5--x", 10, Provider.MYSQL));
        assertEquals(List.of("/*!40101 SET NAMES utf8 */"),
                StatementKeywords.leading("/* c */ /*!40101 SET NAMES utf8 */", 10, Provider.MYSQL));
    }

    @Test
    void limitsAndEmptyInput() {
        assertEquals(List.of(), StatementKeywords.leading("", 3, Provider.POSTGRESQL));
        assertEquals(List.of(), StatementKeywords.leading("SELECT 1", 0, Provider.POSTGRESQL));
        assertEquals(List.of("SELECT"), StatementKeywords.leading("SELECT 1", 1, Provider.POSTGRESQL));
    }
}
