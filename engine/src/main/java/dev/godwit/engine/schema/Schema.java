package dev.godwit.engine.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one database schema holds, as godwit understands it. Every list is sorted by name so that
 * equal schemas are equal records whatever order the catalog returned them in.
 *
 * @param namespaces the database schemas a multi-schema model spans (Prisma's {@code schemas = [...]}), sorted;
 *                   empty for one schema. When set, every table, enum, view and sequence name is a
 *                   {@link QualifiedName}, and so is every foreign key's referenced table and column enum.
 */
public record Schema(String name, List<Table> tables, List<EnumType> enums, List<Sequence> sequences,
                     List<View> views, List<UnmanagedObject> unmanaged, List<String> namespaces) {

    public Schema {
        Objects.requireNonNull(name, "name");
        tables = Sorting.byName(tables, Table::name);
        enums = Sorting.byName(enums, EnumType::name);
        sequences = Sorting.byName(sequences, Sequence::name);
        views = Sorting.byName(views, View::name);
        unmanaged = unmanaged.stream().sorted(java.util.Comparator.comparing(UnmanagedObject::kind)
                .thenComparing(UnmanagedObject::name)).toList();
        namespaces = namespaces == null ? List.of() : namespaces.stream().sorted().distinct().toList();
    }

    /** One database schema: names are plain. */
    public Schema(String name, List<Table> tables, List<EnumType> enums, List<Sequence> sequences,
                  List<View> views, List<UnmanagedObject> unmanaged) {
        this(name, tables, enums, sequences, views, unmanaged, List.of());
    }

    public static Schema empty(String name) {
        return new Schema(name, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    public Optional<EnumType> enumType(String enumName) {
        return enums.stream().filter(e -> e.name().equals(enumName)).findFirst();
    }

    /** The same content under another name (a schema's name is where it lives, not what it holds). */
    public Schema withName(String newName) {
        return new Schema(newName, tables, enums, sequences, views, unmanaged, namespaces);
    }

    public boolean multiSchema() {
        return !namespaces.isEmpty();
    }

    public boolean isEmpty() {
        return tables.isEmpty() && enums.isEmpty() && sequences.isEmpty() && views.isEmpty();
    }
}
