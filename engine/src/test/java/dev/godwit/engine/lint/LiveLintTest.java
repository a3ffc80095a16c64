package dev.godwit.engine.lint;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sizes read from real servers: a table filled with generated rows turns the same statement from INFO
 * into an ERROR. Thresholds are lowered for the test (200 k rows make the point without minutes of inserts).
 */
class LiveLintTest {
    private static final LintSettings SETTINGS = new LintSettings(new Thresholds(1_000, 1L << 40, 100_000, 1L << 40), Map.of(), false);
    private static final String PG_MIGRATION = """
            -- CreateIndex
            CREATE INDEX "events_kind_idx" ON "events"("kind");
            -- AlterTable
            ALTER TABLE "events" ADD COLUMN "source" TEXT NOT NULL;
            CREATE INDEX "small_kind_idx" ON "small"("kind");
            """;

    @Test
    void postgresSeverityFollowsTheLiveTable() throws SQLException {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE TABLE events (id bigint PRIMARY KEY, kind text)");
            db.execute("INSERT INTO events SELECT g, 'k' || (g % 7) FROM generate_series(1, 200000) g");
            db.execute("CREATE TABLE small (id int PRIMARY KEY, kind text)");
            db.execute("ANALYZE events");
            db.execute("ANALYZE small");
            List<LintFinding> fs = new Linter(db.target().dialect(), SETTINGS)
                    .lint(List.of(new Linter.Source("m", PG_MIGRATION)), db.target()).get(0).findings();
            LintFinding index = fs.stream().filter(f -> f.rule().equals("index-not-concurrent") && f.table().equals("events")).findFirst().orElseThrow();
            assertEquals(LintSeverity.ERROR, index.severity());
            assertTrue(index.size().rows() > 150_000 && index.size().bytes() > 5_000_000, index.size().toString());
            assertTrue(index.message().matches(".*`events` \\(\\d+ MB, ~\\d+ k rows\\).*"), index.message());
            LintFinding required = fs.stream().filter(f -> f.rule().equals("required-column")).findFirst().orElseThrow();
            assertEquals(LintSeverity.ERROR, required.severity(), "fails on a table with rows");
            LintFinding small = fs.stream().filter(f -> f.rule().equals("index-not-concurrent") && f.table().equals("small")).findFirst().orElseThrow();
            assertEquals(LintSeverity.INFO, small.severity(), "an empty table is not an error");
            assertEquals(new TableSize(small.size().bytes(), 0), small.size());
        }
    }

    @Test
    void mariadbSeverityFollowsTheLiveTable() throws SQLException {
        try (TestDatabase db = TestDatabases.mysql()) {
            db.execute("CREATE TABLE `User` (`id` INT PRIMARY KEY)");
            db.execute("INSERT INTO `User` VALUES (1)");
            db.execute("CREATE TABLE `Post` (`id` INT PRIMARY KEY, `authorId` INT, `title` VARCHAR(191))");
            // 150 × 1000 rows: a recursive CTE of 1000 (the server's default recursion limit) joined with itself.
            db.execute("INSERT INTO `Post` WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < 999) "
                    + "SELECT a.n * 1000 + b.n + 1, 1, CONCAT('title ', a.n, '-', b.n) FROM s a, s b WHERE a.n < 150");
            db.execute("ANALYZE TABLE `Post`");
            String sql = "ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) "
                    + "ON DELETE RESTRICT ON UPDATE CASCADE;\nALTER TABLE `Post` ADD COLUMN `views` INTEGER NOT NULL DEFAULT 0;";
            LintReport r = new Linter(db.target().dialect(), SETTINGS).lint(List.of(new Linter.Source("m", sql)), db.target()).get(0);
            LintFinding fk = r.findings().stream().filter(f -> f.rule().equals("constraint-not-valid")).findFirst().orElseThrow();
            assertEquals(LintSeverity.ERROR, fk.severity());
            assertTrue(fk.lock().startsWith("ALGORITHM=COPY, LOCK=SHARED"), fk.lock());
            assertTrue(fk.message().contains("`User` (") && fk.message().contains("rows)"), fk.message());
            assertTrue(r.findings().stream().noneMatch(f -> f.statement() == 2), "ADD COLUMN is instant: " + r.findings());
        }
    }
}
