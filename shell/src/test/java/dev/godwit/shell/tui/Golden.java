package dev.godwit.shell.tui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Screens compared with text files in src/test/resources/screens. Run with
 * {@code -Dgodwit.updateGoldens=true} to write them again after a deliberate change. A missing file is
 * written for review, and fails in CI (CI set).
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/screens");

    private Golden() {
    }

    static void check(String name, String actual) {
        Path file = DIR.resolve(name + ".txt");
        try {
            boolean missing = !Files.exists(file);
            if (missing && System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                org.junit.jupiter.api.Assertions.fail("golden screen " + file + " is missing: run the test locally, review it, commit it");
            }
            if (Boolean.getBoolean("godwit.updateGoldens") || missing) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "screen " + name + " (see " + file + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
