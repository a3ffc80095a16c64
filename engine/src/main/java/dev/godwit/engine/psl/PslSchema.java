package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.ast.SchemaFile;
import dev.godwit.engine.schema.Schema;

import java.util.List;
import java.util.Optional;

/**
 * A schema file that parsed and passed every check: its syntax tree, its datasource, its
 * resolved relations, and its database schema via {@link #toSchema(String)}.
 */
public final class PslSchema {
    private final SchemaFile file;
    private final Datasource datasource;
    private final Catalog catalog;
    private final List<Relation> relations;
    private final List<String> warnings;

    PslSchema(SchemaFile file, Datasource datasource, Catalog catalog, List<Relation> relations, List<String> warnings) {
        this.file = file;
        this.datasource = datasource;
        this.catalog = catalog;
        this.relations = List.copyOf(relations);
        this.warnings = List.copyOf(warnings);
    }

    /** What Prisma accepts but warns about, each with its file and line. */
    public List<String> warnings() {
        return warnings;
    }

    public SchemaFile file() {
        return file;
    }

    public Datasource datasource() {
        return datasource;
    }

    public Provider provider() {
        return datasource.provider();
    }

    /** The table a model maps to (its {@code @@map}, else its name), when the file has that model. */
    public Optional<String> tableName(String model) {
        return file.model(model).map(Catalog::tableName);
    }

    /** The column a field of a model maps to (its {@code @map}, else its name), when the model has that field. */
    public Optional<String> columnName(String model, String field) {
        return file.model(model).flatMap(m -> m.field(field)).map(Catalog::columnName);
    }

    /** The model that maps to a table, when one does. */
    public Optional<String> modelOf(String table) {
        return file.models().stream().filter(m -> Catalog.tableName(m).equals(table)).map(m -> m.name()).findFirst();
    }

    /** The type an enum maps to (its {@code @@map}, else its name), when the file has that enum. */
    public Optional<String> enumName(String name) {
        return file.enumNamed(name).map(Catalog::enumName);
    }

    /** The database schema this file describes, as the inspector of its provider would read it back. */
    public Schema toSchema(String schemaName) {
        return new SchemaMapper(catalog, relations, datasource.provider(), datasource.foreignKeys()).map(schemaName);
    }

    /** The database schema, named {@code public} on PostgreSQL and {@code schemaName} on MySQL. */
    public Schema toSchema() {
        return toSchema("public");
    }
}
