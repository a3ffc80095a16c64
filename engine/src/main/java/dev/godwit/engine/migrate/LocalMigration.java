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

/**
 * One migration folder on disk. The SQL is read again when it is needed, so a
 * long history does not keep every script in memory.
 */
public record LocalMigration(String name, Path sqlFile, String checksum, long size) {

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
        if (text.isBlank()) {
            throw new GodwitException(ErrorKind.USAGE, file + " is empty",
                    "write the migration's SQL into it, or delete the folder if the migration is not needed");
        }
        return text;
    }
}
