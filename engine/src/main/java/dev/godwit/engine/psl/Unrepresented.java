package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.CheckConstraint;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Sequence;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.UnmanagedObject;
import dev.godwit.engine.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a database can hold that a schema file cannot say: expression and partial indexes, operator
 * classes, check constraints, views, free-standing sequences, comments, collations, generated columns,
 * triggers and the like. Introspection names them ({@link #warnings}); planning from a schema file keeps
 * them ({@link #keep}), as Prisma Migrate leaves alone what its schema language cannot describe, so that a
 * hand-written migration that adds such an object is not undone by the next plan.
 */
public final class Unrepresented {

    private Unrepresented() {
    }

    /** Why a schema file cannot describe this index, or null when it can. */
    public static String whyNot(Index i, Provider provider) {
        if (i.parts().stream().anyMatch(IndexPart::isExpression)) {
            return "expression index";
        }
        if (i.predicate() != null) {
            return "partial index (WHERE " + i.predicate() + ")";
        }
        if (!i.include().isEmpty()) {
            return "INCLUDE columns";
        }
        if (i.parts().stream().anyMatch(p -> p.nulls() != null)) {
            return "NULLS FIRST/LAST ordering";
        }
        Set<String> methods = ModelRules.of(provider).indexMethods();
        if (i.method() != null && !methods.contains(i.method())) {
            return "index method " + i.method();
        }
        if ("fulltext".equals(i.method()) && (i.unique() || i.parts().stream().anyMatch(IndexPart::descending))) {
            return "full-text index with options";
        }
        return null;
    }

    /** One line per object of {@code live} that a schema file leaves out or cannot say, each naming the object. */
    public static List<String> warnings(Schema live, Provider provider) {
        List<String> out = new ArrayList<>();
        for (Table t : live.tables()) {
            for (Index i : t.indexes()) {
                String why = whyNot(i, provider);
                if (why != null) {
                    out.add("index \"" + i.name() + "\" on \"" + t.name() + "\": " + why);
                }
            }
            t.checks().forEach(k -> out.add("check constraint \"" + k.name() + "\" on \"" + t.name() + "\": CHECK (" + k.expression() + ")"));
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.deferrable() != ForeignKey.Deferrable.NOT) {
                    out.add("foreign key \"" + fk.name() + "\" on \"" + t.name() + "\": DEFERRABLE (written as an ordinary relation)");
                }
            }
            if (t.comment() != null) {
                out.add("comment on table \"" + t.name() + "\"");
            }
            for (Column c : t.columns()) {
                String what = columnFacts(c);
                if (!what.isEmpty()) {
                    out.add("column \"" + t.name() + "\".\"" + c.name() + "\": " + what);
                }
            }
        }
        live.views().forEach(v -> out.add((v.materialized() ? "materialized view \"" : "view \"") + v.name() + "\""));
        live.sequences().forEach(s -> out.add("sequence \"" + s.name() + "\""));
        for (UnmanagedObject u : live.unmanaged()) {
            out.add(u.kind() + " \"" + u.name() + "\"");
        }
        return out;
    }

    private static String columnFacts(Column c) {
        List<String> facts = new ArrayList<>();
        if (c.identity() == Identity.IDENTITY_ALWAYS || c.identity() == Identity.IDENTITY_BY_DEFAULT) {
            facts.add("identity column (written as autoincrement())");
        }
        if (c.generated() != null) {
            facts.add("generated as (" + c.generated() + ")");
        }
        if (c.collation() != null) {
            facts.add("collation " + c.collation());
        }
        if (c.comment() != null) {
            facts.add("comment");
        }
        if (c.attributes().containsKey("on_update")) {
            facts.add("ON UPDATE " + c.attributes().get("on_update"));
        }
        return String.join(", ", facts);
    }

    /**
     * {@code desired} (a schema file's mapping) plus what {@code current} holds that a schema file cannot
     * express, for the tables both have: such indexes, check constraints, comments, collations and
     * generation expressions; and the views and free-standing sequences. Planning from the result never
     * drops them. An object of the same name in {@code desired} wins.
     */
    public static Schema keep(Schema current, Schema desired, Provider provider) {
        Map<String, Table> old = byName(current.tables(), Table::name);
        List<Table> tables = new ArrayList<>();
        for (Table t : desired.tables()) {
            Table before = old.get(t.name());
            tables.add(before == null ? t : keep(before, t, provider));
        }
        List<View> views = new ArrayList<>(desired.views());
        Set<String> viewNames = desired.views().stream().map(View::name).collect(Collectors.toSet());
        current.views().stream().filter(v -> !viewNames.contains(v.name())).forEach(views::add);
        List<Sequence> sequences = new ArrayList<>(desired.sequences());
        Set<String> sequenceNames = desired.sequences().stream().map(Sequence::name).collect(Collectors.toSet());
        current.sequences().stream().filter(s -> !sequenceNames.contains(s.name())).forEach(sequences::add);
        return new Schema(desired.name(), tables, desired.enums(), sequences, views, desired.unmanaged(), desired.namespaces());
    }

    private static Table keep(Table before, Table t, Provider provider) {
        Set<String> taken = t.indexes().stream().map(Index::name).collect(Collectors.toSet());
        Map<String, Index> oldIndexes = byName(before.indexes(), Index::name);
        List<Index> indexes = new ArrayList<>(t.indexes().stream().map(i -> keep(oldIndexes.get(i.name()), i)).toList());
        before.indexes().stream().filter(i -> whyNot(i, provider) != null && !taken.contains(i.name())).forEach(indexes::add);
        Map<String, ForeignKey> oldKeys = byName(before.foreignKeys(), ForeignKey::name);
        List<ForeignKey> foreignKeys = t.foreignKeys().stream().map(fk -> keep(oldKeys.get(fk.name()), fk)).toList();
        Set<String> checkNames = t.checks().stream().map(CheckConstraint::name).collect(Collectors.toSet());
        List<CheckConstraint> checks = new ArrayList<>(t.checks());
        before.checks().stream().filter(k -> !checkNames.contains(k.name())).forEach(checks::add);
        Map<String, Column> oldColumns = byName(before.columns(), Column::name);
        List<Column> columns = t.columns().stream().map(c -> keep(oldColumns.get(c.name()), c)).toList();
        String comment = t.comment() != null ? t.comment() : before.comment();
        return new Table(t.name(), columns, t.primaryKey(), indexes, foreignKeys, checks, comment, t.attributes());
    }

    /**
     * A schema file says {@code @unique}, not whether a UNIQUE constraint or a unique index enforces it; and it
     * cannot say an index's WHERE clause, INCLUDE columns or NULLS FIRST/LAST. An index of the same name and
     * keys keeps those as the database has them (Prisma does not compare them either: a partial index that the
     * schema declares plainly is left partial).
     */
    private static Index keep(Index before, Index i) {
        if (before == null || before.equals(i)) {
            return i;
        }
        List<IndexPart> parts = i.parts();
        if (parts.size() == before.parts().size() && i.parts().stream().allMatch(p -> p.nulls() == null)) {
            parts = new ArrayList<>();
            for (int k = 0; k < i.parts().size(); k++) {
                IndexPart p = i.parts().get(k);
                parts.add(new IndexPart(p.column(), p.expression(), p.descending(), before.parts().get(k).nulls(), p.opclass(), p.length()));
            }
        }
        Index same = new Index(i.name(), i.unique(), parts, i.method(), i.predicate() != null ? i.predicate() : before.predicate(),
                i.include().isEmpty() ? before.include() : i.include(), before.constraint());
        return same.equals(before) ? before : i;
    }

    /** A schema file cannot make a foreign key deferrable. */
    private static ForeignKey keep(ForeignKey before, ForeignKey fk) {
        if (before == null || fk.deferrable() != ForeignKey.Deferrable.NOT) {
            return fk;
        }
        ForeignKey same = new ForeignKey(fk.name(), fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate(), before.deferrable());
        return same.equals(before) ? before : fk;
    }

    /**
     * A column keeps what a schema file cannot say: generation expression, collation, comment, a list's NOT NULL, dialect
     * facts such as MySQL's ON UPDATE, an identity where the file says autoincrement(), and a type the
     * file names as {@code Unsupported("…")} by its printed form.
     */
    private static Column keep(Column before, Column c) {
        if (before == null) {
            return c;
        }
        boolean identity = c.identity() == Identity.SERIAL
                && (before.identity() == Identity.IDENTITY_ALWAYS || before.identity() == Identity.IDENTITY_BY_DEFAULT);
        boolean printedType = !c.type().equals(before.type()) && c.type().toString().equals(before.type().toString());
        // a list field cannot be optional or required in the schema language, so whether its column accepts NULL
        // (TEXT[] NOT NULL, from a pull) is the database's to keep
        boolean nullable = c.type().isArray() && before.type().isArray() ? before.nullable() : c.nullable();
        return new Column(c.name(), printedType ? before.type() : c.type(), nullable, c.defaultValue(),
                identity ? before.identity() : c.identity(),
                c.generated() != null ? c.generated() : before.generated(),
                c.collation() != null ? c.collation() : before.collation(),
                c.comment() != null ? c.comment() : before.comment(),
                c.attributes().isEmpty() ? before.attributes() : c.attributes());
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, x -> x, (a, b) -> a));
    }
}
