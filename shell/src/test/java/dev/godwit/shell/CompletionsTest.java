package dev.godwit.shell;

import dev.godwit.shell.app.Completions;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The committed completion script is what the command tree generates today. */
class CompletionsTest {
    @Test
    void committedBashCompletionMatchesTheCommandTree() throws Exception {
        Path committed = Path.of("").toAbsolutePath().getParent().resolve("completions").resolve(Completions.BASH_FILE);
        assertTrue(Files.exists(committed), committed + " is missing");
        String expected = Completions.bash();
        assertEquals(expected, Files.readString(committed, StandardCharsets.UTF_8),
                "completions/godwit.bash is stale: regenerate with `mvn -q -DskipTests package && "
                        + "java -cp shell/target/godwit.jar dev.godwit.shell.app.Completions completions`");
        for (String c : new String[]{"status", "apply", "resolve", "show", "inspect", "sql", "--rolled-back", "--env"}) {
            assertTrue(expected.contains(c), c);
        }
    }
}
