package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.ReferentialAction;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the tables of a live schema that are implicit many-to-many join tables: exactly the table a
 * schema file's {@code Post[]}/{@code Tag[]} pair maps to (columns {@code A} and {@code B}, the
 * {@code _AB_pkey} primary key or the older {@code _AB_unique} index, the {@code _B_index} index and
 * two cascading foreign keys to single-column ids), so that introspection writes list fields instead
 * of a model. Anything that differs in the smallest detail stays a model: writing it as a relation
 * would make the next plan change the table.
 */
final class JoinTables {
    /**
     * One join table: {@code a} is the table column A points at (its model's name sorts first),
     * {@code relationName} is null when the table has the default name {@code _<A>To<B>}.
     */
    record JoinTable(Table table, String a, String b, String relationName, boolean legacyUniqueIndex) {
        /** The name a schema file gives the relation: explicit, or the join table's name without its underscore. */
        String nameForAttribute() {
            return table.name().substring(1);
        }
    }

    private final Schema schema;
    private final ConstraintNames names;

    private JoinTables(Schema schema, Provider provider) {
        this.schema = schema;
        this.names = new ConstraintNames(ModelRules.of(provider).identifierLimit().max());
    }

    /** The join tables of {@code schema} by table name; {@code modelNames} maps table names to model names. */
    static Map<String, JoinTable> find(Schema schema, Provider provider, Map<String, String> modelNames) {
        JoinTables finder = new JoinTables(schema, provider);
        Map<String, JoinTable> out = new LinkedHashMap<>();
        for (Table t : schema.tables()) {
            finder.match(t, modelNames).ifPresent(j -> out.put(t.name(), j));
        }
        return out;
    }

    private Optional<JoinTable> match(Table t, Map<String, String> modelNames) {
        String n = t.name();
        if (n.length() < 2 || !n.startsWith("_") || t.columns().size() != 2 || !t.checks().isEmpty() || t.comment() != null) {
            return Optional.empty();
        }
        Column a = t.column("A").orElse(null);
        Column b = t.column("B").orElse(null);
        if (a == null || b == null || !plain(a) || !plain(b) || t.foreignKeys().size() != 2) {
            return Optional.empty();
        }
        ForeignKey fa = foreignKey(t, "A");
        ForeignKey fb = foreignKey(t, "B");
        if (fa == null || fb == null || !pointsAtId(fa, a) || !pointsAtId(fb, b)) {
            return Optional.empty();
        }
        String modelA = modelNames.get(fa.refTable());
        String modelB = modelNames.get(fb.refTable());
        if (modelA == null || modelB == null || modelA.compareTo(modelB) > 0) {
            return Optional.empty(); // a schema file always points A at the model whose name sorts first
        }
        if (schema.tables().stream().anyMatch(o -> o.foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(n)))) {
            return Optional.empty(); // a key points at it: it is a model
        }
        boolean legacy = t.primaryKey() == null;
        if (!keysMatch(t, legacy)) {
            return Optional.empty();
        }
        String defaultName = "_" + modelA + "To" + modelB;
        return Optional.of(new JoinTable(t, fa.refTable(), fb.refTable(), n.equals(defaultName) ? null : n.substring(1), legacy));
    }

    private static boolean plain(Column c) {
        return !c.nullable() && c.defaultValue() == null && c.identity() == Identity.NONE && c.generated() == null
                && c.collation() == null && c.comment() == null && c.attributes().isEmpty() && !c.type().isArray();
    }

    private ForeignKey foreignKey(Table t, String column) {
        ForeignKey fk = t.foreignKeys().stream().filter(f -> f.columns().equals(List.of(column))).findFirst().orElse(null);
        if (fk == null || !fk.name().equals(names.suffixed(t.name(), "_" + column + "_fkey"))
                || fk.onDelete() != ReferentialAction.CASCADE || fk.onUpdate() != ReferentialAction.CASCADE
                || fk.deferrable() != ForeignKey.Deferrable.NOT) {
            return null;
        }
        return fk;
    }

    /** The key points at the referenced table's single-column primary key, and the column has that key's type. */
    private boolean pointsAtId(ForeignKey fk, Column local) {
        Table ref = schema.table(fk.refTable()).orElse(null);
        if (ref == null || ref.primaryKey() == null || ref.primaryKey().columns().size() != 1
                || !ref.primaryKey().columns().equals(fk.refColumns())) {
            return false;
        }
        return ref.column(fk.refColumns().get(0)).map(id -> id.type().equals(local.type())).orElse(false);
    }

    /** The primary key (A, B) or, in the older shape, the unique index {@code _AB_unique}; and the index {@code _B_index}. */
    private boolean keysMatch(Table t, boolean legacy) {
        List<Index> rest = t.indexes();
        if (legacy) {
            Index unique = t.indexes().stream().filter(i -> i.name().equals(names.suffixed(t.name(), "_AB_unique"))).findFirst().orElse(null);
            if (unique == null || !unique.unique() || !plainParts(unique, List.of("A", "B"))) {
                return false;
            }
            rest = t.indexes().stream().filter(i -> i != unique).toList();
        } else if (!t.primaryKey().columns().equals(List.of("A", "B"))
                || (t.primaryKey().name() != null && !t.primaryKey().name().equals(names.suffixed(t.name(), "_AB_pkey")))) {
            return false;
        }
        if (rest.size() != 1) {
            return false;
        }
        Index b = rest.get(0);
        return !b.unique() && b.name().equals(names.suffixed(t.name(), "_B_index")) && plainParts(b, List.of("B"));
    }

    private static boolean plainParts(Index i, List<String> columns) {
        return i.predicate() == null && i.include().isEmpty() && "btree".equals(i.method())
                && i.parts().equals(columns.stream().map(IndexPart::column).toList());
    }
}
