package dev.godwit.engine.diff;

import dev.godwit.engine.diff.Renames.Rename;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Drops and adds that look like renames:
 * <ul>
 * <li>a column dropped and a column added in the same table, of the same type (with its length,
 *     precision and native type). Nullability, default and comment do not take part: a rename
 *     often comes with them changed, and the plan alters them after renaming;</li>
 * <li>a table dropped and a table added with the same columns (names and types) and foreign keys
 *     over the same columns to the same tables (or to tables that are renamed too);</li>
 * <li>an enum dropped and an enum added with the same values in the same order.</li>
 * </ul>
 * A pair is offered only when it matches one to one; when several drops or adds fit each
 * other the candidate is marked ambiguous, and only an explicit rename can say which.
 */
public final class RenameCandidates {

    /** A rename the schemas suggest; {@code ambiguous} when other drops or adds fit too. */
    public record Candidate(Rename rename, boolean ambiguous) {
    }

    private RenameCandidates() {
    }

    /** Candidates between {@code from} and {@code desired}: enums, then tables, then columns. */
    public static List<Candidate> find(Schema from, Schema desired, DiffHooks hooks) {
        List<Candidate> out = new ArrayList<>();
        pairs(gone(from.enums(), desired.enums(), EnumType::name), gone(desired.enums(), from.enums(), EnumType::name),
                (a, b) -> a.values().equals(b.values()), (a, b) -> Rename.enumType(a.name(), b.name()), out);
        pairs(gone(from.tables(), desired.tables(), Table::name), gone(desired.tables(), from.tables(), Table::name),
                (a, b) -> sameColumns(a, b, hooks) && sameReferences(a, b, from, desired), (a, b) -> Rename.table(a.name(), b.name()), out);
        Map<String, Table> before = Differ.byName(from.tables(), Table::name);
        for (Table after : desired.tables()) {
            Table old = before.get(after.name());
            if (old == null || old.columns().equals(after.columns())) {
                continue;
            }
            pairs(gone(old.columns(), after.columns(), Column::name),
                    gone(after.columns(), old.columns(), Column::name), (a, b) -> hooks.sameType(a.type(), b.type()),
                    (a, b) -> Rename.column(after.name(), a.name(), b.name()), out);
        }
        return out;
    }

    private static <T> List<T> gone(List<T> items, List<T> others, Function<T, String> name) {
        Map<String, T> there = Differ.byName(others, name);
        return items.stream().filter(i -> !there.containsKey(name.apply(i))).toList();
    }

    private static <T> void pairs(List<T> dropped, List<T> added, BiPredicate<T, T> fits,
                                  java.util.function.BiFunction<T, T, Rename> rename, List<Candidate> out) {
        for (T d : dropped) {
            List<T> targets = added.stream().filter(a -> fits.test(d, a)).toList();
            for (T a : targets) {
                long rivals = dropped.stream().filter(o -> fits.test(o, a)).count();
                out.add(new Candidate(rename.apply(d, a), targets.size() > 1 || rivals > 1));
            }
        }
    }

    /**
     * Foreign keys over the same columns must point at the same table, or at tables that are
     * themselves going and coming: an implicit many-to-many table {@code _PostToTag} becomes
     * {@code _TagToZed} when Post is renamed Zed, and its columns A and B trade places, so it is
     * no rename.
     */
    private static boolean sameReferences(Table a, Table b, Schema from, Schema desired) {
        if (a.foreignKeys().size() != b.foreignKeys().size()) {
            return false;
        }
        for (ForeignKey fk : a.foreignKeys()) {
            boolean matched = b.foreignKeys().stream().anyMatch(other -> other.columns().equals(fk.columns())
                    && other.refColumns().equals(fk.refColumns())
                    && (other.refTable().equals(fk.refTable())
                        || (fk.refTable().equals(a.name()) && other.refTable().equals(b.name()))
                        || (desired.table(fk.refTable()).isEmpty() && from.table(other.refTable()).isEmpty())));
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameColumns(Table a, Table b, DiffHooks hooks) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (Column c : a.columns()) {
            Column other = b.column(c.name()).orElse(null);
            if (other == null || !hooks.sameType(c.type(), other.type())) {
                return false;
            }
        }
        return true;
    }
}
