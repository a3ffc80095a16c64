package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.QualifiedName;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.ReferentialAction;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.godwit.engine.psl.PslText.*;

/**
 * Introspection into the Prisma schema language (Prisma's {@code db pull}): a schema model becomes
 * {@code model} and {@code enum} blocks with scalar types, {@code @db.*} native types where the
 * column is not the scalar's default, defaults, ids, unique constraints, indexes, relations with
 * their back-relation fields, and {@code @map}/{@code @@map} where a name is not a valid identifier.
 */
public final class PslWriter {
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'(?:::.*)?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** A generator that lists the {@code views} preview feature: only then does Prisma write {@code view} blocks. */
    private static final Pattern VIEWS_PREVIEW = Pattern.compile("previewFeatures\\s*=\\s*\\[[^\\]]*\"views\"");

    private final Schema schema;
    private final Provider provider;
    private final Map<String, String> modelNames = new HashMap<>();
    private final Map<String, String> enumNames = new LinkedHashMap<>();
    private final Map<String, String> viewFiles = new LinkedHashMap<>();
    /** Per enum (by its name in the schema file): database value → enum value name. */
    private final Map<String, Map<String, String>> enumValueNames = new HashMap<>();
    /** MySQL inline enums, by table and column: the enum's name. */
    private final Map<String, String> inlineEnums = new HashMap<>();
    private final Map<String, List<String>> inlineEnumValues = new LinkedHashMap<>();
    /** Per table: column → field name. */
    private final Map<String, Map<String, String>> fields = new HashMap<>();
    private Map<String, JoinTables.JoinTable> joinTables = Map.of();

    private final ConstraintNames names;
    /** Relations per unordered pair of models (foreign keys and join tables), made on first use. */
    private Map<String, Integer> pairCounts;
    /** The foreign keys that point at each table, with the table that holds them, in schema order. */
    private final Map<String, List<Map.Entry<Table, ForeignKey>>> referencing = new HashMap<>();

    private PslWriter(Schema schema, Provider provider) {
        this.schema = schema;
        this.provider = provider;
        this.names = new ConstraintNames(ModelRules.of(provider).identifierLimit().max());
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                referencing.computeIfAbsent(fk.refTable(), k -> new ArrayList<>()).add(Map.entry(t, fk));
            }
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /** The schema file text: {@code header} (generator and datasource blocks) followed by the enums and models. */
    public static String write(Schema schema, Provider provider, String header) {
        return pull(schema, provider, header).text();
    }

    /**
     * What introspection made of a schema.
     *
     * @param text          the schema file text
     * @param models        the number of models (join tables are none)
     * @param manyToMany    the join tables written as implicit many-to-many relations
     * @param unrepresented what the text cannot express, one line each (see {@link Unrepresented#warnings})
     * @param notes         other things to tell, e.g. join tables of the older shape that the next plan changes
     */
    public record Pulled(String text, int models, int enums, List<String> manyToMany, List<String> unrepresented, List<String> notes,
                         boolean views, Map<String, String> viewFiles) {
    }

    public static Pulled pull(Schema schema, Provider provider, String header) {
        PslWriter writer = new PslWriter(schema, provider);
        String text = writer.render(header);
        // only where Prisma 6 moved join tables to a primary key is the unique index an old shape
        List<String> notes = writer.joinTables.values().stream().filter(j -> j.legacyUniqueIndex() && ModelRules.of(provider).joinTablePrimaryKey())
                .map(j -> "join table \"" + j.table().name() + "\" has the unique index of Prisma 4's shape: the next plan replaces it with the primary key \""
                        + writer.names.suffixed(j.table().name(), "_AB_pkey") + "\", as Prisma 6 does")
                .toList();
        return new Pulled(text, writer.models().size(), writer.enumNames.size() + writer.inlineEnumValues.size(),
                List.copyOf(writer.joinTables.keySet()), Unrepresented.warnings(schema, provider), notes, viewsPreview(header),
                Map.copyOf(writer.viewFiles));
    }

    /** Whether the header's generator lists the {@code views} preview feature (Prisma writes view blocks only then). */
    static boolean viewsPreview(String header) {
        return VIEWS_PREVIEW.matcher(header).find();
    }

    private String render(String header) {
        Set<String> used = nameModels(Set.of());
        joinTables = JoinTables.find(schema, provider, modelNames);
        if (!joinTables.isEmpty()) {
            // join tables are no models: name the models again without them, and check the join tables against those names
            used = nameModels(joinTables.keySet());
            joinTables = JoinTables.find(schema, provider, modelNames);
            joinTables.keySet().forEach(modelNames::remove);
        }
        for (EnumType e : schema.enums()) {
            String name = unique(typeName(local(e.name()), "Enum"), used);
            enumNames.put(e.name(), name);
            enumValueNames.put(name, valueNames(e.values()));
        }
        for (Table t : models()) {
            for (Column c : t.columns()) {
                if (c.type().name().equals("enum") && !c.type().enumValues().isEmpty()) {
                    String name = unique(typeName(t.name() + "_" + c.name(), "Enum"), used);
                    inlineEnums.put(t.name() + "." + c.name(), name);
                    inlineEnumValues.put(name, c.type().enumValues());
                    enumValueNames.put(name, valueNames(c.type().enumValues()));
                }
            }
            Set<String> taken = new HashSet<>();
            Map<String, String> fieldOf = new HashMap<>();
            t.columns().forEach(c -> fieldOf.put(c.name(), unique(identifier(c.name(), "field"), taken)));
            fields.put(t.name(), fieldOf);
        }
        StringBuilder sb = new StringBuilder(header.strip()).append("\n");
        for (Table t : models()) {
            sb.append('\n').append(model(t));
        }
        if (viewsPreview(header)) {
            for (View v : schema.views()) {
                if (!v.materialized()) {
                    sb.append('\n').append(view(v, used));
                }
            }
        }
        for (EnumType e : schema.enums()) {
            sb.append('\n').append(enumBlock(enumNames.get(e.name()), e.name(), e.values()));
        }
        inlineEnumValues.forEach((name, values) -> sb.append('\n').append(enumBlock(name, name, values)));
        return sb.toString();
    }

    private Set<String> nameModels(Set<String> skip) {
        modelNames.clear();
        Set<String> used = new HashSet<>();
        for (Table t : schema.tables()) {
            if (!skip.contains(t.name())) {
                modelNames.put(t.name(), unique(typeName(local(t.name()), "Model"), used));
            }
        }
        return used;
    }

    private List<Table> models() {
        return schema.tables().stream().filter(t -> !joinTables.containsKey(t.name())).toList();
    }

    /** A table's or enum's name without its database schema (a model of several schemas has qualified names). */
    private String local(String name) {
        return schema.multiSchema() ? QualifiedName.local(name) : name;
    }

    /** {@code @@schema("auth")} in a model of several schemas; names without a schema are in the URL's schema. */
    private java.util.Optional<String> namespaceAttribute(String name) {
        if (!schema.multiSchema()) {
            return java.util.Optional.empty();
        }
        String ns = QualifiedName.namespace(name);
        return java.util.Optional.of("@@schema(" + str(ns == null ? schema.name() : ns) + ")");
    }

    /** A model or enum name: a valid identifier that is not one of the schema language's type names. */
    private static String typeName(String name, String fallback) {
        String id = identifier(name, fallback);
        return Catalog.SCALARS.contains(id) || id.equals("Unsupported") ? "Renamed" + id : id;
    }

    private static Map<String, String> valueNames(List<String> values) {
        Set<String> taken = new HashSet<>();
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach(v -> out.put(v, unique(identifier(v, "VALUE"), taken)));
        return out;
    }

    private String enumBlock(String name, String dbName, List<String> values) {
        Map<String, String> valueNames = enumValueNames.get(name);
        StringBuilder sb = new StringBuilder("enum ").append(name).append(" {\n");
        for (String v : values) {
            String id = valueNames.get(v);
            sb.append("  ").append(id).append(id.equals(v) ? "" : " @map(" + str(v) + ")").append('\n');
        }
        List<String> blockAttrs = new ArrayList<>();
        if (!name.equals(local(dbName))) {
            blockAttrs.add("@@map(" + str(local(dbName)) + ")");
        }
        namespaceAttribute(dbName).ifPresent(blockAttrs::add);
        if (!blockAttrs.isEmpty()) {
            sb.append('\n');
            blockAttrs.forEach(a -> sb.append("  ").append(a).append('\n'));
        }
        return sb.append("}\n").toString();
    }

    /**
     * A {@code view} block as Prisma's introspection writes it (materialized views are left out): every column a
     * field of its own, optional as the catalog reports view columns, with no id or index.
     */
    private String view(View v, Set<String> used) {
        String name = unique(typeName(local(v.name()), "View"), used);
        Table asTable = Table.of(v.name(), v.columns(), null);
        Set<String> taken = new HashSet<>();
        List<Line> lines = new ArrayList<>();
        for (Column c : v.columns()) {
            String field = unique(identifier(c.name(), "field"), taken);
            List<String> attrs = new ArrayList<>();
            if (!field.equals(c.name())) {
                attrs.add("@map(" + str(c.name()) + ")");
            }
            String[] type = type(asTable, c);
            if (type[1] != null) {
                // a view's column of an expression has no precision of its own: Prisma names PostgreSQL's default, 6
                attrs.add(type[1].matches("@db\\.(Timestamptz|Timestamp|Timetz|Time)") ? type[1] + "(6)" : type[1]);
            }
            String suffix = c.type().arrayDims() > 0 ? "[]" : c.nullable() ? "?" : "";
            lines.add(new Line(field, type[0] + suffix, String.join(" ", attrs)));
        }
        List<String> blockAttrs = new ArrayList<>();
        if (!name.equals(local(v.name()))) {
            blockAttrs.add("@@map(" + str(local(v.name())) + ")");
        }
        namespaceAttribute(v.name()).ifPresent(blockAttrs::add);
        String namespace = schema.multiSchema() && QualifiedName.namespace(v.name()) != null ? QualifiedName.namespace(v.name()) : schema.name();
        String sql = v.definition().strip();
        viewFiles.put("views/" + namespace + "/" + name + ".sql", sql.endsWith(";") ? sql : sql + ";");
        return block("view", name, lines, blockAttrs);
    }


    private String model(Table t) {
        String model = modelNames.get(t.name());
        List<Line> lines = new ArrayList<>();
        List<String> blockAttrs = new ArrayList<>();
        Map<String, String> fieldOf = fields.get(t.name());
        Set<String> fieldNames = new HashSet<>(fieldOf.values());
        boolean singlePk = t.primaryKey() != null && t.primaryKey().columns().size() == 1;
        for (Column c : t.columns()) {
            String field = fieldOf.get(c.name());
            List<String> attrs = new ArrayList<>();
            if (singlePk && t.primaryKey().columns().get(0).equals(c.name())) {
                attrs.add("@id" + mapArg(t.primaryKey().name(), names.primaryKey(local(t.name())), true));
            }
            String def = defaultOf(t, c);
            if (def != null) {
                attrs.add("@default(" + def + ")");
            }
            Index single = t.indexes().stream().filter(i -> singleUnique(i) && c.name().equals(i.parts().get(0).column())).findFirst().orElse(null);
            if (single != null) {
                attrs.add("@unique" + mapArg(single.name(), names.unique(local(t.name()), List.of(c.name())), true));
            }
            if (!field.equals(c.name())) {
                attrs.add("@map(" + str(c.name()) + ")");
            }
            String[] type = type(t, c);
            if (type[1] != null) {
                attrs.add(type[1]);
            }
            boolean list = c.type().arrayDims() > 0;
            String suffix = list ? "[]" : c.nullable() ? "?" : "";
            lines.add(new Line(field, type[0] + suffix, String.join(" ", attrs)));
        }
        relations(t, fieldOf, fieldNames, lines);
        if (t.primaryKey() != null && !singlePk) {
            blockAttrs.add("@@id([" + t.primaryKey().columns().stream().map(fieldOf::get).collect(Collectors.joining(", ")) + "]"
                    + mapArg(t.primaryKey().name(), names.primaryKey(local(t.name())), false) + ")");
        }
        boolean uniqueCriterion = t.primaryKey() != null;
        for (Index i : t.indexes()) {
            if (Unrepresented.whyNot(i, provider) != null) {
                continue; // named in the model's comment and kept by plan
            }
            boolean required = i.parts().stream().noneMatch(p -> t.column(p.column()).map(Column::nullable).orElse(true));
            uniqueCriterion |= i.unique() && required;
            if (singleUnique(i)) {
                continue; // @unique on the field
            }
            blockAttrs.add(indexAttribute(t, i, fieldOf));
        }
        if (!uniqueCriterion) {
            blockAttrs.add("@@ignore");
        }
        if (!model.equals(local(t.name()))) {
            blockAttrs.add("@@map(" + str(local(t.name())) + ")");
        }
        namespaceAttribute(t.name()).ifPresent(blockAttrs::add);
        StringBuilder sb = new StringBuilder();
        for (String note : notes(t, uniqueCriterion)) {
            sb.append("/// ").append(note).append('\n');
        }
        return sb.append(block("model", model, lines, blockAttrs)).toString();
    }

    /** A unique index on one ascending column, written as {@code @unique} on the field. */
    private boolean singleUnique(Index i) {
        IndexPart p = i.parts().get(0);
        return i.unique() && i.parts().size() == 1 && !p.descending() && p.length() == null && Unrepresented.whyNot(i, provider) == null;
    }

    private String indexAttribute(Table t, Index i, Map<String, String> fieldOf) {
        List<String> columns = i.parts().stream().map(IndexPart::column).toList();
        String cols = i.parts().stream().map(p -> fieldOf.get(p.column()) + partArgs(p)).collect(Collectors.joining(", "));
        if ("fulltext".equals(i.method())) {
            return "@@fulltext([" + cols + "]" + mapArg(i.name(), names.index(local(t.name()), columns), false) + ")";
        }
        String expected = i.unique() ? names.unique(local(t.name()), columns) : names.index(local(t.name()), columns);
        // a method the database's @@index cannot name (MySQL's takes BTree only) goes without type:
        String type = i.method() == null || i.method().equals("btree") || !ModelRules.of(provider).indexTypes().contains(indexType(i.method()))
                ? "" : ", type: " + indexType(i.method());
        return (i.unique() ? "@@unique([" : "@@index([") + cols + "]" + mapArg(i.name(), expected, false) + type + ")";
    }

    private static String partArgs(IndexPart p) {
        List<String> args = new ArrayList<>();
        if (p.length() != null) {
            args.add("length: " + p.length());
        }
        if (p.descending()) {
            args.add("sort: Desc");
        }
        if (p.opclass() != null) {
            args.add("ops: " + OperatorClasses.pslName(p.opclass()));
        }
        return args.isEmpty() ? "" : "(" + String.join(", ", args) + ")";
    }

    private static String indexType(String method) {
        return method.equals("spgist") ? "SpGist" : cap(method);
    }

    /** The model's comment lines: what the table holds that the schema language cannot say. */
    private List<String> notes(Table t, boolean uniqueCriterion) {
        List<String> out = new ArrayList<>();
        if (!uniqueCriterion) {
            out.add("The table has no primary key or unique index on required columns: the model is ignored (@@ignore).");
        }
        // the table's own objects that godwit does not manage (triggers, deferrable UNIQUE constraints, …) too
        Schema one = new Schema(schema.name(), List.of(t), List.of(), List.of(), List.of(),
                schema.unmanaged().stream().filter(u -> u.name().startsWith(t.name() + ".")).toList());
        for (String w : Unrepresented.warnings(one, provider)) {
            out.add("Not expressible in this schema, left as it is by godwit plan: " + w);
        }
        return out;
    }

    private void relations(Table t, Map<String, String> fieldOf, Set<String> fieldNames, List<Line> lines) {
        for (ForeignKey fk : t.foreignKeys()) {
            String target = modelNames.getOrDefault(fk.refTable(), fk.refTable());
            boolean optional = fk.columns().stream().anyMatch(c -> t.column(c).map(Column::nullable).orElse(true));
            boolean ambiguous = ambiguous(t.name(), fk.refTable());
            String field = unique(ambiguous ? keyFieldName(target, fk, fieldOf) : lowerFirst(target), fieldNames);
            List<String> args = new ArrayList<>();
            if (ambiguous) {
                args.add(str(relationName(t, fk)));
            }
            args.add("fields: [" + fk.columns().stream().map(fieldOf::get).collect(Collectors.joining(", ")) + "]");
            Map<String, String> refFields = fields.getOrDefault(fk.refTable(), Map.of());
            args.add("references: [" + fk.refColumns().stream().map(c -> refFields.getOrDefault(c, c)).collect(Collectors.joining(", ")) + "]");
            args.add("onDelete: " + action(fk.onDelete()));
            args.add("onUpdate: " + action(fk.onUpdate()));
            String expected = names.foreignKey(local(t.name()), fk.columns());
            if (!fk.name().equals(expected)) {
                args.add("map: " + str(fk.name()));
            }
            lines.add(new Line(field, target + (optional ? "?" : ""), "@relation(" + String.join(", ", args) + ")"));
        }
        for (Map.Entry<Table, ForeignKey> back : referencing.getOrDefault(t.name(), List.of())) {
            Table other = back.getKey();
            ForeignKey fk = back.getValue();
            if (joinTables.containsKey(other.name())) {
                continue; // the keys of a join table are the many-to-many relation itself, written below
            }
            String source = modelNames.get(other.name());
            boolean one = other.indexes().stream().anyMatch(i -> i.unique() && Unrepresented.whyNot(i, provider) == null
                    && i.parts().stream().map(IndexPart::column).toList().equals(fk.columns()))
                    || (other.primaryKey() != null && other.primaryKey().columns().equals(fk.columns()));
            boolean ambiguous = ambiguous(other.name(), t.name());
            String base = one ? lowerFirst(source) : plural(lowerFirst(source));
            String field = unique(ambiguous ? base + "_" + String.join("_", fk.columns().stream().map(fields.get(other.name())::get).toList()) : base, fieldNames);
            String attr = ambiguous ? "@relation(" + str(relationName(other, fk)) + ")" : "";
            lines.add(new Line(field, source + (one ? "?" : "[]"), attr));
        }
        for (JoinTables.JoinTable j : joinTables.values()) {
            // an implicit many-to-many relation: a list field on each side (both on the same model for a self relation)
            boolean ambiguous = ambiguous(j.a(), j.b());
            String attr = j.relationName() != null || ambiguous ? "@relation(" + str(j.nameForAttribute()) + ")" : "";
            // between the same models more than once (or on itself) a list field carries the relation's name
            String suffix = ambiguous ? "_" + identifier(j.nameForAttribute(), "relation") : "";
            boolean self = j.a().equals(j.b());
            if (j.a().equals(t.name())) {
                String other = modelNames.get(j.b());
                lines.add(new Line(unique(plural(lowerFirst(other)) + suffix + (self ? "_A" : ""), fieldNames), other + "[]", attr));
            }
            if (j.b().equals(t.name())) {
                String other = modelNames.get(j.a());
                lines.add(new Line(unique(plural(lowerFirst(other)) + suffix + (self ? "_B" : ""), fieldNames), other + "[]", attr));
            }
        }
    }

    /**
     * The relation field of a foreign key that shares its pair of models with another relation: the key's
     * column without its id suffix ({@code managerId} → {@code manager}), else the model and the columns.
     */
    private static String keyFieldName(String target, ForeignKey fk, Map<String, String> fieldOf) {
        String column = fieldOf.get(fk.columns().get(0));
        if (fk.columns().size() == 1 && column.matches("[A-Za-z][A-Za-z0-9_]*[a-z0-9](Id|ID|_id)")) {
            return column.replaceAll("(Id|ID|_id)$", "");
        }
        return lowerFirst(target) + "_" + fk.columns().stream().map(fieldOf::get).collect(Collectors.joining("_"));
    }

    /** The name a relation gets when it needs one: {@code <table>_<columns>To<referenced table>}. */
    private static String relationName(Table t, ForeignKey fk) {
        return t.name() + "_" + String.join("_", fk.columns()) + "To" + fk.refTable();
    }

    /**
     * Two or more relations between the same pair of tables (foreign keys either way and many-to-many
     * join tables), or one from a table to itself, need relation names.
     */
    private boolean ambiguous(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (pairCounts == null) {
            // made once, after the join tables are known: counting per call was quadratic in the schema
            pairCounts = new HashMap<>();
            models().forEach(t -> t.foreignKeys().forEach(fk -> pairCounts.merge(pair(t.name(), fk.refTable()), 1, Integer::sum)));
            joinTables.values().forEach(j -> pairCounts.merge(pair(j.a(), j.b()), 1, Integer::sum));
        }
        return pairCounts.getOrDefault(pair(a, b), 0) > 1;
    }

    private static String action(ReferentialAction a) {
        return switch (a) {
            case CASCADE -> "Cascade";
            case RESTRICT -> "Restrict";
            case NO_ACTION -> "NoAction";
            case SET_NULL -> "SetNull";
            case SET_DEFAULT -> "SetDefault";
        };
    }

    /** {scalar or enum type, native attribute or null}. */
    private String[] type(Table t, Column c) {
        ColumnType ct = c.type().withArrayDims(0);
        if (ct.enumRef() != null && enumNames.containsKey(ct.enumRef())) {
            return new String[]{enumNames.get(ct.enumRef()), null};
        }
        String inline = inlineEnums.get(t.name() + "." + c.name());
        if (inline != null) {
            return new String[]{inline, null};
        }
        return PulledTypes.of(ct, provider);
    }

    private String defaultOf(Table t, Column c) {
        if (c.identity() != Identity.NONE) {
            return "autoincrement()";
        }
        String d = c.defaultValue();
        if (d == null) {
            return null;
        }
        if (c.type().arrayDims() > 0) {
            String list = listDefault(t, c, d);
            if (list != null) {
                return list;
            }
        }
        String upper = d.toUpperCase(Locale.ROOT);
        if (upper.equals("CURRENT_TIMESTAMP") || upper.matches("CURRENT_TIMESTAMP\\(\\d\\)") || upper.equals("NOW()")) {
            return "now()";
        }
        boolean isEnum = c.type().enumRef() != null || inlineEnums.containsKey(t.name() + "." + c.name());
        Matcher q = QUOTED.matcher(d);
        if (q.matches()) {
            String value = q.group(1).replace("''", "'");
            if (isEnum) {
                return enumValueNames.get(type(t, c)[0]).getOrDefault(value, identifier(value, "VALUE"));
            }
            String[] type = type(t, c);
            if (type[0].equals("String") || type[0].equals("DateTime") || type[0].equals("Decimal")) {
                return str(value);
            }
        }
        String[] type = type(t, c);
        if (type[0].equals("Boolean")) {
            if (d.equals("true") || d.equals("1")) {
                return "true";
            }
            if (d.equals("false") || d.equals("0")) {
                return "false";
            }
        }
        if (NUMBER.matcher(d).matches() && !type[0].equals("String")) {
            return d;
        }
        return "dbgenerated(" + str(d) + ")";
    }

    /** A list column's default as Prisma writes it ({@code @default([])}, {@code @default(["a", "b"])}), or null. */
    private String listDefault(Table t, Column c, String d) {
        java.util.Optional<List<String>> items = ModelRules.of(provider).arrayElements(d);
        if (items.isEmpty()) {
            return null;
        }
        String scalar = type(t, c)[0];
        boolean isEnum = c.type().enumRef() != null;
        List<String> out = new ArrayList<>();
        for (String v : items.get()) {
            if (v.equals("NULL")) {
                return null;
            }
            if (isEnum) {
                out.add(enumValueNames.getOrDefault(scalar, Map.of()).getOrDefault(v, identifier(v, "VALUE")));
            } else if (scalar.equals("String")) {
                out.add(str(v));
            } else if (scalar.equals("Boolean") && v.matches("true|false|t|f")) {
                out.add(v.startsWith("t") ? "true" : "false");
            } else if ((scalar.equals("Int") || scalar.equals("BigInt") || scalar.equals("Float") || scalar.equals("Decimal"))
                    && NUMBER.matcher(v).matches()) {
                out.add(v);
            } else {
                return null;
            }
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String mapArg(String actual, String expected, boolean alone) {
        if (actual == null || actual.equals(expected)) {
            return "";
        }
        return alone ? "(map: " + str(actual) + ")" : ", map: " + str(actual);
    }

}
