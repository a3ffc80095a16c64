package dev.godwit.engine.workflow;

import java.nio.file.Path;

/**
 * Where the schema a workflow aims at comes from: the project's schema.prisma, another {@code .prisma}
 * file (or folder), or SQL scripts replayed into a shadow database.
 *
 * @param file the schema file when not the project's; null for the project's (or for SQL)
 * @param sql  the SQL file or folder as given; null for a schema file
 */
public record DesiredSchema(Path file, String sql) {
    public static DesiredSchema projectSchema() {
        return new DesiredSchema(null, null);
    }

    public static DesiredSchema file(Path file) {
        return new DesiredSchema(file.toAbsolutePath(), null);
    }

    /** A {@code .sql} file, or every {@code .sql} file of a folder in name order. */
    public static DesiredSchema sql(String fileOrFolder) {
        return new DesiredSchema(null, fileOrFolder);
    }

    /** The command line's form: none (the project's), {@code sql:FILE_OR_DIR}, or a schema file. */
    public static DesiredSchema parse(String option) {
        if (option == null) {
            return projectSchema();
        }
        return option.startsWith("sql:") ? sql(option.substring("sql:".length())) : file(Path.of(option));
    }

    /** Whether the schema comes from schema language (which cannot express everything a database holds). */
    public boolean isSchemaLanguage() {
        return sql == null;
    }
}
