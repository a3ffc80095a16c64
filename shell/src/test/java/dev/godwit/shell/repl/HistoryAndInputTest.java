package dev.godwit.shell.repl;

import dev.godwit.shell.app.Shell;

import dev.godwit.engine.Provider;
import dev.godwit.shell.session.CommandSplitter;
import org.jline.reader.EOFError;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** History masking and file naming, multi-line SQL input, and how sql lines are split into words. */
class HistoryAndInputTest {
    @TempDir
    Path tmp;

    @Test
    void historyIsStoredWithPasswordsMasked() throws Exception {
        Path file = Shell.historyFile(tmp, Path.of("/some/project"));
        try (DumbTerminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            MaskingHistory history = new MaskingHistory();
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).history(history)
                    .variable(LineReader.HISTORY_FILE, file).build();
            history.attach(reader);
            history.add(Instant.now(), "connect postgresql://u:secret@h/db");
            history.add(Instant.now(), "status --url mysql://root:hunter22@db:3306/app");
            history.save();
            String saved = Files.readString(file);
            assertFalse(saved.contains("secret"), saved);
            assertFalse(saved.contains("hunter22"), saved);
            assertTrue(saved.contains("connect postgresql://u:****@h/db"), saved);
            assertEquals("connect postgresql://u:****@h/db", history.get(0), "the in-memory history is masked too");
        }
    }

    /** Each kind of connect line typed at the prompt, read by the shell's own line reader and parser, then the history file. */
    @Test
    void theHistoryFileHoldsNoPasswordAfterAnyKindOfConnectLine() throws Exception {
        String pw = "Hunter2-" + System.nanoTime();
        String encoded = pw.replace("-", "%2D");
        List<String> lines = List.of(
                "connect postgresql://user:" + pw + "@h:5432/db",
                "connect postgresql://user:pa'" + pw + "@h/db",
                "connect \"postgresql://user:pa " + pw + "@h/db\"",
                "connect 'postgresql://user:it''s" + pw + "@h/db'",
                "connect postgresql://user:" + encoded + "%27%40@h/db",
                "connect mysql://root:" + pw + "@x@h:3306/db",
                "connect jdbc:postgresql://h/db?user=u&password=" + encoded + "&ssl=true",
                "connect jdbc:mysql://root:" + pw + "@h:3306/db?useSSL=false",
                "connect host=h user=u password='a " + pw + "' dbname=x",
                "connect host=h password = " + pw,
                "connect --password " + pw,
                "connect -p" + pw,
                "connect \"postgresql://user:" + pw + "@h/db",
                "connect postgresql://user:" + pw,
                "status --url postgresql://u:" + pw + "@h/db");
        Path file = Shell.historyFile(tmp, Path.of("/some/other/project"));
        byte[] typed = String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
        try (DumbTerminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(typed), new ByteArrayOutputStream(),
                StandardCharsets.UTF_8)) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).history(new MaskingHistory())
                    .parser(new ShellParser(() -> Provider.POSTGRESQL)).variable(LineReader.HISTORY_FILE, file).build();
            int read = 0;
            while (true) {
                try {
                    reader.readLine("> ");
                    read++;
                } catch (org.jline.reader.EndOfFileException e) {
                    break;
                }
            }
            reader.getHistory().save();
            assertEquals(lines.size(), read);
        }
        String saved = Files.readString(file);
        assertEquals(lines.size(), saved.lines().count(), saved);
        assertFalse(saved.contains(pw) || saved.contains(encoded) || saved.contains("Hunter2"), saved);
        assertTrue(saved.contains("connect postgresql://user:****@h:5432/db"), saved);
    }

    @Test
    void eachProjectHasItsOwnHistoryFileUnderTheStateDirectory() {
        Path a = Shell.historyFile(tmp, Path.of("/p/one"));
        Path b = Shell.historyFile(tmp, Path.of("/p/two"));
        assertNotEquals(a, b);
        assertEquals(a, Shell.historyFile(tmp, Path.of("/p/one/../one")));
        assertEquals(tmp, a.getParent());
        assertEquals(Path.of("/x/state/godwit"), Shell.defaultStateDir(Map.of("XDG_STATE_HOME", "/x/state")));
        assertEquals(Path.of(System.getProperty("user.home"), ".local", "state", "godwit"), Shell.defaultStateDir(Map.of()));
    }

    @Test
    void sqlInputGoesOnUntilTheStatementEnds() {
        ShellParser p = new ShellParser(() -> Provider.POSTGRESQL);
        assertThrows(EOFError.class, () -> p.parse("sql select *\nfrom t", 0, Parser.ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> p.parse("sql select ';'", 0, Parser.ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> p.parse("sql --write insert into t values ($$a;", 0, Parser.ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> p.parse("sql --write insert into t values ($$a;b$$);", 0, Parser.ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> p.parse("sql select 1; -- done", 0, Parser.ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> p.parse("status", 0, Parser.ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> p.parse("sql --help", 0, Parser.ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> p.parse("sql select *", 0, Parser.ParseContext.COMPLETE), "completion never waits");
    }

    @Test
    void theStatementOfSqlIsOneWordKeptAsWritten() {
        assertEquals(List.of(List.of("sql", "select 'a;b', \"X\" from t"), List.of("status")),
                CommandSplitter.split("sql select 'a;b', \"X\" from t; status"));
        assertEquals(List.of(List.of("sql", "--write", "--yes", "insert into t values ($$it's;$$)")),
                CommandSplitter.split("sql --write --yes insert into t values ($$it's;$$);"));
        assertEquals(List.of(List.of("sql", "select 1\nfrom t"), List.of("apply")),
                CommandSplitter.split("sql\nselect 1\nfrom t;\napply\n"));
        assertEquals(List.of(List.of("sql", "--env", "prod", "select 1")), CommandSplitter.split("sql --env prod select 1;"));
        assertEquals(List.of(List.of("sql", "select 'it\\'s; fine'"), List.of("status")),
                CommandSplitter.split("sql select 'it\\'s; fine'; status", Provider.MYSQL), "MySQL backslash escapes");
    }

    @Test
    void destructiveWordsStandOut() {
        ShellHighlighter h = new ShellHighlighter(Set.of("sql", "status"));
        var s = h.highlight(null, "sql delete from t; drop table t;");
        assertEquals(ShellHighlighter.DESTRUCTIVE, s.styleAt("sql ".length()));
        assertEquals(ShellHighlighter.DESTRUCTIVE, s.styleAt(s.toString().indexOf("drop")));
        assertEquals(ShellHighlighter.KEYWORD, s.styleAt(s.toString().indexOf("from")));
        assertEquals(ShellHighlighter.COMMAND, h.highlight(null, "status --json").styleAt(0));
        assertEquals(ShellHighlighter.OPTION, h.highlight(null, "status --json").styleAt(8));
        assertEquals(ShellHighlighter.UNKNOWN, h.highlight(null, "stauts").styleAt(0));
    }
}
