package dev.godwit.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A golden test never passes by writing its own answer: only the update property writes files. */
class GoldenFileTest {

    @Test
    void aMissingFileFailsAndSaysHowToCreateIt(@TempDir Path dir) {
        Path file = dir.resolve("screen.txt");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> GoldenFile.check(file, "text\n", "screen"));
        assertTrue(e.getMessage().contains("-Dgodwit.updateGoldens=true -Dtest=GoldenFileTest"), e.getMessage());
        assertFalse(Files.exists(file), "nothing is written unless asked");
    }

    @Test
    void aDifferentOutputFailsAndTheSameOnePasses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("screen.txt");
        Files.writeString(file, "old\n");
        assertThrows(AssertionFailedError.class, () -> GoldenFile.check(file, "new\n", "screen"));
        assertEquals("old\n", Files.readString(file));
        GoldenFile.check(file, "old\n", "screen");
    }

    @Test
    void theUpdatePropertyWritesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/screen.txt");
        String before = System.getProperty(GoldenFile.UPDATE_PROPERTY);
        System.setProperty(GoldenFile.UPDATE_PROPERTY, "true");
        try {
            GoldenFile.check(file, "new\n", "screen");
        } finally {
            if (before == null) {
                System.clearProperty(GoldenFile.UPDATE_PROPERTY);
            } else {
                System.setProperty(GoldenFile.UPDATE_PROPERTY, before);
            }
        }
        assertEquals("new\n", Files.readString(file));
    }
}
