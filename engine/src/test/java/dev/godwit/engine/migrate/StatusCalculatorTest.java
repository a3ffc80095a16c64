package dev.godwit.engine.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** State rules that need no database: the history rows are made by hand. */
class StatusCalculatorTest {
    @TempDir
    Path tmp;

    private LocalMigration migration(String name, String sql) throws Exception {
        Path file = tmp.resolve(name).resolve("migration.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
        return LocalMigration.load(name, file);
    }

    private static HistoryRecord applied(String id, String name, String checksum, Instant at) {
        return new HistoryRecord(id, checksum, at.plusMillis(5), name, null, null, at, 1);
    }

    @Test
    void aMigrationWithSeveralFinishedRowsIsAppliedWhenTheFileMatchesAnyOfThem() throws Exception {
        LocalMigration m = migration("20240101000000_a", "CREATE TABLE a (id INT);\n");
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        List<HistoryRecord> rows = List.of(applied("1", m.name(), m.checksum(), t), applied("2", m.name(), "x", t.plusSeconds(60)));
        assertEquals(MigrationState.APPLIED, StatusCalculator.compute(List.of(m), rows).get(0).state());
    }

    @Test
    void aMigrationWhoseEveryFinishedRowDiffersIsEdited() throws Exception {
        LocalMigration m = migration("20240101000000_a", "CREATE TABLE a (id INT);\n");
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        List<HistoryRecord> rows = List.of(applied("1", m.name(), "x", t), applied("2", m.name(), "y", t.plusSeconds(60)));
        assertEquals(MigrationState.EDITED, StatusCalculator.compute(List.of(m), rows).get(0).state());
    }
}
