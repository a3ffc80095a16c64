package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.psl.ast.SchemaFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Name lookups over a parsed schema: what a field's type is, and the database names of things. Public to read
 * ({@link #blocks} and the name helpers) for the checks a dialect adds through {@link ModelRules#checkSchema}.
 */
public final class Catalog {
    static final Set<String> SCALARS = Set.of("String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes");

    enum FieldKind { SCALAR, ENUM, RELATION, UNSUPPORTED, UNKNOWN }

    final SchemaFile file;
    final Map<String, Block.Model> models = new LinkedHashMap<>();
    final Map<String, Block.Enum> enums = new LinkedHashMap<>();
    /** The datasource's {@code schemas} (several database schemas), or empty. */
    final List<String> namespaces;
    /** Read once: it is asked per relation attribute, and the blocks are as many as the models. */
    private final boolean relationModePrisma;

    Catalog(SchemaFile file) {
        this.file = file;
        this.relationModePrisma = file.blocks().stream().filter(b -> b instanceof Block.Config c && c.keyword().equals("datasource"))
                .map(b -> ((Block.Config) b).setting("relationMode")).flatMap(Optional::stream)
                .anyMatch(st -> st.value() instanceof dev.godwit.engine.psl.ast.Expr.Str str && str.value().equals("prisma"));
        this.namespaces = file.blocks().stream().filter(b -> b instanceof Block.Config c && c.keyword().equals("datasource"))
                .findFirst().flatMap(b -> ((Block.Config) b).setting("schemas"))
                .filter(st -> st.value() instanceof Expr.Array)
                .map(st -> ((Expr.Array) st.value()).items().stream().filter(i -> i instanceof Expr.Str)
                        .map(i -> ((Expr.Str) i).value()).distinct().toList())
                .orElse(List.of());
        for (Block b : file.blocks()) {
            if (b instanceof Block.Model m) {
                models.putIfAbsent(m.name(), m);
            } else if (b instanceof Block.Enum e) {
                enums.putIfAbsent(e.name(), e);
            }
        }
    }

    /** The schema's blocks (models, enums, views, configuration), in file order. */
    public List<Block> blocks() {
        return file.blocks();
    }

    /** Whether the datasource says {@code relationMode = "prisma"} (relations without foreign keys). */
    boolean relationModePrisma() {
        return relationModePrisma;
    }

    FieldKind kind(Field f) {
        if (f.type().unsupported() != null) {
            return FieldKind.UNSUPPORTED;
        }
        String t = f.type().name();
        if (SCALARS.contains(t)) {
            return FieldKind.SCALAR;
        }
        if (enums.containsKey(t)) {
            return FieldKind.ENUM;
        }
        if (models.containsKey(t)) {
            return FieldKind.RELATION;
        }
        return FieldKind.UNKNOWN;
    }

    /** Fields that are columns: everything but relation fields (and fields of unknown type). */
    List<Field> columnFields(Block.Model m) {
        return m.fields().stream().filter(f -> kind(f) != FieldKind.RELATION && kind(f) != FieldKind.UNKNOWN).toList();
    }

    public static String tableName(Block.Model m) {
        return mapped(m.attribute("map"), m.name());
    }

    /** The database schema of a model or enum: its {@code @@schema("name")}, if any. */
    public static Optional<String> namespace(Block b) {
        List<Attribute> attributes = b instanceof Block.Model m ? m.attributes() : b instanceof Block.Enum e ? e.attributes() : List.of();
        return attributes.stream().filter(a -> a.name().equals("schema")).findFirst().flatMap(a -> string(a, "name", 0));
    }

    /**
     * The name a model's table has in a model of several schemas ({@link dev.godwit.engine.schema.QualifiedName}):
     * plain in the schema the database URL names, as Prisma writes it, {@code schema.table} in the others.
     */
    String qualifiedTable(Block.Model m, String defaultSchema) {
        return qualified(m, tableName(m), defaultSchema);
    }

    String qualifiedEnum(Block.Enum e, String defaultSchema) {
        return qualified(e, enumName(e), defaultSchema);
    }

    private String qualified(Block b, String name, String defaultSchema) {
        String ns = namespaces.isEmpty() ? null : namespace(b).orElse(null);
        return ns == null || ns.equals(defaultSchema) ? name : dev.godwit.engine.schema.QualifiedName.of(ns, name);
    }

    public static String columnName(Field f) {
        return mapped(f.attribute("map"), f.name());
    }

    static String enumName(Block.Enum e) {
        return mapped(e.attribute("map"), e.name());
    }

    static String valueName(Block.EnumValue v) {
        return mapped(v.attributes().stream().filter(a -> a.name().equals("map")).findFirst(), v.name());
    }

    static String mapped(Optional<Attribute> map, String fallback) {
        return map.flatMap(a -> a.arg("name", 0)).map(a -> a.value() instanceof Expr.Str s ? s.value() : null).orElse(fallback);
    }

    /** A string argument's value, if the argument is there and is a string. */
    public static Optional<String> string(Attribute a, String name, int position) {
        return a.arg(name, position).filter(x -> x.value() instanceof Expr.Str).map(x -> ((Expr.Str) x.value()).value());
    }

    /** The field names in a {@code fields: [a, b(sort: Desc)]} style list. */
    public static List<String> fieldNames(Expr e) {
        if (e instanceof Expr.Array arr) {
            return arr.items().stream().map(Catalog::refName).toList();
        }
        return List.of(refName(e));
    }

    public static String refName(Expr e) {
        if (e instanceof Expr.Const c) {
            return c.name();
        }
        if (e instanceof Expr.Call c) {
            return c.name();
        }
        return null;
    }

    Optional<Field> field(Block.Model m, String name) {
        return m.field(name);
    }

    /** The id fields: the @id field, or the fields of @@id; empty when there is none. */
    List<String> idFields(Block.Model m) {
        for (Field f : m.fields()) {
            if (f.has("id")) {
                return List.of(f.name());
            }
        }
        return m.attribute("id").flatMap(a -> a.arg("fields", 0)).map(a -> fieldNames(a.value())).orElse(List.of());
    }
}
