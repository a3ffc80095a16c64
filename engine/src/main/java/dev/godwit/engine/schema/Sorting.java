package dev.godwit.engine.schema;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

final class Sorting {
    private Sorting() {
    }

    static <T> List<T> byName(List<T> items, Function<T, String> name) {
        return items.stream().sorted(Comparator.comparing(name, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }
}
