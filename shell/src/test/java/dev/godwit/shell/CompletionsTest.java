package dev.godwit.shell;

import dev.godwit.shell.app.Completions;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The committed completion scripts are what the command tree generates today (no timing, no process: pure text). */
class CompletionsTest {
    @Test
    void committedScriptsMatchTheCommandTree() throws Exception {
        Path dir = Path.of("").toAbsolutePath().getParent().resolve("completions");
        Map<String, String> generated = Map.of(Completions.BASH_FILE, Completions.bash(), Completions.ZSH_FILE, Completions.zsh(),
                Completions.FISH_FILE, Completions.fish());
        for (var e : generated.entrySet()) {
            Path committed = dir.resolve(e.getKey());
            assertTrue(Files.exists(committed), committed + " is missing");
            assertEquals(e.getValue(), Files.readString(committed, StandardCharsets.UTF_8),
                    "completions/" + e.getKey() + " is stale: regenerate with `mvn -q -DskipTests package && "
                            + "java -cp shell/target/godwit.jar dev.godwit.shell.app.Completions completions`");
            for (String c : new String[]{"status", "apply", "resolve", "show", "inspect", "--rolled-back", "--env", "rebase"}) {
                assertTrue(e.getValue().contains(c), e.getKey() + " lacks " + c);
            }
            assertFalse(e.getValue().contains("__complete ") && !e.getValue().contains("__complete --refresh-cache"),
                    "no JVM per TAB: godwit is only asked to refresh the cache");
        }
    }
}
