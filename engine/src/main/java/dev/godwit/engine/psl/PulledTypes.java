package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A column type as the schema language writes it: the scalar type alone when the column has the
 * scalar's default type on this database, else the scalar and the {@code @db.*} native type that maps
 * back to exactly this column type, else {@code Unsupported("…")}.
 */
final class PulledTypes {
    private static final List<String> SCALAR_ORDER = List.of("String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes");

    private PulledTypes() {
    }

    /** {scalar type, native type attribute or null} for a column type without list dimensions. */
    static String[] of(ColumnType ct, Provider provider) {
        Map<String, ColumnType> defaults = ScalarTypes.of(provider);
        for (String scalar : SCALAR_ORDER) {
            if (defaults.get(scalar).equals(ct)) {
                return new String[]{scalar, null};
            }
        }
        Map<String, NativeTypes.Spec> specs = ModelRules.of(provider).nativeTypes();
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
                    // a scalar whose argument range takes these arguments: MySQL BIT(n > 1) is Bytes, only BIT(1) a Boolean
                    String scalar = SCALAR_ORDER.stream().filter(spec.scalars()::contains)
                            .filter(x -> NativeTypeRanges.problem(provider.prismaName(), nativeName, args, x) == null)
                            .findFirst().orElse(null);
                    if (scalar == null) {
                        continue;
                    }
                    String a = args.isEmpty() ? "" : "(" + args.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
                    return new String[]{scalar, "@db." + nativeName + a};
                }
            }
        }
        return new String[]{"Unsupported(\"" + ct.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\")", null};
    }
}
