package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.Provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writing a migration folder that records what the database already has (an adopted drift, a
 * baseline): the file, then its row as {@code resolve --applied} writes it, or neither.
 */
public final class MigrationFiles {
    private MigrationFiles() {
    }

    /** Writes {@code <folder>/migration.sql}, and the lock file when the folder has none; an existing folder is refused. */
    public static Path write(Path migrationsDir, Provider provider, String folder, String script) {
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
            Files.writeString(dir.resolve(MigrationsFolder.SCRIPT_FILE), script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + dir + ": " + e.getMessage());
        }
        return dir;
    }

    /** Writes the migration and records it as applied; when recording fails the folder is removed again. */
    public static void writeApplied(Migrator migrator, Path migrationsDir, Provider provider, String folder, String script,
                                    String reason, Duration lockTimeout) {
        Path dir = write(migrationsDir, provider, folder, script);
        try {
            migrator.resolveApplied(MigrationsFolder.read(migrationsDir, provider), folder, reason, lockTimeout);
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    /** Removes a folder and what it holds, ignoring what cannot be removed. */
    public static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort: the error being reported matters more
                }
            });
        } catch (IOException ignored) {
            // nothing was there
        }
    }
}
