package dev.godwit.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares an output with a committed file. The file is written only when asked for with
 * {@code -Dgodwit.updateGoldens=true}; a missing file fails everywhere, so that a golden test can never pass
 * by writing its own answer (in CI or anywhere else).
 */
public final class GoldenFile {
    public static final String UPDATE_PROPERTY = "godwit.updateGoldens";

    private GoldenFile() {
    }

    /** Fails unless {@code file} holds exactly {@code actual}; {@code what} names the output in the failure. */
    public static void check(Path file, String actual, String what) {
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } else if (!Files.exists(file)) {
                fail("golden file " + file + " is missing. Create it with: mvn -pl shell -am test -D" + UPDATE_PROPERTY
                        + "=true -Dtest=" + callingTest() + " -Dsurefire.failIfNoSpecifiedTests=false"
                        + " — then review the file it writes and commit it");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, what + " (see " + file + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class that asked, for the command line in the failure message. */
    private static String callingTest() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(c -> c.endsWith("Test"))
                .map(c -> c.substring(c.lastIndexOf('.') + 1))
                .findFirst().orElse("<TestClass>"));
    }
}
