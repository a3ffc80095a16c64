package dev.godwit.engine.drift;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.MigrationFiles;
import dev.godwit.engine.migrate.MigrationFolderName;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.Provider;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns drift into history: writes the drift as a new migration folder and records it as
 * applied (the database already holds it), as {@code resolve --applied} would.
 */
public final class DriftAdoption {
    private DriftAdoption() {
    }

    /** Writes the migration and marks it applied; returns the folder name. */
    public static String adopt(Migrator migrator, Path migrationsDir, Provider provider, String name, String script,
                               Instant now, Duration lockTimeout) {
        if (script.isBlank()) {
            throw new GodwitException(ErrorKind.USAGE, "there is no drift to adopt", null);
        }
        String folder = MigrationFolderName.of(name, now);
        MigrationFiles.writeApplied(migrator, migrationsDir, provider, folder, script, "adopted drift found by godwit drift", lockTimeout);
        return folder;
    }
}
