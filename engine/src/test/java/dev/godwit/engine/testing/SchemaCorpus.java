package dev.godwit.engine.testing;

import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The schema corpus under {@code schema-corpus/<dialect>/}: single schemas and evolution pairs. */
public final class SchemaCorpus {
    private SchemaCorpus() {
    }

    public static Path root(String dialect) {
        try {
            return Path.of(SchemaCorpus.class.getResource("/schema-corpus/" + dialect).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Path> schemas(String dialect) {
        try (Stream<Path> files = Files.list(root(dialect))) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Folders with {@code a.sql} and {@code b.sql}. */
    public static List<Path> pairs(String dialect) {
        try (Stream<Path> dirs = Files.list(root(dialect).resolve("evolution"))) {
            return dirs.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a fixture file statement by statement. */
    public static void load(TestDatabase db, Path file) {
        List<String> statements = SqlSplitter.split(read(file), db.provider()).stream().map(s -> s.text()).toList();
        run(db, statements);
    }

    public static void run(TestDatabase db, List<String> statements) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            db.target().dialect().prepareSession(c, db.schema());
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException("failed: " + sql + "\n" + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Schema inspect(TestDatabase db) {
        try (Connection c = db.connect()) {
            return db.target().dialect().inspector().inspect(c, db.schema());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database schemas {@code namespaces} of a multi-schema model (none: the one schema of the database). */
    public static Schema inspect(TestDatabase db, List<String> namespaces) {
        try (Connection c = db.connect()) {
            return db.target().dialect().inspector().inspect(c, db.schema(), namespaces);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What godwit manages: the schema under a fixed name, without the objects it only reports. */
    public static Schema managed(Schema s) {
        return new Schema("s", s.tables(), s.enums(), s.sequences(), s.views(), List.of());
    }

    /** Managed content with each table's columns in name order (ALTER TABLE can only append columns). */
    public static Schema ignoringColumnOrder(Schema s) {
        List<Table> tables = s.tables().stream().map(t -> t.withColumns(t.columns().stream()
                .sorted(Comparator.comparing(c -> c.name())).toList())).toList();
        return new Schema("s", tables, s.enums(), s.sequences(), s.views(), List.of());
    }

    public static boolean isPostgres(TestDatabase db) {
        return db.provider() == Provider.POSTGRESQL;
    }
}
