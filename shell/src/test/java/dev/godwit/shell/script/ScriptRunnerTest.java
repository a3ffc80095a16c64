package dev.godwit.shell.script;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario format itself: archives, words, and expectations that fail when they do not hold. */
class ScriptRunnerTest {
    @TempDir
    Path work;

    @Test
    void anArchiveIsAScriptThenFiles() {
        Txtar t = Txtar.parse("# about\ngodwit status\n-- a.txt --\none\n-- dir/b.sql --\ntwo\nthree\n");
        assertEquals("# about\ngodwit status\n", t.comment());
        assertEquals(List.of("a.txt", "dir/b.sql"), t.files().stream().map(Txtar.File::name).toList());
        assertEquals("two\nthree\n", t.file("dir/b.sql").text());
        assertEquals(List.of("postgresql", "mysql"), ScriptRunner.families(t));
        assertEquals(List.of(), ScriptRunner.families(Txtar.parse("families none\n")));
    }

    @Test
    void wordsFollowShellQuotingAndVariables() {
        Map<String, String> vars = Map.of("WORK", "/w");
        assertEquals(List.of("-c", "apply; status", "$WORK", "/w/x", "/w y"),
                ScriptWords.split("-c 'apply; status' '$WORK' $WORK/x \"${WORK} y\" # comment", vars));
        assertThrows(IllegalArgumentException.class, () -> ScriptWords.split("$NOPE", vars));
    }

    @Test
    void aScenarioPassesWhenEveryExpectationHolds() {
        run("godwit frobnicate\nexit 2\nstderr 'frobnicate'\n! stdout .\n");
    }

    @Test
    void anUnexpectedExitCodeFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> run("godwit frobnicate\n"));
        assertTrue(e.getMessage().contains("exit code 2 (a command that is expected to fail needs an `exit N` line"), e.getMessage());
        AssertionError wrong = assertThrows(AssertionError.class, () -> run("godwit frobnicate\nexit 3\n"));
        assertTrue(wrong.getMessage().contains("t.txtar:3: exit code 2, expected 3"), wrong.getMessage());
    }

    @Test
    void anOutputThatDoesNotMatchFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> run("godwit frobnicate\nexit 2\nstderr 'no such words'\n"));
        assertTrue(e.getMessage().contains("stderr does not match no such words") && e.getMessage().contains("--- stderr"), e.getMessage());
        assertThrows(AssertionError.class, () -> run("godwit frobnicate\nexit 2\n! stderr frobnicate\n"));
        assertThrows(AssertionError.class, () -> run("exists nothing-here\n"));
        assertThrows(AssertionError.class, () -> run("launch rockets\n"));
    }

    private void run(String script) {
        ScriptRunner.run("t.txtar", Txtar.parse("families none\n" + script), null, work);
    }
}
