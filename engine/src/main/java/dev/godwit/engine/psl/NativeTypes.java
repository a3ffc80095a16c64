package dev.godwit.engine.psl;

import dev.godwit.engine.schema.ColumnType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * The {@code @db.*} native types of a provider ({@link ModelRules#nativeTypes}): which scalar types take them, their
 * arguments, their column type; and the builders the dialects describe them with.
 */
public final class NativeTypes {
    private NativeTypes() {
    }

    /** Which scalar types take the native type, how many arguments, and the column type it makes of them. */
    public record Spec(Set<String> scalars, int minArgs, int maxArgs, Function<List<Integer>, ColumnType> type) {
    }

    public static Spec spec(String scalar, int min, int max, Function<List<Integer>, ColumnType> type) {
        return new Spec(Set.of(scalar.split(",")), min, max, type);
    }

    public static Spec plain(String scalar, String name) {
        return spec(scalar, 0, 0, a -> ColumnType.of(name));
    }

    public static Spec length(String scalar, String name, int min) {
        return spec(scalar, min, 1, a -> ColumnType.of(name).withLength(a.isEmpty() ? null : a.get(0)));
    }

    public static Spec precision(String scalar, String name) {
        return spec(scalar, 0, 1, a -> ColumnType.of(name).withPrecision(a.isEmpty() ? null : a.get(0), null));
    }

    public static Spec decimal(String name) {
        return spec("Decimal", 0, 2, a -> ColumnType.of(name).withPrecision(a.isEmpty() ? null : a.get(0), a.size() < 2 ? null : a.get(1)));
    }

    /** The native types of the family a schema names ({@code provider = "mysql"}); none for one godwit does not speak. */
    static Map<String, Spec> of(String provider) {
        return ModelRules.named(provider).map(ModelRules::nativeTypes).orElse(Map.of());
    }
}
