package dev.godwit.shell.session;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Long lines break between words, never inside one, and keep their place in a list. */
class TextWrapTest {

    @Test
    void breaksAtSpacesWithAHangingIndent() {
        String line = "  ↺ 20250108120000_add_posts         rolled back (pending again)  2025-01-08 12:00:00  12 ms";
        List<String> lines = TextWrap.wrap(line, 60, 0);
        assertEquals(List.of("  ↺ 20250108120000_add_posts         rolled back (pending",
                "    again)  2025-01-08 12:00:00  12 ms"), lines);
        for (String l : lines) {
            assertTrue(l.length() <= 60, l);
        }
        String joined = String.join(" ", lines).replaceAll(" +", " ");
        assertEquals(line.replaceAll(" +", " "), joined, "no word is lost or cut");
    }

    @Test
    void shortLinesAndWordsLongerThanALineStayWhole() {
        assertEquals(List.of("status"), TextWrap.wrap("status", 10, 0));
        String path = "hint: see /a/very/long/path/that/is/longer/than/the/terminal/line/itself.sql please";
        List<String> lines = TextWrap.wrap(path, 30, 0);
        assertEquals(List.of("hint: see", "  /a/very/long/path/that/is/longer/than/the/terminal/line/itself.sql", "  please"), lines);
        assertEquals(List.of("x"), TextWrap.wrap("x", 0, 0), "width 0: not a terminal, nothing wrapped");
    }

    @Test
    void colourSequencesTakeNoColumnsAndTheFirstLineStartsWhereTheCursorIs() {
        String red = "\u001b[1;31merror: \u001b[0m";
        List<String> lines = TextWrap.wrap(red + "one two three four", 20, 0);
        assertEquals(List.of(red + "one two three", "  four"), lines);
        assertEquals(List.of("done in", "  12 ms"), TextWrap.wrap("done in 12 ms", 30, 22));
    }

    @Test
    void aCommandInBackticksStaysOnOneLineAndAnSqlCommentStaysAComment() {
        List<String> hint = TextWrap.wrap("Next: fix the cause, then `godwit resolve --retry 20250110080000_drop_legacy` applies it.", 50, 0);
        assertEquals(List.of("Next: fix the cause, then", "  `godwit resolve --retry 20250110080000_drop_legacy`", "  applies it."), hint);
        assertEquals(List.of("-- SQL that records the drift as a new", "--   migration:"),
                TextWrap.wrap("-- SQL that records the drift as a new migration:", 40, 0));
    }

    @Test
    void twoColumnListsGoOnUnderTheirSecondColumnAndNumbersKeepTheirUnits() {
        assertEquals(List.of("  use             Switch to another environment", "                  of the project"),
                TextWrap.wrap("  use             Switch to another environment of the project", 48, 0));
        assertEquals(List.of("Applied 3 migrations to 127.0.0.1/blog in", "  181 ms."),
                TextWrap.wrap("Applied 3 migrations to 127.0.0.1/blog in 181 ms.", 44, 0));
    }

    @Test
    void outWrapsMessagesButNotTablesScriptsOrJson() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Out out = new Out(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8), false);
        out.wrapTo(() -> 24);
        out.println("three pending migrations are waiting here");
        out.printlnAsIs(" name           | state    | applied at");
        out.print("CREATE TABLE \"a_rather_long_table_name\" (id integer);\n");
        out.println("{\"json\" : \"is never broken into lines\"}");
        out.error("the database is not reachable at all", null);
        assertEquals("three pending migrations\n  are waiting here\n"
                + " name           | state    | applied at\n"
                + "CREATE TABLE \"a_rather_long_table_name\" (id integer);\n"
                + "{\"json\" : \"is never broken into lines\"}\n", stdout.toString(StandardCharsets.UTF_8));
        assertEquals("error: the database is\n  not reachable at all\n", stderr.toString(StandardCharsets.UTF_8));
    }
}
