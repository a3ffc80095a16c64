package dev.godwit.engine.diff;

import dev.godwit.engine.diff.Change.*;
import dev.godwit.engine.schema.CheckConstraint;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Sequence;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.View;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Schema × schema → the ordered changes that turn the first into the second. One algorithm for
 * every database; {@link DiffHooks} answer the dialect questions.
 *
 * <p>Step order follows Prisma Migrate: create schemas (of a multi-schema model), create enums, alter enums, drop foreign keys, drop
 * indexes, alter tables, drop tables, drop enums, create tables, create indexes, add foreign
 * keys. Sequences are created before anything that could use them and dropped after the
 * tables; views are dropped first and created last.
 */
public final class Differ {

    private final DiffHooks hooks;
    private final Schema from;
    private final Schema to;

    private final List<Change> createSchemas = new ArrayList<>();
    private final List<Change> createEnums = new ArrayList<>();
    private final List<Change> alterEnums = new ArrayList<>();
    private final List<Change> createSequences = new ArrayList<>();
    private final List<Change> dropViews = new ArrayList<>();
    private final List<Change> dropForeignKeys = new ArrayList<>();
    private final List<Change> dropIndexes = new ArrayList<>();
    private final List<Change> alterTables = new ArrayList<>();
    private final List<Change> dropTables = new ArrayList<>();
    private final List<Change> dropEnums = new ArrayList<>();
    private final List<Change> dropSequences = new ArrayList<>();
    private final List<Change> createTables = new ArrayList<>();
    private final List<Change> createIndexes = new ArrayList<>();
    private final List<Change> addForeignKeys = new ArrayList<>();
    private final List<Change> createViews = new ArrayList<>();

    /** Columns whose type changes, as "table\0column": foreign keys over them are re-created. */
    private final Set<String> retypedColumns = new HashSet<>();
    /**
     * Keys that go away (a primary key, or a unique index, dropped or re-created) as "table\0sorted columns":
     * the foreign keys that reference exactly those columns depend on them and are re-created around the change.
     */
    private final Set<String> droppedKeys = new HashSet<>();

    private Differ(Schema from, Schema to, DiffHooks hooks) {
        this.from = from;
        this.to = to;
        this.hooks = hooks;
    }

    public static List<Change> diff(Schema from, Schema to, DiffHooks hooks) {
        return new Differ(from, to, hooks).run();
    }

    /**
     * One line per enum whose existing values {@code to} lists in another order than {@code from}: a
     * reordering that {@link #diff} plans only with {@link DiffHooks#reorderingEnums}.
     */
    public static List<String> enumReorderings(Schema from, Schema to) {
        return EnumDiffer.reordered(from, to).stream().map(p -> "enum " + p[0].name() + ": the schema lists its values as "
                + String.join(", ", p[1].values()) + ", the database keeps " + String.join(", ", p[0].values())).toList();
    }

    public static List<Change> diff(Schema from, Schema to) {
        return diff(from, to, DiffHooks.STRICT);
    }

    private List<Change> run() {
        // a model of one schema that is not empty has its own schema already (Prisma: a project that starts listing schemas)
        List<String> existing = from.multiSchema() || from.isEmpty() ? from.namespaces() : List.of(from.name());
        to.namespaces().stream().filter(n -> !existing.contains(n)).forEach(n -> createSchemas.add(new CreateSchema(n)));
        new EnumDiffer(from, to, hooks).diff(createEnums, alterEnums, dropEnums);
        diffSequences();
        diffViews();
        Map<String, Table> before = byName(from.tables(), Table::name);
        Map<String, Table> after = byName(to.tables(), Table::name);
        for (Table t : to.tables()) {
            Table old = before.get(t.name());
            if (old == null) {
                createTables.add(new CreateTable(t));
                t.indexes().forEach(i -> createIndexes.add(new AddIndex(t.name(), i)));
            } else if (!old.equals(t)) {
                // Most tables of a large schema are unchanged; one deep equals is far cheaper than the maps of alterTable.
                alterTable(old, t);
            }
        }
        for (Table old : from.tables()) {
            if (!after.containsKey(old.name())) {
                old.foreignKeys().forEach(fk -> dropForeignKeys.add(new DropForeignKey(old.name(), fk)));
                dropTables.add(new DropTable(old));
            }
        }
        // Foreign keys last: they may point at tables, keys and columns changed above.
        for (Table t : to.tables()) {
            Table old = before.get(t.name());
            if (old != null && old.foreignKeys().equals(t.foreignKeys())
                    && t.foreignKeys().stream().noneMatch(fk -> touched(t.name(), fk))) {
                continue;
            }
            Map<String, ForeignKey> oldFks = old == null ? Map.of() : byName(old.foreignKeys(), ForeignKey::name);
            for (ForeignKey fk : t.foreignKeys()) {
                ForeignKey prev = oldFks.get(fk.name());
                if (prev != null && prev.equals(fk) && !touched(t.name(), fk)) {
                    continue;
                }
                if (prev != null) {
                    dropForeignKeys.add(new DropForeignKey(t.name(), prev));
                }
                addForeignKeys.add(new AddForeignKey(t.name(), fk));
            }
            if (old != null) {
                Map<String, ForeignKey> newFks = byName(t.foreignKeys(), ForeignKey::name);
                old.foreignKeys().stream().filter(fk -> !newFks.containsKey(fk.name()))
                        .forEach(fk -> dropForeignKeys.add(new DropForeignKey(t.name(), fk)));
            }
        }
        List<Change> out = new ArrayList<>();
        for (List<Change> step : List.of(createSchemas, createEnums, alterEnums, createSequences, dropViews, dropForeignKeys, dropIndexes,
                alterTables, dropTables, dropEnums, dropSequences, createTables, createIndexes, addForeignKeys, createViews)) {
            out.addAll(step);
        }
        return List.copyOf(out);
    }

    private boolean touched(String table, ForeignKey fk) {
        if (hooks.foreignKeysDependOnReferencedKey() && droppedKeys.contains(key(fk.refTable(), fk.refColumns()))) {
            return true;
        }
        return fk.columns().stream().anyMatch(c -> retypedColumns.contains(table + '\0' + c))
                || fk.refColumns().stream().anyMatch(c -> retypedColumns.contains(fk.refTable() + '\0' + c));
    }

    private static String key(String table, List<String> columns) {
        return table + '\0' + String.join("\0", columns.stream().sorted().toList());
    }

    private void alterTable(Table old, Table t) {
        String name = t.name();
        List<Change> drops = new ArrayList<>();
        List<Change> adds = new ArrayList<>();
        List<Change> alters = new ArrayList<>();
        Map<String, Column> oldCols = byName(old.columns(), Column::name);
        Map<String, Column> newCols = byName(t.columns(), Column::name);
        for (Column c : old.columns()) {
            if (!newCols.containsKey(c.name())) {
                drops.add(new DropColumn(name, c));
            }
        }
        for (Column c : t.columns()) {
            Column prev = oldCols.get(c.name());
            if (prev == null) {
                adds.add(new AddColumn(name, c));
            } else if (!Objects.equals(prev.generated(), c.generated())
                    || (!hooks.sameType(prev.type(), c.type()) && !hooks.castable(prev.type(), c.type()))) {
                // a generation expression cannot be altered in place everywhere, and a type the database
                // has no cast to cannot be set in place at all: re-create the column
                drops.add(new DropColumn(name, prev));
                adds.add(new AddColumn(name, c));
            } else {
                Set<Aspect> aspects = aspects(prev, c);
                if (!aspects.isEmpty()) {
                    alters.add(new AlterColumn(name, prev, c, aspects));
                    if (aspects.contains(Aspect.TYPE)) {
                        retypedColumns.add(name + '\0' + c.name());
                    }
                }
            }
        }
        boolean pkChanged = old.primaryKey() == null || t.primaryKey() == null
                ? old.primaryKey() != t.primaryKey()
                : !hooks.samePrimaryKey(old.primaryKey(), t.primaryKey());
        if (pkChanged && old.primaryKey() != null) {
            droppedKeys.add(key(name, old.primaryKey().columns()));
        }
        if (pkChanged && old.primaryKey() != null) {
            alterTables.add(new DropPrimaryKey(name, old.primaryKey()));
        }
        Map<String, CheckConstraint> newChecks = byName(t.checks(), CheckConstraint::name);
        Map<String, CheckConstraint> oldChecks = byName(old.checks(), CheckConstraint::name);
        old.checks().stream().filter(k -> !k.equals(newChecks.get(k.name()))).forEach(k -> alterTables.add(new DropCheck(name, k)));
        alterTables.addAll(drops);
        alterTables.addAll(adds);
        alterTables.addAll(alters);
        if (pkChanged && t.primaryKey() != null) {
            alterTables.add(new AddPrimaryKey(name, t.primaryKey()));
        }
        t.checks().stream().filter(k -> !k.equals(oldChecks.get(k.name()))).forEach(k -> alterTables.add(new AddCheck(name, k)));
        if (!Objects.equals(old.comment(), t.comment())) {
            alterTables.add(new SetTableComment(name, old.comment(), t.comment()));
        }
        diffIndexes(old, t);
    }

    private Set<Aspect> aspects(Column a, Column b) {
        Set<Aspect> s = EnumSet.noneOf(Aspect.class);
        if (!hooks.sameType(a.type(), b.type())) {
            s.add(Aspect.TYPE);
        }
        if (!hooks.sameNullability(a, b)) {
            s.add(Aspect.NULLABILITY);
        }
        if (!hooks.sameDefault(a, b)) {
            s.add(Aspect.DEFAULT);
        }
        if (a.identity() != b.identity()) {
            s.add(Aspect.IDENTITY);
        }
        if (!Objects.equals(a.collation(), b.collation())) {
            s.add(Aspect.COLLATION);
        }
        if (!Objects.equals(a.comment(), b.comment())) {
            s.add(Aspect.COMMENT);
        }
        if (!a.attributes().equals(b.attributes())) {
            s.add(Aspect.DEFAULT);
        }
        return s;
    }

    private void diffIndexes(Table old, Table t) {
        Map<String, Index> oldIdx = byName(old.indexes(), Index::name);
        Map<String, Index> newIdx = byName(t.indexes(), Index::name);
        Map<String, String> renames = indexRenames(old, t, oldIdx, newIdx);
        renames.forEach((from, to) -> dropIndexes.add(new RenameIndex(t.name(), from, to)));
        for (Index i : old.indexes()) {
            Index next = newIdx.get(i.name());
            if (next == null && (renames.containsKey(i.name()) || duplicateOfKept(i, oldIdx, t.indexes()))) {
                continue;
            }
            if (next == null || !hooks.sameIndex(i, next)) {
                dropIndexes.add(new DropIndex(t.name(), i));
                if (i.unique() && i.parts().stream().noneMatch(p -> p.isExpression())) {
                    droppedKeys.add(key(t.name(), i.parts().stream().map(p -> p.column()).toList()));
                }
            }
        }
        for (Index i : t.indexes()) {
            Index prev = oldIdx.get(i.name());
            if (prev == null && renames.containsValue(i.name())) {
                continue;
            }
            if (prev == null || !hooks.sameIndex(prev, i)) {
                createIndexes.add(new AddIndex(t.name(), i));
            }
        }
    }

    /**
     * Indexes renamed: an existing index whose name the target does not have, of the same shape (columns,
     * order, uniqueness, method, …) as a target index whose name the table does not have yet. Prisma pairs
     * indexes by shape and renames them (an older Prisma's whole default name, "…_messageId_eventType_key",
     * cut by PostgreSQL at 63 bytes, becomes today's "…_message_key"); a rename keeps the index, where a drop
     * and a create would build it anew. Old name → new name.
     */
    private Map<String, String> indexRenames(Table old, Table t, Map<String, Index> oldIdx, Map<String, Index> newIdx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Index n : t.indexes()) {
            if (oldIdx.containsKey(n.name())) {
                continue;
            }
            for (Index o : old.indexes()) {
                // a UNIQUE constraint's index renames with it: whether a constraint or an index enforces it does not count here
                Index asNamed = new Index(n.name(), o.unique(), o.parts(), o.method(), o.predicate(), o.include(), n.constraint());
                if (!newIdx.containsKey(o.name()) && !out.containsKey(o.name()) && hooks.sameIndex(asNamed, n)) {
                    out.put(o.name(), n.name());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code i} is a second index of the same shape as one that stays under its own name (a table
     * renamed by hand keeps its old "User_email_key" beside the new "users_email_key"). Prisma pairs indexes
     * by shape and leaves such a duplicate alone; so does godwit.
     */
    private boolean duplicateOfKept(Index i, Map<String, Index> oldIdx, List<Index> wanted) {
        for (Index w : wanted) {
            Index kept = oldIdx.get(w.name());
            if (kept != null && kept != i && hooks.sameIndex(kept, w) && hooks.sameIndex(renamed(i, w.name()), w)) {
                return true;
            }
        }
        return false;
    }

    private static Index renamed(Index i, String name) {
        return new Index(name, i.unique(), i.parts(), i.method(), i.predicate(), i.include(), i.constraint());
    }

    private void diffSequences() {
        Map<String, Sequence> before = byName(from.sequences(), Sequence::name);
        Map<String, Sequence> after = byName(to.sequences(), Sequence::name);
        for (Sequence s : to.sequences()) {
            Sequence prev = before.get(s.name());
            if (prev == null) {
                createSequences.add(new CreateSequence(s));
            } else if (!prev.equals(s)) {
                createSequences.add(new AlterSequence(prev, s));
            }
        }
        from.sequences().stream().filter(s -> !after.containsKey(s.name())).forEach(s -> dropSequences.add(new DropSequence(s)));
    }

    private void diffViews() {
        Map<String, View> before = byName(from.views(), View::name);
        Map<String, View> after = byName(to.views(), View::name);
        // Views are re-created whenever tables change under them would be safest; here: when their text changes.
        for (View v : from.views()) {
            View next = after.get(v.name());
            if (next == null || !next.equals(v)) {
                dropViews.add(new DropView(v));
            }
        }
        for (View v : to.views()) {
            View prev = before.get(v.name());
            if (prev == null || !prev.equals(v)) {
                createViews.add(new CreateView(v));
            }
        }
    }

    static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(name.apply(item), item);
        }
        return map;
    }
}
