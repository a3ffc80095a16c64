package dev.godwit.engine.drift;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.MigrationFiles;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.Provider;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns drift into history: writes the drift as a new migration folder and records it as
 * applied (the database already holds it), as {@code resolve --applied} would.
 */
public final class DriftAdoption {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private DriftAdoption() {
    }

    /** {@code <YYYYMMDDHHMMSS>_<slug>} in Prisma's style: lower case, underscores. */
    public static String folderName(String name, Instant now) {
        String slug = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, "\"" + name + "\" is not usable as a migration name",
                    "use letters and digits, e.g. --adopt hotfix_index");
        }
        return STAMP.format(now) + "_" + slug;
    }

    /** Writes the migration and marks it applied; returns the folder name. */
    public static String adopt(Migrator migrator, Path migrationsDir, Provider provider, String name, String script,
                               Instant now, Duration lockTimeout) {
        if (script.isBlank()) {
            throw new GodwitException(ErrorKind.USAGE, "there is no drift to adopt", null);
        }
        String folder = folderName(name, now);
        MigrationFiles.writeApplied(migrator, migrationsDir, provider, folder, script, "adopted drift found by godwit drift", lockTimeout);
        return folder;
    }
}
