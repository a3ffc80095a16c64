package dev.godwit.engine.diff;

import java.util.List;
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
}
