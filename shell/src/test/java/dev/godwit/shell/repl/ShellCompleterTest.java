package dev.godwit.shell.repl;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.app.GodwitCommand;
import dev.godwit.shell.app.Main;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.TestProject;
import dev.godwit.shell.session.Out;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** Completion through JLine's parser and our completer, with live names from a real database. */
class ShellCompleterTest {
    @TempDir
    Path tmp;

    private static List<String> complete(ShellCompleter c, LineReader reader, String line) {
        ParsedLine pl = new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> out = new ArrayList<>();
        c.complete(reader, pl, out);
        return out.stream().map(Candidate::value).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void valuesComeFromTheDatabaseAndTheProject(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db)
                    .add("20240101000000_ok", "CREATE TABLE " + "t1 (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_bad", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);\n")
                    .add("20240103000000_later", "CREATE TABLE t3 (id INTEGER PRIMARY KEY);\n");
            assertEquals(1, p.run("apply").exitCode());

            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            Out out = new Out(nowhere, nowhere, false);
            GlobalOptions options = new GlobalOptions().withTarget(p.root(), null, null);
            try (Session session = new Session(options, out, Map.of());
                 DumbTerminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]),
                         new ByteArrayOutputStream(), StandardCharsets.UTF_8);
                 Metadata metadata = new Metadata(session)) {
                Metadata.Snapshot snap = metadata.load();
                assertNull(snap.error(), snap.error());
                ShellCompleter c = new ShellCompleter(Main.commandLine(new GodwitCommand(out, Map.of()), out), () -> snap);
                LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();

                assertEquals(List.of("20240102000000_bad"), complete(c, reader, "resolve --rolled-back "));
                for (String recovery : List.of("--retry", "--finish", "--undo")) {
                    assertEquals(List.of("20240102000000_bad"), complete(c, reader, "resolve " + recovery + " "), recovery);
                }
                assertEquals(List.of("20240101000000_ok", "20240102000000_bad", "20240103000000_later"), complete(c, reader, "lint 2024"));
                assertEquals(List.of("20240102000000_bad", "20240103000000_later"), complete(c, reader, "resolve --applied "));
                assertEquals(List.of("20240101000000_ok", "20240102000000_bad", "20240103000000_later"), complete(c, reader, "show 2024"));
                assertEquals(List.of("20240103000000_later"), complete(c, reader, "rebase "),
                        "rebase offers the migrations this database has no record of");
                // PostgreSQL rolled the failed migration back whole; MySQL keeps the table its DDL created.
                assertEquals(kind == TestDatabase.Kind.POSTGRESQL ? List.of("t1") : List.of("t1", "t2"), complete(c, reader, "inspect "));
                assertEquals(List.of("dev"), complete(c, reader, "status --env "));
                assertEquals(List.of("dev"), complete(c, reader, "use "));

                Set<String> commands = new TreeSet<>(complete(c, reader, ""));
                assertTrue(commands.containsAll(Set.of("status", "apply", "resolve", "init", "show", "history", "inspect", "sql",
                        "connect", "use", "envs", "project", "refresh", "help", "exit", "down", "rebase", "baseline", "seed")), commands.toString());
                assertFalse(commands.contains("deploy"), "aliases are not offered twice");
                assertTrue(complete(c, reader, "apply --").containsAll(List.of("--dry-run", "--json", "--lock-timeout")));
                assertEquals(List.of("20240102000000_bad"), complete(c, reader, "godwit resolve --rolled-back "), "typed as hints print it");
                assertTrue(complete(c, reader, "resolve --").containsAll(List.of("--rolled-back", "--applied", "--reason")));
                assertTrue(complete(c, reader, "help ").contains("resolve"));
                assertEquals(List.of("postgresql", "mysql"), complete(c, reader, "init --provider "));

                // options before the command, as they apply there too: their values, the command after them, its own
                assertEquals(List.of("dev"), complete(c, reader, "--env "));
                assertTrue(complete(c, reader, "--").containsAll(List.of("--env", "--url", "--project", "--json")), complete(c, reader, "--").toString());
                assertTrue(complete(c, reader, "--env dev ").contains("status"), complete(c, reader, "--env dev ").toString());
                assertFalse(complete(c, reader, "--env dev ").contains("exit"), "exit takes no options");
                assertEquals(List.of("20240102000000_bad"), complete(c, reader, "--env dev resolve --rolled-back "));
                assertEquals(List.of("20240102000000_bad"), complete(c, reader, "godwit --json resolve --rolled-back "));
                assertEquals(complete(c, reader, "inspect "), complete(c, reader, "\\d "), "psql's \\d completes as inspect");
                assertEquals(List.of("dev"), complete(c, reader, "\\c "));
            }
        }
    }
}
