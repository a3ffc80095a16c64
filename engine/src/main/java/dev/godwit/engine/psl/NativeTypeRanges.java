package dev.godwit.engine.psl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ranges Prisma 7.10 allows for native type arguments (its connectors' {@code validate_native_type_arguments}),
 * with its messages: what all connectors check here, each database's ranges in its {@link ModelRules}. What the ranges leave open (a VarChar longer than PostgreSQL takes, say) is the
 * database's to refuse.
 */
final class NativeTypeRanges {
    private NativeTypeRanges() {
    }

    /** The problem with {@code type(args)} on {@code provider}, or null when the arguments are in range. */
    static String problem(String provider, String type, List<Integer> args, String scalar) {
        String shown = type + (args.isEmpty() ? "" : args.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")")));
        ModelRules rules = ModelRules.forSchema(provider);
        String connector = rules.connectorName();
        if (type.equals("Decimal") && args.size() == 1) {
            return "Expected two nonnegative integers, but found (" + args.get(0) + ").";
        }
        if (type.equals("Decimal") && args.size() == 2 && args.get(1) > args.get(0)) {
            return "The scale must not be larger than the precision for the " + shown + " native type in " + connector + ".";
        }
        String why = rules.nativeArgumentProblem(type, args, scalar);
        return why == null ? null : "Argument M is out of range for native type `" + shown + "` of " + connector + ": " + why;
    }
}
