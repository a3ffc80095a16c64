package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** godwit lint, and the findings in apply --dry-run, against a real PostgreSQL table filled with generated rows. */
class LintCliTest {
    @TempDir
    Path tmp;

    @Test
    void lintReadsLiveSizesHonoursIgnoresAndTheProjectThresholds() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            // Lower thresholds than the defaults, so that 150 k generated rows are "big".
            Files.writeString(tmp.resolve("godwit.toml"), "\n[lint]\nerror_rows = 100000\nignore = { drop-table = \"legacy table, unused since 2.0\" }\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            p.add("20240101000000_init", "CREATE TABLE \"events\" (\"id\" BIGINT PRIMARY KEY, \"kind\" TEXT);\nCREATE TABLE \"old\" (\"id\" INT);\n");
            assertEquals(0, p.run("apply").exitCode());
            db.execute("INSERT INTO events SELECT g, 'k' || (g % 7) FROM generate_series(1, 150000) g");
            db.execute("ANALYZE events");
            p.add("20240102000000_kind", "-- CreateIndex\nCREATE INDEX \"events_kind_idx\" ON \"events\"(\"kind\");\n"
                    + "-- godwit-lint-ignore required-column: filled by the deploy script first\n"
                    + "ALTER TABLE \"events\" ADD COLUMN \"source\" TEXT NOT NULL;\nDROP TABLE \"old\";\n");

            GodwitRun lint = p.run("lint");
            assertEquals(3, lint.exitCode(), lint.all());
            assertTrue(lint.stdout().contains("20240102000000_kind  1 error, 1 warning (2 ignored)"), lint.stdout());
            assertTrue(lint.stdout().matches("(?s).*ERROR\\s+index-not-concurrent  statement 1 \\(line 2\\).*`events` \\([\\d.]+ MB, ~150 k rows\\).*"), lint.stdout());
            assertTrue(lint.stdout().contains("CREATE INDEX CONCURRENTLY \"events_kind_idx\" ON \"events\"(\"kind\");"), lint.stdout());
            assertFalse(lint.stdout().contains("required-column"), "ignored in the migration: " + lint.stdout());

            GodwitRun shown = p.run("lint", "--show-ignored", "20240102000000_kind");
            assertTrue(shown.stdout().contains("ignored: filled by the deploy script first"), shown.stdout());
            assertTrue(shown.stdout().contains("ignored: legacy table, unused since 2.0"), shown.stdout());

            GodwitRun json = p.run("lint", "--json");
            assertTrue(json.stdout().contains("\"rule\" : \"index-not-concurrent\"") && json.stdout().contains("\"severity\" : \"error\""), json.stdout());
            assertTrue(json.stdout().contains("\"tableRows\" : 150000"), json.stdout());

            GodwitRun offline = p.run("lint", "--offline", "20240102000000_kind");
            assertEquals(0, offline.exitCode(), offline.all());
            assertTrue(offline.stdout().contains("WARNING index-not-concurrent"), offline.stdout());

            GodwitRun dry = p.run("apply", "--dry-run");
            assertEquals(0, dry.exitCode(), dry.all());
            assertTrue(dry.stderr().contains("ERROR   index-not-concurrent"), dry.stderr());

            GodwitRun unknown = p.run("lint", "nope");
            assertEquals(2, unknown.exitCode(), unknown.all());
        }
    }
}
