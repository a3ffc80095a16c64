package dev.godwit.shell.tui;

import dev.godwit.shell.GoldenFile;

import java.nio.file.Path;

/**
 * Screens compared with text files in src/test/resources/screens. Run with
 * {@code -Dgodwit.updateGoldens=true} to write them after a deliberate change or for a new screen; a
 * missing file fails (see {@link GoldenFile}).
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/screens");

    private Golden() {
    }

    static void check(String name, String actual) {
        GoldenFile.check(DIR.resolve(name + ".txt"), actual, "screen " + name);
    }
}
