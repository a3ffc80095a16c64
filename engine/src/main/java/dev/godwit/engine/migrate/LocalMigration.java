package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One migration folder on disk. The SQL is read again when it is needed, so a
 * long history does not keep every script in memory.
 */
public record LocalMigration(String name, Path sqlFile, String checksum, long size) {

    /** What a file was when it was last read: same file, size and modification time means same bytes. */
    private record Seen(Object fileKey, long size, FileTime modified, LocalMigration migration) {
    }

    private static final Map<Path, Seen> SEEN = new ConcurrentHashMap<>();
    private static final int SEEN_LIMIT = 50_000;
    /** Modification times closer than this to the moment of reading are not trusted (coarse file clocks). */
    private static final Duration SETTLED = Duration.ofSeconds(2);

    /**
     * Like {@link #load(String, Path)}, but a long-lived session does not read and hash a
     * file again while it is unchanged. A file is only remembered once its modification
     * time is {@link #SETTLED} in the past, so an edit made later always changes the time
     * even on file systems whose clock ticks coarsely.
     */
    static LocalMigration load(String name, Path sqlFile, BasicFileAttributes attributes) {
        Path key = sqlFile.toAbsolutePath();
        Seen seen = SEEN.get(key);
        if (seen != null && seen.size() == attributes.size() && seen.modified().equals(attributes.lastModifiedTime())
                && Objects.equals(seen.fileKey(), attributes.fileKey()) && seen.migration().name().equals(name)) {
            return seen.migration();
        }
        LocalMigration m = load(name, sqlFile);
        if (attributes.lastModifiedTime().toInstant().isBefore(Instant.now().minus(SETTLED)) && m.size() == attributes.size()) {
            if (SEEN.size() >= SEEN_LIMIT) {
                SEEN.clear();
            }
            SEEN.put(key, new Seen(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(), m));
        }
        return m;
    }

    /** Reads and checks the script: it must be valid UTF-8 and not empty. */
    public static LocalMigration load(String name, Path sqlFile) {
        byte[] bytes = readBytes(sqlFile);
        decode(sqlFile, bytes);
        return new LocalMigration(name, sqlFile, Checksums.sha256Hex(bytes), bytes.length);
    }

    public byte[] bytes() {
        return readBytes(sqlFile);
    }

    public String sql() {
        return decode(sqlFile, bytes());
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String decode(Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GodwitException(ErrorKind.USAGE, file + " is not valid UTF-8",
                    "save the file as UTF-8; godwit and Prisma read migrations as UTF-8");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < nul; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            // the server would cut the statement there (PostgreSQL reports a lost connection): refuse before anything runs
            throw new GodwitException(ErrorKind.USAGE, file + ":" + line + ":" + (nul - lineStart + 1) + ": the file contains a NUL byte (0x00)",
                    "a migration is SQL text: remove the NUL byte (the file may be damaged or binary)");
        }
        if (text.isBlank()) {
            throw new GodwitException(ErrorKind.USAGE, file + " is empty",
                    "write the migration's SQL into it, or delete the folder if the migration is not needed");
        }
        return text;
    }
}
