package dev.godwit.shell.repl;

import dev.godwit.shell.app.GodwitCommand;
import dev.godwit.shell.GodwitRun;
import dev.godwit.shell.app.Main;
import dev.godwit.shell.session.Out;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** What TAB offers at each position of each command, from the command tree alone (no database). */
class CompletionPerCommandTest {
    private static final Metadata.Snapshot SNAPSHOT = new Metadata.Snapshot(List.of("dev", "prod"),
            List.of("20240101000000_a", "20240102000000_b"), List.of("20240102000000_b"), List.of("20240102000000_b"),
            List.of("users"), 1, true, null);

    private static List<Candidate> candidates(String line) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Out out = new Out(nowhere, nowhere, false);
        ShellCompleter c = new ShellCompleter(Main.commandLine(new GodwitCommand(out, Map.of()), out), () -> SNAPSHOT);
        ParsedLine pl = new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> found = new ArrayList<>();
        c.complete(null, pl, found);
        return found;
    }

    private static List<String> values(String line) {
        return candidates(line).stream().map(Candidate::value).toList();
    }

    @Test
    void aCommandWithoutArgumentsOffersItsOptionsBeforeAnyDash() {
        List<String> apply = values("apply ");
        assertTrue(apply.containsAll(List.of("--dry-run", "--json", "--lock-timeout")), apply.toString());
        for (String noise : List.of("--url", "--project", "--env", "--version", "--help", "--verbose", "--no-color")) {
            assertFalse(apply.contains(noise), noise + " in " + apply);
        }
        assertTrue(values("resolve ").containsAll(List.of("--applied", "--rolled-back")), values("resolve ").toString());
        assertFalse(values("apply --dry-run ").contains("--dry-run"), "an option given once is not offered again");
    }

    @Test
    void globalOptionsComeWhenTypedFarEnough() {
        assertEquals(List.of("--env"), values("status --en").stream().filter(v -> v.startsWith("--en")).toList());
        assertEquals(List.of("dev", "prod"), values("status --env "));
    }

    @Test
    void argumentsComeBeforeOptions() {
        assertEquals(List.of("20240101000000_a", "20240102000000_b"), values("show "));
        assertEquals(List.of("users"), values("inspect "));
        assertEquals(List.of("dev", "prod"), values("use "));
        assertTrue(values("show 20240101000000_a ").contains("--json"), "after the argument, the options");
        assertTrue(values("diff --from ").containsAll(List.of("database", "migrations", "schema", "env:dev")));
        assertEquals(List.of("20240102000000_b"), values("godwit resolve --rolled-back "));
    }

    @Test
    void descriptionsAreOneCleanLine() {
        for (String line : List.of("", "status ", "diff ", "plan ", "resolve ")) {
            for (Candidate c : candidates(line)) {
                String d = c.descr();
                if (d != null) {
                    assertFalse(d.contains("%n") || d.contains("@|") || d.contains("\n"), c.value() + ": " + d);
                    assertFalse(d.endsWith(","), "cut in the middle: " + c.value() + ": " + d);
                }
            }
        }
        String help = candidates("").stream().filter(c -> c.value().equals("help")).findFirst().orElseThrow().descr();
        assertFalse(help.startsWith("("), help);
    }

    @Test
    void versionOfACommandIsGodwitsVersion() {
        GodwitRun run = GodwitRun.inProcess("status", "--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.stdout().startsWith("godwit "), "printed: [" + run.stdout() + "]");
    }
}
