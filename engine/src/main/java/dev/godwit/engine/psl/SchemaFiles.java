package dev.godwit.engine.psl;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The text of a schema: one {@code .prisma} file, or a folder of them (Prisma's multi-file schema:
 * every {@code .prisma} file under the folder, in path order, read as one schema).
 */
public final class SchemaFiles {
    private SchemaFiles() {
    }

    /** One file of a schema: its name as errors show it, and its text. */
    public record File(String name, String text) {
    }

    /** The files of the schema at {@code path} (a file, or a folder of .prisma files). */
    public static List<File> read(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(new File(path.toString(), readText(path)));
        }
        List<Path> found;
        try (Stream<Path> s = Files.walk(path)) {
            found = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".prisma")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new GodwitException(ErrorKind.USAGE, "cannot list the schema folder " + path + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, "the schema folder " + path + " has no .prisma file",
                    "put the schema's .prisma files there, or point `schema` in godwit.toml at the schema file");
        }
        List<File> out = new ArrayList<>();
        for (Path p : found) {
            out.add(new File(p.toString(), readText(p)));
        }
        return out;
    }

    /** All the schema's text, file after file (what holds the datasource block, for instance). */
    public static String text(Path path) {
        return String.join("\n", read(path).stream().map(File::text).toList());
    }

    private static String readText(Path file) {
        try {
            return dev.godwit.engine.TextFiles.readUtf8(file);
        } catch (IOException | UncheckedIOException e) {
            throw new GodwitException(ErrorKind.USAGE, "cannot read the schema file " + file + ": " + e.getMessage());
        }
    }
}
