package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.diff.DiffHooks;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;

import java.util.Set;

/**
 * Which type changes PostgreSQL can make in place ({@code ALTER COLUMN … TYPE … USING col::type}).
 * Where it has no cast (an array to a scalar, a timestamp to an integer, a number to a uuid) the
 * column is dropped and added again, as Prisma does; every type casts to and from text, enums to
 * each other through text.
 */
final class PostgresCasts {
    static final DiffHooks HOOKS = new DiffHooks() {
        @Override
        public boolean castable(ColumnType from, ColumnType to) {
            return PostgresCasts.castable(from, to);
        }

        /** List defaults compare by their values, however they are spelled (as Prisma compares them). */
        @Override
        public boolean sameDefault(Column from, Column to) {
            if (from.type().arrayDims() > 0 && to.type().arrayDims() > 0) {
                return PostgresArrays.same(from.defaultValue(), to.defaultValue());
            }
            return java.util.Objects.equals(from.defaultValue(), to.defaultValue());
        }

        /**
         * A list field has no optionality: Prisma writes list columns without NOT NULL and does not
         * compare the nullability of two list columns, so {@code INTEGER[] NOT NULL} is a list too.
         */
        @Override
        public boolean sameNullability(Column from, Column to) {
            return from.nullable() == to.nullable() || (from.type().arrayDims() > 0 && to.type().arrayDims() > 0);
        }
    };

    private static final Set<String> TEXT = Set.of("text", "varchar", "char", "bpchar", "citext", "character varying", "character");
    private static final Set<String> NUMBERS = Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision");
    private static final Set<String> STAMPS = Set.of("date", "timestamp", "timestamptz");
    private static final Set<String> TIMES = Set.of("time", "timetz");
    private static final Set<String> JSON = Set.of("json", "jsonb");
    private static final Set<String> BITS = Set.of("bit", "varbit");
    private static final Set<String> KNOWN = Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision",
            "text", "varchar", "char", "bpchar", "citext", "boolean", "date", "timestamp", "timestamptz", "time", "timetz",
            "json", "jsonb", "bytea", "uuid", "inet", "cidr", "bit", "varbit", "money", "xml", "oid");

    private PostgresCasts() {
    }

    static boolean castable(ColumnType from, ColumnType to) {
        if (from.arrayDims() != to.arrayDims()) {
            return false;
        }
        String a = from.name();
        String b = to.name();
        if (a.equals(b) || TEXT.contains(a) || TEXT.contains(b)) {
            return true;
        }
        boolean enumA = from.enumRef() != null;
        boolean enumB = to.enumRef() != null;
        if (enumA || enumB) {
            return enumA && enumB; // one enum to another goes through text; enums and other types do not mix
        }
        if (!KNOWN.contains(a) || !KNOWN.contains(b)) {
            return true; // a type godwit does not know: let the database decide
        }
        return same(NUMBERS, a, b) || same(STAMPS, a, b) || same(TIMES, a, b) || same(JSON, a, b) || same(BITS, a, b)
                || (STAMPS.contains(a) && !a.equals("date") && TIMES.contains(b))
                || pair(a, b, "integer", "boolean") || pair(a, b, "inet", "cidr") || pair(a, b, "numeric", "money")
                || (BITS.contains(a) && (b.equals("integer") || b.equals("bigint")))
                || (BITS.contains(b) && (a.equals("integer") || a.equals("bigint")))
                || ((a.equals("integer") || a.equals("bigint")) && b.equals("money"))
                || (a.equals("oid") && NUMBERS.contains(b)) || (b.equals("oid") && NUMBERS.contains(a));
    }

    private static boolean same(Set<String> family, String a, String b) {
        return family.contains(a) && family.contains(b);
    }

    private static boolean pair(String a, String b, String x, String y) {
        return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
    }
}
