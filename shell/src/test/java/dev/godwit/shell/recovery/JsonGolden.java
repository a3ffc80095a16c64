package dev.godwit.shell.recovery;

import dev.godwit.shell.GoldenFile;

import java.nio.file.Path;

/**
 * JSON outputs compared with files in src/test/resources/json, after what changes from run to run (ids,
 * times, database names, checksums, durations) is replaced by placeholders. A missing file fails;
 * {@code -Dgodwit.updateGoldens=true} writes them after a deliberate change (see {@link GoldenFile}).
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
        GoldenFile.check(DIR.resolve(name + ".json"), normalize(actualJson), "JSON " + name);
    }
}
