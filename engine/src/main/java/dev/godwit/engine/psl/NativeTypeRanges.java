package dev.godwit.engine.psl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ranges Prisma 7.10 allows for native type arguments (its connectors' {@code validate_native_type_arguments}),
 * with its messages. What the ranges leave open (a VarChar longer than PostgreSQL takes, say) is the
 * database's to refuse.
 */
final class NativeTypeRanges {
    private NativeTypeRanges() {
    }

    /** The problem with {@code type(args)} on {@code provider}, or null when the arguments are in range. */
    static String problem(String provider, String type, List<Integer> args, String scalar) {
        String shown = type + (args.isEmpty() ? "" : args.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")")));
        boolean mysql = provider.equals("mysql");
        String connector = mysql ? "MySQL" : "Postgres";
        String outOfRange = "Argument M is out of range for native type `" + shown + "` of " + connector + ": ";
        if (type.equals("Decimal") && args.size() == 1) {
            return "Expected two nonnegative integers, but found (" + args.get(0) + ").";
        }
        if (type.equals("Decimal") && args.size() == 2) {
            int p = args.get(0);
            int s = args.get(1);
            if (s > p) {
                return "The scale must not be larger than the precision for the " + shown + " native type in " + connector + ".";
            }
            if (!mysql && (p > 1000 || p == 0)) {
                return outOfRange + "Precision must be positive with a maximum value of 1000.";
            }
            if (mysql && p > 65) {
                return outOfRange + "Precision can range from 1 to 65.";
            }
            if (mysql && s > 30) {
                return outOfRange + "Scale can range from 0 to 30.";
            }
            return null;
        }
        if (args.size() != 1) {
            return null;
        }
        int m = args.get(0);
        if (!mysql) {
            return switch (type) {
                case "Bit", "VarBit" -> m == 0 ? outOfRange + "M must be a positive integer." : null;
                case "Timestamp", "Timestamptz", "Time", "Timetz" -> m > 6 ? outOfRange + "M can range from 0 to 6." : null;
                default -> null;
            };
        }
        return switch (type) {
            case "Bit" -> m == 0 || m > 64 ? outOfRange + "M can range from 1 to 64."
                    : m > 1 && scalar.equals("Boolean") ? outOfRange + "only Bit(1) can be used as Boolean." : null;
            case "Char" -> m > 255 ? outOfRange + "M can range from 0 to 255." : null;
            case "VarChar" -> m > 65535 ? outOfRange + "M can range from 0 to 65,535." : null;
            default -> null;
        };
    }
}
