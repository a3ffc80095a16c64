package dev.godwit.engine.psl;

import dev.godwit.engine.project.Provider;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.ReferentialAction;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

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

/**
 * Introspection into the Prisma schema language (Prisma's {@code db pull}): a schema model becomes
 * {@code model} and {@code enum} blocks with scalar types, {@code @db.*} native types where the
 * column is not the scalar's default, defaults, ids, unique constraints, indexes, relations with
 * their back-relation fields, and {@code @map}/{@code @@map} where a name is not a valid identifier.
 */
public final class PslWriter {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'(?:::.*)?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static final Map<String, ColumnType> POSTGRES = Map.of(
            "String", ColumnType.of("text"), "Int", ColumnType.of("integer"), "BigInt", ColumnType.of("bigint"),
            "Float", ColumnType.of("double precision"), "Decimal", ColumnType.of("numeric").withPrecision(65, 30),
            "Boolean", ColumnType.of("boolean"), "DateTime", ColumnType.of("timestamp").withPrecision(3, null),
            "Json", ColumnType.of("jsonb"), "Bytes", ColumnType.of("bytea"));
    private static final Map<String, ColumnType> MYSQL = Map.of(
            "String", ColumnType.of("varchar").withLength(191), "Int", ColumnType.of("int"), "BigInt", ColumnType.of("bigint"),
            "Float", ColumnType.of("double"), "Decimal", ColumnType.of("decimal").withPrecision(65, 30),
            "Boolean", ColumnType.of("tinyint").withLength(1), "DateTime", ColumnType.of("datetime").withPrecision(3, null),
            "Json", ColumnType.of("json"), "Bytes", ColumnType.of("longblob"));
    private static final List<String> SCALAR_ORDER = List.of("String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes");

    private final Schema schema;
    private final Provider provider;
    private final Map<String, String> modelNames = new HashMap<>();
    private final Map<String, String> enumNames = new LinkedHashMap<>();
    /** MySQL inline enums, by table and column: the enum's name. */
    private final Map<String, String> inlineEnums = new HashMap<>();
    private final Map<String, List<String>> inlineEnumValues = new LinkedHashMap<>();

    private final ConstraintNames names;
    /** Foreign keys per unordered pair of tables (made once: looking them up per key was quadratic in the schema). */
    private final Map<String, Integer> keysBetween = new HashMap<>();
    /** The foreign keys that point at each table, with the table that holds them, in schema order. */
    private final Map<String, List<Map.Entry<Table, ForeignKey>>> referencing = new HashMap<>();

    private PslWriter(Schema schema, Provider provider) {
        this.schema = schema;
        this.provider = provider;
        this.names = new ConstraintNames(provider == Provider.MYSQL ? 64 : 63);
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                keysBetween.merge(pair(t.name(), fk.refTable()), 1, Integer::sum);
                referencing.computeIfAbsent(fk.refTable(), k -> new ArrayList<>()).add(Map.entry(t, fk));
            }
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /** The schema file text: {@code header} (generator and datasource blocks) followed by the enums and models. */
    public static String write(Schema schema, Provider provider, String header) {
        return new PslWriter(schema, provider).render(header);
    }

    private String render(String header) {
        Set<String> used = new HashSet<>();
        for (Table t : schema.tables()) {
            modelNames.put(t.name(), unique(identifier(t.name(), "Model"), used));
        }
        for (EnumType e : schema.enums()) {
            enumNames.put(e.name(), unique(identifier(e.name(), "Enum"), used));
        }
        for (Table t : schema.tables()) {
            for (Column c : t.columns()) {
                if (c.type().name().equals("enum") && !c.type().enumValues().isEmpty()) {
                    String name = unique(identifier(t.name() + "_" + c.name(), "Enum"), used);
                    inlineEnums.put(t.name() + "." + c.name(), name);
                    inlineEnumValues.put(name, c.type().enumValues());
                }
            }
        }
        StringBuilder sb = new StringBuilder(header.strip()).append("\n");
        for (Table t : schema.tables()) {
            sb.append('\n').append(model(t));
        }
        for (EnumType e : schema.enums()) {
            sb.append('\n').append(enumBlock(enumNames.get(e.name()), e.name(), e.values()));
        }
        inlineEnumValues.forEach((name, values) -> sb.append('\n').append(enumBlock(name, name, values)));
        return sb.toString();
    }

    private static String enumBlock(String name, String dbName, List<String> values) {
        StringBuilder sb = new StringBuilder("enum ").append(name).append(" {\n");
        for (String v : values) {
            String id = identifier(v, "VALUE");
            sb.append("  ").append(id).append(id.equals(v) ? "" : " @map(" + str(v) + ")").append('\n');
        }
        if (!name.equals(dbName)) {
            sb.append("\n  @@map(").append(str(dbName)).append(")\n");
        }
        return sb.append("}\n").toString();
    }

    private record Line(String name, String type, String attributes) {
    }

    private String model(Table t) {
        String model = modelNames.get(t.name());
        List<Line> lines = new ArrayList<>();
        List<String> blockAttrs = new ArrayList<>();
        Set<String> fieldNames = new HashSet<>();
        Map<String, String> fieldOf = new HashMap<>();
        for (Column c : t.columns()) {
            fieldOf.put(c.name(), unique(identifier(c.name(), "field"), fieldNames));
        }
        boolean singlePk = t.primaryKey() != null && t.primaryKey().columns().size() == 1;
        for (Column c : t.columns()) {
            String field = fieldOf.get(c.name());
            List<String> attrs = new ArrayList<>();
            if (singlePk && t.primaryKey().columns().get(0).equals(c.name())) {
                attrs.add("@id" + mapArg(t.primaryKey().name(), names.primaryKey(t.name()), true));
            }
            String def = defaultOf(t, c);
            if (def != null) {
                attrs.add("@default(" + def + ")");
            }
            Index single = t.indexes().stream().filter(i -> i.unique() && i.parts().size() == 1 && c.name().equals(i.parts().get(0).column())
                    && !i.parts().get(0).descending() && i.predicate() == null).findFirst().orElse(null);
            if (single != null) {
                attrs.add("@unique" + mapArg(single.name(), names.unique(t.name(), List.of(c.name())), true));
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
                    + mapArg(t.primaryKey().name(), names.primaryKey(t.name()), false) + ")");
        }
        for (Index i : t.indexes()) {
            if (i.unique() && i.parts().size() == 1 && i.parts().get(0).column() != null && !i.parts().get(0).descending() && i.predicate() == null) {
                continue; // @unique on the field
            }
            if (i.parts().stream().anyMatch(p -> p.column() == null) || i.predicate() != null) {
                continue; // expression and partial indexes are not expressible
            }
            String cols = i.parts().stream().map(p -> fieldOf.get(p.column()) + (p.descending() ? "(sort: Desc)" : "")).collect(Collectors.joining(", "));
            List<String> columns = i.parts().stream().map(IndexPart::column).toList();
            String expected = i.unique() ? names.unique(t.name(), columns) : names.index(t.name(), columns);
            String type = i.method() == null || i.method().equals("btree") || provider == Provider.MYSQL ? "" : ", type: " + cap(i.method());
            blockAttrs.add((i.unique() ? "@@unique([" : "@@index([") + cols + "]" + mapArg(i.name(), expected, false) + type + ")");
        }
        if (!model.equals(t.name())) {
            blockAttrs.add("@@map(" + str(t.name()) + ")");
        }
        int w1 = lines.stream().mapToInt(l -> l.name().length()).max().orElse(0);
        int w2 = lines.stream().mapToInt(l -> l.type().length()).max().orElse(0);
        StringBuilder sb = new StringBuilder("model ").append(model).append(" {\n");
        for (Line l : lines) {
            String s = "  " + pad(l.name(), w1) + " " + (l.attributes().isEmpty() ? l.type() : pad(l.type(), w2) + " " + l.attributes());
            sb.append(s.stripTrailing()).append('\n');
        }
        if (!blockAttrs.isEmpty()) {
            sb.append('\n');
            blockAttrs.forEach(a -> sb.append("  ").append(a).append('\n'));
        }
        return sb.append("}\n").toString();
    }

    private void relations(Table t, Map<String, String> fieldOf, Set<String> fieldNames, List<Line> lines) {
        for (ForeignKey fk : t.foreignKeys()) {
            String target = modelNames.getOrDefault(fk.refTable(), fk.refTable());
            boolean optional = fk.columns().stream().anyMatch(c -> t.column(c).map(Column::nullable).orElse(true));
            String field = unique(lowerFirst(target), fieldNames);
            List<String> args = new ArrayList<>();
            if (ambiguous(t.name(), fk.refTable())) {
                args.add(str(fk.name()));
            }
            args.add("fields: [" + fk.columns().stream().map(fieldOf::get).collect(Collectors.joining(", ")) + "]");
            Table ref = schema.table(fk.refTable()).orElse(null);
            args.add("references: [" + fk.refColumns().stream().map(c -> ref == null ? c : identifier(c, "field")).collect(Collectors.joining(", ")) + "]");
            args.add("onDelete: " + action(fk.onDelete()));
            args.add("onUpdate: " + action(fk.onUpdate()));
            String expected = names.foreignKey(t.name(), fk.columns());
            if (!fk.name().equals(expected)) {
                args.add("map: " + str(fk.name()));
            }
            lines.add(new Line(field, target + (optional ? "?" : ""), "@relation(" + String.join(", ", args) + ")"));
        }
        for (Map.Entry<Table, ForeignKey> back : referencing.getOrDefault(t.name(), List.of())) {
            Table other = back.getKey();
            ForeignKey fk = back.getValue();
            String source = modelNames.get(other.name());
            boolean one = other.indexes().stream().anyMatch(i -> i.unique() && i.predicate() == null
                    && i.parts().stream().map(IndexPart::column).toList().equals(fk.columns()))
                    || (other.primaryKey() != null && other.primaryKey().columns().equals(fk.columns()));
            String field = unique(lowerFirst(source) + (one ? "" : "s"), fieldNames);
            String attr = ambiguous(other.name(), t.name()) ? "@relation(" + str(fk.name()) + ")" : "";
            lines.add(new Line(field, source + (one ? "?" : "[]"), attr));
        }
    }

    /** Two or more foreign keys between the same pair of tables (or one from a table to itself) need relation names. */
    private boolean ambiguous(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        return keysBetween.getOrDefault(pair(a, b), 0) > 1;
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
        Map<String, ColumnType> defaults = provider == Provider.MYSQL ? MYSQL : POSTGRES;
        for (String scalar : SCALAR_ORDER) {
            if (defaults.get(scalar).equals(ct)) {
                return new String[]{scalar, null};
            }
        }
        Map<String, NativeTypes.Spec> specs = NativeTypes.of(provider == Provider.MYSQL ? "mysql" : "postgresql");
        List<List<Integer>> candidates = new ArrayList<>();
        candidates.add(List.of());
        if (ct.length() != null) {
            candidates.add(List.of(ct.length()));
        }
        if (ct.precision() != null) {
            candidates.add(List.of(ct.precision()));
            if (ct.scale() != null) {
                candidates.add(List.of(ct.precision(), ct.scale()));
            }
        }
        for (String nativeName : specs.keySet().stream().sorted().toList()) {
            NativeTypes.Spec spec = specs.get(nativeName);
            for (List<Integer> args : candidates) {
                if (args.size() < spec.minArgs() || args.size() > spec.maxArgs()) {
                    continue;
                }
                ColumnType made;
                try {
                    made = spec.type().apply(args);
                } catch (RuntimeException e) {
                    continue;
                }
                if (made.equals(ct)) {
                    String scalar = SCALAR_ORDER.stream().filter(spec.scalars()::contains).findFirst().orElseThrow();
                    String a = args.isEmpty() ? "" : "(" + args.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
                    return new String[]{scalar, "@db." + nativeName + a};
                }
            }
        }
        return new String[]{"Unsupported(" + str(ct.toString()) + ")", null};
    }

    private String defaultOf(Table t, Column c) {
        if (c.identity() == Identity.SERIAL || c.identity() == Identity.AUTO_INCREMENT) {
            return "autoincrement()";
        }
        String d = c.defaultValue();
        if (d == null) {
            return null;
        }
        String upper = d.toUpperCase(Locale.ROOT);
        if (upper.equals("CURRENT_TIMESTAMP") || upper.matches("CURRENT_TIMESTAMP\\(\\d\\)")) {
            return "now()";
        }
        boolean isEnum = c.type().enumRef() != null || inlineEnums.containsKey(t.name() + "." + c.name());
        Matcher q = QUOTED.matcher(d);
        if (q.matches()) {
            String value = q.group(1).replace("''", "'");
            if (isEnum) {
                return identifier(value, "VALUE");
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

    private static String mapArg(String actual, String expected, boolean alone) {
        if (actual == null || actual.equals(expected)) {
            return "";
        }
        return alone ? "(map: " + str(actual) + ")" : ", map: " + str(actual);
    }

    private static String identifier(String name, String fallback) {
        if (IDENT.matcher(name).matches()) {
            return name;
        }
        String s = name.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^[^A-Za-z]+", "");
        return s.isEmpty() ? fallback : s;
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + i;
        }
        return n;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
