package dev.godwit.engine.diff;

import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * After a table or column is renamed, the names derived from it ({@code T_pkey},
 * {@code T_a_key}, {@code T_a_idx}, {@code T_a_fkey}) still say the old name. Where the desired
 * schema has the same key or index under another name, it is renamed too, instead of being
 * dropped and built again.
 */
final class DerivedNames {
    record Result(Schema schema, List<Change> changes) {
    }

    private DerivedNames() {
    }

    /** {@code renamed}: the schema with tables and columns renamed; {@code touched}: the (new) names of the tables concerned. */
    static Result follow(Schema renamed, Schema desired, Set<String> touched, DiffHooks hooks) {
        List<Change> pks = new ArrayList<>();
        List<Change> indexes = new ArrayList<>();
        List<Change> fks = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (Table t : renamed.tables()) {
            Table want = touched.contains(t.name()) ? desired.table(t.name()).orElse(null) : null;
            if (want == null) {
                tables.add(t);
                continue;
            }
            PrimaryKey pk = t.primaryKey();
            if (pk != null && want.primaryKey() != null && pk.name() != null && want.primaryKey().name() != null
                    && !pk.name().equals(want.primaryKey().name()) && pk.columns().equals(want.primaryKey().columns())) {
                pks.add(new Change.RenamePrimaryKey(t.name(), pk.name(), want.primaryKey().name()));
                pk = want.primaryKey();
            }
            List<Index> newIndexes = match(t.indexes(), want.indexes(), Index::name, DerivedNames::withName,
                    hooks::sameIndex, (from, to) -> indexes.add(new Change.RenameIndex(t.name(), from.name(), to)));
            List<ForeignKey> newFks = match(t.foreignKeys(), want.foreignKeys(), ForeignKey::name, DerivedNames::withName,
                    Objects::equals, (from, to) -> fks.add(new Change.RenameForeignKey(t.name(), from, to)));
            tables.add(new Table(t.name(), t.columns(), pk, newIndexes, newFks, t.checks(), t.comment(), t.attributes()));
        }
        List<Change> changes = new ArrayList<>(pks);
        changes.addAll(indexes);
        changes.addAll(fks);
        Schema out = new Schema(renamed.name(), tables, renamed.enums(), renamed.sequences(), renamed.views(), renamed.unmanaged(), renamed.namespaces());
        return new Result(out, changes);
    }

    interface Renaming<T> {
        void rename(T from, String to);
    }

    /**
     * Items of {@code have} whose name the desired list lacks, paired with a desired item of
     * a name {@code have} lacks that is the same but for the name. Only a pair that matches
     * one to one is renamed; the rest is left to the differ.
     */
    private static <T> List<T> match(List<T> have, List<T> want, Function<T, String> name, java.util.function.BiFunction<T, String, T> withName,
                                     BiPredicate<T, T> same, Renaming<T> renaming) {
        Map<String, T> wanted = Differ.byName(want, name);
        Map<String, T> had = Differ.byName(have, name);
        List<T> out = new ArrayList<>();
        for (T h : have) {
            if (wanted.containsKey(name.apply(h))) {
                out.add(h);
                continue;
            }
            List<T> fits = want.stream().filter(w -> !had.containsKey(name.apply(w)) && same.test(withName.apply(h, name.apply(w)), w)).toList();
            boolean onlyOne = fits.size() == 1 && have.stream().filter(o -> !wanted.containsKey(name.apply(o))
                    && same.test(withName.apply(o, name.apply(fits.get(0))), fits.get(0))).count() == 1;
            if (onlyOne) {
                renaming.rename(h, name.apply(fits.get(0)));
                out.add(withName.apply(h, name.apply(fits.get(0))));
            } else {
                out.add(h);
            }
        }
        return out;
    }

    private static Index withName(Index i, String name) {
        return new Index(name, i.unique(), i.parts(), i.method(), i.predicate(), i.include(), i.constraint());
    }

    private static ForeignKey withName(ForeignKey fk, String name) {
        return new ForeignKey(name, fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate(), fk.deferrable());
    }
}
