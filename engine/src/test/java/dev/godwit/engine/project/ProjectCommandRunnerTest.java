package dev.godwit.engine.project;

import dev.godwit.engine.GodwitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

@DisabledOnOs(OS.WINDOWS)
class ProjectCommandRunnerTest {
    @TempDir
    Path dir;

    @Test
    void runsInTheGivenFolderWithTheExtraVariablesAndPassesEveryLine() {
        List<String> lines = new CopyOnWriteArrayList<>();
        int code = ProjectCommandRunner.run("pwd; echo \"$GODWIT_TEST_VAR\"; echo oops >&2; read x || echo no-input; exit 4",
                dir, Map.of("GODWIT_TEST_VAR", "v1"), lines::add);
        assertEquals(4, code);
        assertEquals(List.of(dir.toAbsolutePath().toString(), "v1", "oops", "no-input"), lines);
    }

    @Test
    void anInterruptStopsTheCommand() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                ProjectCommandRunner.run("sleep 60", dir, Map.of(), line -> { });
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        Thread.sleep(500);
        t.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive());
        assertInstanceOf(GodwitException.class, failure.get());
        assertTrue(failure.get().getMessage().contains("`sleep 60` was interrupted"), failure.get().getMessage());
    }
}
