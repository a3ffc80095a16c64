package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.session.TerminalText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Escape sequences stored in the database never reach the terminal: status, history --logs, show, sql. */
class EscapeSequencesCliTest {
    private static final String EVIL = "\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void stringsFromTheDatabaseArePrintedWithTheirControlCharactersEscaped(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp.resolve("p"), db).blog()
                    .add("20240104000000_bad", "INSERT INTO no_such_table VALUES (1);\n");
            assertEquals(1, p.run("apply").exitCode());
            db.execute("UPDATE _prisma_migrations SET logs = 'boom " + EVIL + " end' WHERE migration_name = '20240104000000_bad'");
            db.execute("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES "
                    + "('evil-1', 'abc', '20240109000000_x" + EVIL + "', CURRENT_TIMESTAMP, 0)");
            for (String[] cmd : new String[][]{{"status"}, {"history", "--logs"}, {"show", "20240104000000_bad"},
                    {"sql", "select migration_name, logs from _prisma_migrations"}, {"--no-color", "status"}}) {
                GodwitRun r = p.run(cmd);
                String all = r.all();
                assertTrue(all.contains("\\u001b[2J") || all.contains("\\u001b]0;owned"), String.join(" ", cmd) + " shows the escape visibly: " + all);
                for (char c : new char[]{'\u001b', '\u0007', '\u009b', '\u202e'}) {
                    assertEquals(-1, all.indexOf(c), String.join(" ", cmd) + " printed U+" + Integer.toHexString(c) + ": " + all);
                }
            }
        }
    }

    @Test
    void withColoursOnlyGodwitsOwnColourCodesPass() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Out out = new Out(ps, ps, true);
        out.println(out.style(Out.Style.RED_BOLD, "FAILED") + " " + EVIL + "\u001b[31m\r\nnext\ttab");
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("\u001b[1;31mFAILED\u001b[0m "), printed);
        assertTrue(printed.contains("\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m\\u202e"), printed);
        assertEquals(2, printed.split("\u001b", -1).length - 1, "only the two codes of style(): " + printed);
        assertTrue(printed.contains("\nnext\ttab"), printed);
        assertEquals("a\\u001bb\\nc", TerminalText.oneLine("a\u001bb\nc"));
    }
}
