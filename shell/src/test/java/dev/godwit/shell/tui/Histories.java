package dev.godwit.shell.tui;

import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.StatusReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fixed migration histories for screen tests, built directly from the engine's records. */
final class Histories {
    static final String FAILED_NAME = "20250110080000_drop_legacy";
    static final String FAILED_SQL = "-- Legacy tables go\nCREATE TABLE archive (id INTEGER PRIMARY KEY, note TEXT DEFAULT 'none');\n\n"
            + "DROP TABLE legacy;\nDROP TABLE\n  legacy_2;\n";
    static final String FAILED_LOGS = "Migration `" + FAILED_NAME + "` failed at statement 2 of 3 (migration.sql line 4, column 1).\n\n"
            + "Database error:\nERROR: table \"legacy\" does not exist (SQLSTATE 42P01)\n\nStatement:\nDROP TABLE legacy\n\n"
            + "The migration ran in one transaction, which was rolled back: none of it took effect.\n";

    private Histories() {
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    static LocalMigration local(Path dir, String name, String sql) {
        try {
            Path file = dir.resolve(name).resolve("migration.sql");
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            return LocalMigration.load(name, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HistoryRecord applied(String name, String checksum, String started, long millis) {
        Instant s = t(started);
        return new HistoryRecord("id-" + name, checksum, s.plusMillis(millis), name, null, null, s, 1);
    }

    /** One migration in every state, oldest first. */
    static StatusReport everyState(Path dir) {
        List<MigrationStatus> ms = new ArrayList<>();
        LocalMigration init = local(dir, "20250101090000_init", "CREATE TABLE \"User\" (\n  id SERIAL PRIMARY KEY,\n  email TEXT NOT NULL\n);\n");
        ms.add(new MigrationStatus(init.name(), MigrationState.APPLIED, Optional.of(init),
                List.of(applied(init.name(), init.checksum(), "2025-01-01T09:00:00Z", 42))));

        LocalMigration posts = local(dir, "20250108120000_add_posts", "CREATE TABLE \"Post\" (id SERIAL PRIMARY KEY, title TEXT);\n");
        ms.add(new MigrationStatus(posts.name(), MigrationState.EDITED, Optional.of(posts),
                List.of(applied(posts.name(), "0".repeat(64), "2025-01-08T12:00:00Z", 1500))));

        LocalMigration late = local(dir, "20250109000000_late_branch", "ALTER TABLE \"Post\" ADD COLUMN slug TEXT;\n");
        ms.add(new MigrationStatus(late.name(), MigrationState.OUT_OF_ORDER, Optional.of(late), List.of()));

        LocalMigration failed = local(dir, FAILED_NAME, FAILED_SQL);
        HistoryRecord first = new HistoryRecord("a1", failed.checksum(), null, FAILED_NAME,
                FAILED_LOGS + "\n[2025-01-10T08:30:00Z] resolved as rolled back by ops with godwit: lock timeout, retry\n",
                t("2025-01-10T08:30:00Z"), t("2025-01-10T08:00:00Z"), 0);
        HistoryRecord second = new HistoryRecord("a2", failed.checksum(), null, FAILED_NAME, FAILED_LOGS,
                null, t("2025-01-11T10:00:00Z"), 0);
        ms.add(new MigrationStatus(FAILED_NAME, MigrationState.FAILED, Optional.of(failed), List.of(first, second)));

        ms.add(new MigrationStatus("20250112000000_hotfix", MigrationState.MISSING_LOCALLY, Optional.empty(),
                List.of(applied("20250112000000_hotfix", "f".repeat(64), "2025-01-12T00:00:00Z", 65_000))));

        LocalMigration backfill = local(dir, "20250114000000_backfill", "UPDATE \"Post\" SET title = 'untitled' WHERE title IS NULL;\n");
        ms.add(new MigrationStatus(backfill.name(), MigrationState.ROLLED_BACK, Optional.of(backfill),
                List.of(new HistoryRecord("b1", backfill.checksum(), null, backfill.name(),
                        "[2025-01-14T01:00:00Z] resolved as rolled back by ana with godwit: ran out of disk\n",
                        t("2025-01-14T01:00:00Z"), t("2025-01-14T00:00:00Z"), 0))));

        LocalMigration comments = local(dir, "20250120000000_add_comments", "CREATE TABLE \"Comment\" (id SERIAL PRIMARY KEY);\n");
        ms.add(new MigrationStatus(comments.name(), MigrationState.PENDING, Optional.of(comments), List.of()));

        return new StatusReport("blog", "PostgreSQL 17.2", true, ms, Optional.empty(), List.of());
    }

    /** {@code n} applied migrations (no files: the detail pane says so). */
    static StatusReport many(int n) {
        List<MigrationStatus> ms = new ArrayList<>(n);
        Instant start = t("2020-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String name = String.format("%014d_step_%04d", 20200101000000L + i, i);
            Instant s = start.plusSeconds(3600L * i);
            ms.add(new MigrationStatus(name, MigrationState.APPLIED, Optional.empty(),
                    List.of(new HistoryRecord("m" + i, "c", s.plusMillis(10), name, null, null, s, 1))));
        }
        return new StatusReport("big", "PostgreSQL 17.2", true, ms, Optional.empty(), List.of());
    }
}
