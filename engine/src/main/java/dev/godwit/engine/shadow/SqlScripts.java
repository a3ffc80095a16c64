package dev.godwit.engine.shadow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.schema.Schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A schema described by SQL scripts (a file, a folder of them, a migrations folder): replayed into a shadow database and read back. */
public final class SqlScripts {
    private SqlScripts() {
    }

    /** A file, or every {@code .sql} file of a folder (and its subfolders) in name order. */
    public static List<LocalMigration> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(LocalMigration.load(path.getFileName().toString(), path));
        }
        if (!Files.isDirectory(path)) {
            throw new GodwitException(ErrorKind.USAGE, "no such file or folder: " + path, null);
        }
        try (Stream<Path> files = Files.walk(path)) {
            List<LocalMigration> found = files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".sql")).sorted()
                    .map(f -> LocalMigration.load(path.relativize(f).toString(), f)).toList();
            if (found.isEmpty()) {
                throw new GodwitException(ErrorKind.USAGE, "no .sql files in " + path, null);
            }
            return found;
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot list " + path + ": " + e.getMessage());
        }
    }

    /**
     * The schema {@code scripts} make, replayed in a shadow for the database at {@code main}; {@code label} names them
     * in the note; {@code namespaces}: the database schemas to read back (empty: the shadow's own).
     */
    public static Schema replay(List<LocalMigration> scripts, String label, DatabaseUrl main, Optional<DatabaseUrl> shadowUrl,
                                List<String> namespaces, Consumer<String> note) {
        try (ShadowDatabase shadow = ShadowProvider.open(main, shadowUrl, namespaces)) {
            note.accept("replaying " + label + " into the " + shadow.describe());
            shadow.replay(scripts);
            return shadow.inspect(namespaces);
        }
    }
}
