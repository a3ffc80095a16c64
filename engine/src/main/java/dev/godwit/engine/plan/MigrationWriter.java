package dev.godwit.engine.plan;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.MigrationFolderName;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.Provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/** Writes a plan as {@code <timestamp>_<slug>/migration.sql} (and {@code down.sql}), plus the lock file when missing. */
public final class MigrationWriter {
    public static final String DOWN_FILE = dev.godwit.engine.migrate.Rollback.DOWN_FILE;

    private MigrationWriter() {
    }


    /**
     * {@code now}, or one second after the newest migration when that is not earlier: a new migration
     * always sorts last, even when two are written within one second or a clock is behind.
     */
    public static Instant after(Path migrationsDir, Instant now) {
        Instant newest = null;
        if (Files.isDirectory(migrationsDir)) {
            try (Stream<Path> entries = Files.list(migrationsDir)) {
                for (Path p : entries.filter(Files::isDirectory).toList()) {
                    String n = p.getFileName().toString();
                    if (n.length() > 14 && n.substring(0, 14).chars().allMatch(Character::isDigit)) {
                        try {
                            Instant t = LocalDateTime.parse(n.substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
                            newest = newest == null || t.isAfter(newest) ? t : newest;
                        } catch (DateTimeParseException ignored) {
                            // not a timestamp: does not take part
                        }
                    }
                }
            } catch (IOException e) {
                throw new GodwitException(ErrorKind.RUNTIME, "cannot list " + migrationsDir + ": " + e.getMessage());
            }
        }
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        return newest != null && !second.isAfter(newest) ? newest.plusSeconds(1) : now;
    }

    /** Returns the folder name. */
    public static String write(Path migrationsDir, Provider provider, String name, Instant now, Plan plan) {
        return write(migrationsDir, provider, name, now, plan.script(), plan.downScript());
    }

    /** {@code migration.sql} and (unless blank) {@code down.sql} as given; returns the folder name. */
    public static String write(Path migrationsDir, Provider provider, String name, Instant now, String script, String downScript) {
        String folder = MigrationFolderName.of(name, after(migrationsDir, now));
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
            if (!downScript.isBlank()) {
                Files.writeString(dir.resolve(DOWN_FILE), downScript, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + dir + ": " + e.getMessage());
        }
        return folder;
    }
}
