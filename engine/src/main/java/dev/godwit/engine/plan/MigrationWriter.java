package dev.godwit.engine.plan;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.drift.DriftAdoption;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.project.Provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Writes a plan as {@code <timestamp>_<slug>/migration.sql} (and {@code down.sql}), plus the lock file when missing. */
public final class MigrationWriter {
    public static final String DOWN_FILE = "down.sql";

    private MigrationWriter() {
    }

    /** Returns the folder name. */
    public static String write(Path migrationsDir, Provider provider, String name, Instant now, Plan plan) {
        String folder = DriftAdoption.folderName(name, now);
        Path dir = migrationsDir.resolve(folder);
        if (Files.exists(dir)) {
            throw new GodwitException(ErrorKind.USAGE, dir + " already exists", "choose another name or wait a second");
        }
        try {
            Files.createDirectories(dir);
            Path lock = migrationsDir.resolve(MigrationsFolder.LOCK_FILE);
            if (!Files.exists(lock)) {
                Files.writeString(lock, MigrationsFolder.lockFileText(provider), StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve(MigrationsFolder.SCRIPT_FILE), plan.script(), StandardCharsets.UTF_8);
            if (!plan.downScript().isBlank()) {
                Files.writeString(dir.resolve(DOWN_FILE), plan.downScript(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + dir + ": " + e.getMessage());
        }
        return folder;
    }
}
