package dev.godwit.engine.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which changes of a list may lose data. A change alone cannot tell: a unique index on a table
 * that the same list creates has no rows to conflict with, so only the list can answer.
 */
public final class Destructive {
    private Destructive() {
    }

    public static Predicate<Change> in(List<Change> changes) {
        Set<String> created = changes.stream().filter(Change.CreateTable.class::isInstance)
                .map(c -> ((Change.CreateTable) c).definition().name()).collect(Collectors.toSet());
        return c -> c.destructive() && !(c instanceof Change.AddIndex a && created.contains(a.tableName()));
    }

    /**
     * Which changes of a list may lose data when they are undone (drift's revert script): the reverse of a change,
     * not the change, is what runs then (a column the database gained is dropped), judged among the reverses of the
     * whole list. A change with no reverse of its own is undone only by a script of the whole list, and not flagged.
     */
    public static Predicate<Change> inReverse(List<Change> changes) {
        Map<Change, Change> reverses = new LinkedHashMap<>();
        for (Change c : changes) {
            c.reverse().ifPresent(r -> reverses.put(c, r));
        }
        Predicate<Change> destructive = in(List.copyOf(reverses.values()));
        return c -> reverses.containsKey(c) && destructive.test(reverses.get(c));
    }
}
