package dev.godwit.engine.schema;

import java.util.List;
import java.util.Objects;

/**
 * A column's type, normalised: {@code name} is the canonical lower-case name
 * ("integer", "text", "varchar", "timestamp", "numeric", …) or, for a type the
 * inspector does not know, the database's own spelling of it.
 *
 * @param name       canonical type name; for a PostgreSQL enum, the enum type's name
 * @param length     character/binary length (varchar(n), char(n), bit(n)), or null
 * @param precision  numeric precision, or fractional-second precision for time types, or null
 * @param scale      numeric scale, or null
 * @param arrayDims  0 for a scalar, 1 for {@code type[]}
 * @param enumRef    the enum type this column uses (PostgreSQL), or null
 * @param enumValues inline enum values (MySQL {@code ENUM(...)}/{@code SET(...)}), empty otherwise
 * @param unsigned   MySQL {@code UNSIGNED}
 */
public record ColumnType(String name, Integer length, Integer precision, Integer scale, int arrayDims,
                         String enumRef, List<String> enumValues, boolean unsigned) {

    public ColumnType {
        Objects.requireNonNull(name, "name");
        enumValues = List.copyOf(enumValues);
    }

    public static ColumnType of(String name) {
        return new ColumnType(name, null, null, null, 0, null, List.of(), false);
    }

    public static ColumnType enumRef(String enumName) {
        return new ColumnType(enumName, null, null, null, 0, enumName, List.of(), false);
    }

    public ColumnType withLength(Integer n) {
        return new ColumnType(name, n, precision, scale, arrayDims, enumRef, enumValues, unsigned);
    }

    public ColumnType withPrecision(Integer p, Integer s) {
        return new ColumnType(name, length, p, s, arrayDims, enumRef, enumValues, unsigned);
    }

    public ColumnType withArrayDims(int dims) {
        return new ColumnType(name, length, precision, scale, dims, enumRef, enumValues, unsigned);
    }

    public ColumnType withEnumValues(List<String> values) {
        return new ColumnType(name, length, precision, scale, arrayDims, enumRef, values, unsigned);
    }

    public ColumnType withUnsigned(boolean u) {
        return new ColumnType(name, length, precision, scale, arrayDims, enumRef, enumValues, u);
    }

    public boolean isArray() {
        return arrayDims > 0;
    }

    /** A short readable form for reports, e.g. {@code varchar(100)}, {@code numeric(10,2)[]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        if (length != null) {
            sb.append('(').append(length).append(')');
        } else if (precision != null) {
            sb.append('(').append(precision);
            if (scale != null) {
                sb.append(',').append(scale);
            }
            sb.append(')');
        }
        if (!enumValues.isEmpty()) {
            sb.append(enumValues);
        }
        if (unsigned) {
            sb.append(" unsigned");
        }
        sb.append("[]".repeat(arrayDims));
        return sb.toString();
    }
}
