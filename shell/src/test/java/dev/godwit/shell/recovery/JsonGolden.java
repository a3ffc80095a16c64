package dev.godwit.shell.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * JSON outputs compared with files in src/test/resources/json, after what changes from run to run (ids,
 * times, database names, checksums, durations) is replaced by placeholders. A missing file is written for
 * review, and fails in CI (CI set): a golden test must never pass by writing its own answer there.
 * {@code -Dgodwit.updateGoldens=true} writes them again after a deliberate change.
 */
final class JsonGolden {
    private static final Path DIR = Path.of("src/test/resources/json");

    private JsonGolden() {
    }

    static String normalize(String json) {
        return json.strip()
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>")
                .replaceAll("\\[\\d{4}-\\d{2}-\\d{2}T[^\\]]*\\]", "[<time>]")
                .replaceAll("godwit_t_[0-9a-f]{16}", "<db>")
                .replaceAll("[0-9a-f]{64}", "<checksum>")
                .replaceAll("\"durationMs\" : \\d+", "\"durationMs\" : <ms>")
                .replaceAll("by [A-Za-z0-9_.-]+ with godwit", "by <user> with godwit")
                .replaceAll("127\\.0\\.0\\.1(:\\d+)?", "<host>")
                .replaceAll("localhost(:\\d+)?", "<host>")
                + "\n";
    }

    static void check(String name, String actualJson) {
        Path file = DIR.resolve(name + ".json");
        String actual = normalize(actualJson);
        try {
            boolean missing = !Files.exists(file);
            if (missing && System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                fail("golden file " + file + " is missing: run the test locally, review the file it writes, and commit it");
            }
            if (missing || Boolean.getBoolean("godwit.updateGoldens")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "JSON " + name + " (see " + file + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
