package dev.godwit.shell.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the completion scripts of bash, zsh and fish know about the database without starting a
 * JVM per TAB: the last godwit run that read the database's state writes it to
 * {@code .godwit/complete/ENV} in the project ({@code default} when no environment was named).
 * One {@code kind value} pair a line: {@code written EPOCH-SECONDS}, {@code migrations-dir PATH},
 * {@code applied NAME}, {@code failed NAME}, {@code table NAME}. The scripts take the migration
 * folders themselves from the disk (always fresh) and only what lives in the database from here;
 * when the file is old they ask {@code godwit __complete --refresh-cache} for a new one in the
 * background and answer with what it says meanwhile. The file is replaced whole, never half-written.
 */
public final class CompletionCache {
    public static final String DIR = ".godwit/complete";

    private CompletionCache() {
    }

    public static Path file(Path projectRoot, String env) {
        return projectRoot.resolve(DIR).resolve(env == null || env.isBlank() ? "default" : env);
    }

    /** Writes what {@code s} knows; a snapshot that could not reach the database keeps the database part of the old file. */
    public static void write(Path projectRoot, String env, Path migrationsDir, Metadata.Snapshot s) {
        Path file = file(projectRoot, env);
        List<String> lines = new ArrayList<>();
        lines.add("written " + System.currentTimeMillis() / 1000);
        lines.add("migrations-dir " + migrationsDir.toAbsolutePath().normalize());
        if (s.known()) {
            Set<String> applied = new LinkedHashSet<>(s.migrations());
            applied.removeAll(s.notApplied());
            applied.forEach(n -> lines.add("applied " + n));
            s.failed().forEach(n -> lines.add("failed " + n));
            s.tables().forEach(n -> lines.add("table " + n));
        } else {
            lines.addAll(databaseLines(file));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".write-", ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // completion is a convenience: a read-only project just has no cache
        }
    }

    private static List<String> databaseLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("applied ") || l.startsWith("failed ") || l.startsWith("table ")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
