package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `history` lists every row of _prisma_migrations, also the rolled-back attempts of a migration whose folder is gone. */
class HistoryCliTest {
    @TempDir
    Path tmp;

    @Test
    void rolledBackAttemptsOfAGoneFolderStayInTheHistory() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).blog();
            p.add("20240104000000_bad", "CREATE TABLE t (id INTEGER PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);\n");
            assertEquals(1, p.run("apply").exitCode());
            assertEquals(0, p.run("resolve", "--rolled-back", "20240104000000_bad").exitCode());
            try (Stream<Path> files = Files.walk(p.root().resolve("prisma/migrations/20240104000000_bad"))) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            assertEquals(0, p.run("status").exitCode(), "a rolled-back migration that is gone is no longer the status's business");
            GodwitRun history = p.run("history");
            assertEquals(0, history.exitCode(), history.all());
            assertTrue(history.stdout().contains("20240104000000_bad"), history.stdout());
            assertTrue(history.stdout().contains("4 attempts"), history.stdout());
        }
    }
}
