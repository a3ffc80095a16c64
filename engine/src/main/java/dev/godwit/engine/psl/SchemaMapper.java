package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.ast.Arg;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.QualifiedName;
import dev.godwit.engine.schema.ReferentialAction;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A checked schema file → the database schema Prisma Migrate would create for it. */
final class SchemaMapper {
    private final Catalog catalog;
    private final List<Relation> relations;
    /** The relations that put a foreign key on each model, in their order: looked up per model, not scanned (models × relations). */
    private final Map<Block.Model, List<Relation>> keysByModel = new IdentityHashMap<>();
    private final Provider provider;
    private final ConstraintNames names;
    private ColumnMapper columns;
    /** The schema of the database URL: a multi-schema model's names are qualified outside it. */
    private String defaultSchema = "public";

    private final boolean foreignKeys;

    SchemaMapper(Catalog catalog, List<Relation> relations, Provider provider, boolean foreignKeys) {
        this.foreignKeys = foreignKeys;
        this.catalog = catalog;
        this.relations = relations;
        for (Relation r : relations) {
            if (r.kind() != Relation.Kind.MANY_TO_MANY) {
                keysByModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
            }
        }
        this.provider = provider;
        this.names = new ConstraintNames(ModelRules.of(provider).identifierLimit().max());
        this.columns = new ColumnMapper(catalog, provider);
    }

    Schema map(String schemaName) {
        this.defaultSchema = schemaName;
        this.columns = new ColumnMapper(catalog, provider, schemaName);
        List<Table> tables = new ArrayList<>();
        catalog.models.values().forEach(m -> tables.add(table(m)));
        relations.stream().filter(r -> r.kind() == Relation.Kind.MANY_TO_MANY).forEach(r -> tables.add(joinTable(r)));
        List<EnumType> enums = ModelRules.of(provider).enumTypes()
                ? catalog.enums.values().stream().map(e -> new EnumType(catalog.qualifiedEnum(e, schemaName), e.values().stream().map(Catalog::valueName).toList())).toList()
                : List.of();
        return new Schema(schemaName, tables.stream().map(this::withImpliedIndexes).toList(), enums, List.of(), List.of(), List.of(),
                catalog.namespaces);
    }

    private Table table(Block.Model m) {
        String table = Catalog.tableName(m);
        List<Column> cols = catalog.columnFields(m).stream().map(columns::column).toList();
        List<Index> indexes = new ArrayList<>();
        PrimaryKey pk = null;
        for (Field f : catalog.columnFields(m)) {
            Attribute id = f.attribute("id").orElse(null);
            if (id != null) {
                pk = new PrimaryKey(pkName(table, id), List.of(Catalog.columnName(f)));
            }
            Attribute unique = f.attribute("unique").orElse(null);
            if (unique != null) {
                List<String> c = List.of(Catalog.columnName(f));
                indexes.add(index(Catalog.string(unique, "map", -1).orElse(names.unique(table, c)), true,
                        List.of(part(Catalog.columnName(f), unique.named("sort").map(Arg::value).orElse(null), unique.named("length").map(Arg::value).orElse(null))), null));
            }
        }
        for (Attribute a : m.attributes()) {
            switch (a.name()) {
                case "id" -> pk = new PrimaryKey(pkName(table, a), columnNames(m, a));
                case "unique" -> indexes.add(index(Catalog.string(a, "map", -1).orElse(names.unique(table, columnNames(m, a))), true, parts(m, a), null));
                case "index" -> indexes.add(index(Catalog.string(a, "map", -1).or(() -> Catalog.string(a, "name", -1))
                        .orElse(names.index(table, columnNames(m, a))), false, parts(m, a), a.named("type").map(t -> Catalog.refName(t.value())).orElse(null)));
                case "fulltext" -> indexes.add(new Index(Catalog.string(a, "map", -1).orElse(names.index(table, columnNames(m, a))), false,
                        parts(m, a), "fulltext", null, List.of(), false));
                default -> {
                }
            }
        }
        List<ForeignKey> fks = new ArrayList<>();
        if (foreignKeys) {
            for (Relation r : keysByModel.getOrDefault(m, List.of())) {
                fks.add(foreignKey(table, r));
            }
        }
        return new Table(catalog.qualifiedTable(m, defaultSchema), cols, pk, indexes, fks, List.of(), null, tableAttributes());
    }

    private String pkName(String table, Attribute a) {
        if (!ModelRules.of(provider).namedPrimaryKeys()) {
            return null;
        }
        return Catalog.string(a, "map", -1).orElse(names.primaryKey(table));
    }

    private Index index(String name, boolean unique, List<IndexPart> parts, String type) {
        String method = type == null ? "btree" : switch (type) {
            case "SpGist" -> "spgist";
            default -> type.toLowerCase(Locale.ROOT);
        };
        List<IndexPart> keys = parts.stream().map(k -> new IndexPart(k.column(), k.expression(), k.descending(), k.nulls(),
                OperatorClasses.normalised(method, k.opclass()), k.length())).toList();
        return new Index(name, unique, keys, method, null, List.of(), false);
    }

    private List<String> columnNames(Block.Model m, Attribute a) {
        return parts(m, a).stream().map(IndexPart::column).toList();
    }

    private List<IndexPart> parts(Block.Model m, Attribute a) {
        Expr fields = a.arg("fields", 0).map(Arg::value).orElse(null);
        if (!(fields instanceof Expr.Array arr)) {
            return List.of();
        }
        List<IndexPart> parts = new ArrayList<>();
        for (Expr item : arr.items()) {
            String field = Catalog.refName(item);
            String column = m.field(field).map(Catalog::columnName).orElse(field);
            Expr sort = null;
            Expr length = null;
            String opclass = null;
            if (item instanceof Expr.Call call) {
                for (Arg arg : call.args()) {
                    if ("sort".equals(arg.name())) {
                        sort = arg.value();
                    } else if ("length".equals(arg.name())) {
                        length = arg.value();
                    } else if ("ops".equals(arg.name()) && ModelRules.of(provider).operatorClasses()) {
                        opclass = OperatorClasses.sqlName(arg.value());
                    }
                }
            }
            IndexPart p = part(column, sort, length);
            parts.add(new IndexPart(p.column(), null, p.descending(), null, opclass, p.length()));
        }
        return parts;
    }

    private IndexPart part(String column, Expr sort, Expr length) {
        boolean desc = sort instanceof Expr.Const c && c.name().equals("Desc");
        Integer len = ModelRules.of(provider).indexPrefixLengths() && length instanceof Expr.Num n ? Integer.valueOf(n.text()) : null;
        return new IndexPart(column, null, desc, null, null, len);
    }

    private ForeignKey foreignKey(String table, Relation r) {
        Block.Model m = r.model();
        List<String> cols = r.fields().stream().map(f -> m.field(f).map(Catalog::columnName).orElse(f)).toList();
        List<String> refs = r.references().stream().map(f -> r.other().field(f).map(Catalog::columnName).orElse(f)).toList();
        Attribute rel = r.attribute().orElseThrow();
        String name = Catalog.string(rel, "map", -1).orElse(names.foreignKey(table, cols));
        // Prisma's default follows the scalar fields, not the relation field: SetNull only when all of them are optional
        boolean required = r.fields().stream().anyMatch(f -> m.field(f).map(x -> !x.type().optional()).orElse(false));
        ReferentialAction onDelete = rel.named("onDelete").map(a -> action(a.value()))
                .orElse(required ? ReferentialAction.RESTRICT : ReferentialAction.SET_NULL);
        ReferentialAction onUpdate = rel.named("onUpdate").map(a -> action(a.value())).orElse(ReferentialAction.CASCADE);
        return new ForeignKey(name, cols, catalog.qualifiedTable(r.other(), defaultSchema), refs, onDelete, onUpdate, ForeignKey.Deferrable.NOT);
    }

    private static ReferentialAction action(Expr e) {
        return switch (String.valueOf(Catalog.refName(e))) {
            case "Cascade" -> ReferentialAction.CASCADE;
            case "SetNull" -> ReferentialAction.SET_NULL;
            case "SetDefault" -> ReferentialAction.SET_DEFAULT;
            case "NoAction" -> ReferentialAction.NO_ACTION;
            default -> ReferentialAction.RESTRICT;
        };
    }

    /** The options Prisma creates every table with ({@link ModelRules#tableAttributes}). */
    private Map<String, String> tableAttributes() {
        return ModelRules.of(provider).tableAttributes();
    }

    private Table joinTable(Relation r) {
        String table = r.joinTable();
        Column a = Column.of("A", idType(r.model()), false);
        Column b = Column.of("B", idType(r.other()), false);
        // Prisma 6 gave the join table a primary key where it could (PostgreSQL); elsewhere it keeps its unique index
        boolean uniqueIndex = !ModelRules.of(provider).joinTablePrimaryKey();
        PrimaryKey pk = uniqueIndex ? null : new PrimaryKey(names.suffixed(table, "_AB_pkey"), List.of("A", "B"));
        Index index = Index.of(names.suffixed(table, "_B_index"), false, List.of(IndexPart.column("B")));
        List<Index> indexes = uniqueIndex
                ? List.of(Index.of(names.suffixed(table, "_AB_unique"), true, List.of(IndexPart.column("A"), IndexPart.column("B"))), index)
                : List.of(index);
        List<ForeignKey> fks = !foreignKeys ? List.of() : List.of(
                new ForeignKey(names.suffixed(table, "_A_fkey"), List.of("A"), catalog.qualifiedTable(r.model(), defaultSchema), List.of(idColumn(r.model())),
                        ReferentialAction.CASCADE, ReferentialAction.CASCADE, ForeignKey.Deferrable.NOT),
                new ForeignKey(names.suffixed(table, "_B_fkey"), List.of("B"), catalog.qualifiedTable(r.other(), defaultSchema), List.of(idColumn(r.other())),
                        ReferentialAction.CASCADE, ReferentialAction.CASCADE, ForeignKey.Deferrable.NOT));
        // Prisma keeps the join table in the schema of model A
        String qualified = QualifiedName.of(QualifiedName.namespace(catalog.qualifiedTable(r.model(), defaultSchema)), table);
        return new Table(qualified, List.of(a, b), pk, indexes, fks, List.of(), null, tableAttributes());
    }

    private Field idField(Block.Model m) {
        return m.field(catalog.idFields(m).get(0)).orElseThrow();
    }

    private dev.godwit.engine.schema.ColumnType idType(Block.Model m) {
        return columns.baseType(idField(m));
    }

    private String idColumn(Block.Model m) {
        return Catalog.columnName(idField(m));
    }

    /**
     * MySQL gives every foreign key an index: when no index or primary key starts with the key's
     * columns, InnoDB creates one named like the constraint. The model shows it as the inspector would.
     */
    private Table withImpliedIndexes(Table t) {
        if (!ModelRules.of(provider).foreignKeysNeedIndex() || t.foreignKeys().isEmpty()) {
            return t;
        }
        List<Index> indexes = new ArrayList<>(t.indexes());
        for (ForeignKey fk : t.foreignKeys()) {
            boolean covered = (t.primaryKey() != null && startsWith(t.primaryKey().columns(), fk.columns()))
                    || indexes.stream().anyMatch(i -> startsWith(i.columnNames(), fk.columns()));
            if (!covered) {
                indexes.add(Index.of(fk.name(), false, fk.columns().stream().map(IndexPart::column).toList()));
            }
        }
        return t.withIndexes(indexes);
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
    }
}
