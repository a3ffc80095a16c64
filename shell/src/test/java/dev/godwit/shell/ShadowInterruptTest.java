package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Ctrl-C during a replay: the temporary shadow database is dropped by the shutdown hook. */
class ShadowInterruptTest {
    @TempDir
    Path tmp;

    private static List<String> shadows(TestDatabase db) {
        String sql = db.kind() == TestDatabase.Kind.POSTGRESQL
                ? "SELECT datname FROM pg_database WHERE datname LIKE 'godwit\\_shadow\\_%' ORDER BY 1"
                : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'godwit\\_shadow\\_%' ORDER BY 1";
        return db.query(sql).stream().map(r -> r.get(0)).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void interruptedReplayLeavesNoShadowBehind(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            Path root = tmp.resolve("p");
            TestProject p = new TestProject(root, db)
                    .add("20240101000000_slow", "CREATE TABLE a (id INTEGER);\n"
                            + (kind == TestDatabase.Kind.POSTGRESQL ? "SELECT pg_sleep(60);\n" : "SELECT SLEEP(60);\n"));
            List<String> before = shadows(db);
            Process proc = GodwitRun.start(root, tmp.resolve("out"), tmp.resolve("err"),
                    "--project", p.root().toString(), "diff", "--from", "empty", "--to", "migrations");
            List<String> created = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (created.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                created = new ArrayList<>(shadows(db));
                created.removeAll(before);
            }
            assertFalse(created.isEmpty(), "no shadow database appeared; stderr: " + Files.readString(tmp.resolve("err")));
            Thread.sleep(1000); // inside the sleeping statement now
            new ProcessBuilder("kill", "-INT", Long.toString(proc.pid())).start().waitFor();
            GodwitRun.waitFor(proc, 30);
            assertEquals(before, shadows(db), "stderr: " + Files.readString(tmp.resolve("err")));
        }
    }
}
