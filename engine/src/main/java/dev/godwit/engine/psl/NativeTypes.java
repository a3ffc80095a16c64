package dev.godwit.engine.psl;

import dev.godwit.engine.schema.ColumnType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static java.util.Map.entry;

/** The {@code @db.*} native types godwit knows, per provider: which scalar types take them, their arguments, their column type. */
final class NativeTypes {
    private NativeTypes() {
    }

    record Spec(Set<String> scalars, int minArgs, int maxArgs, Function<List<Integer>, ColumnType> type) {
    }

    private static Spec spec(String scalar, int min, int max, Function<List<Integer>, ColumnType> type) {
        return new Spec(Set.of(scalar.split(",")), min, max, type);
    }

    private static Spec plain(String scalar, String name) {
        return spec(scalar, 0, 0, a -> ColumnType.of(name));
    }

    private static Spec length(String scalar, String name, int min) {
        return spec(scalar, min, 1, a -> ColumnType.of(name).withLength(a.isEmpty() ? null : a.get(0)));
    }

    private static Spec precision(String scalar, String name) {
        return spec(scalar, 0, 1, a -> ColumnType.of(name).withPrecision(a.isEmpty() ? null : a.get(0), null));
    }

    private static Spec decimal(String name) {
        return spec("Decimal", 0, 2, a -> ColumnType.of(name).withPrecision(a.isEmpty() ? null : a.get(0), a.size() < 2 ? null : a.get(1)));
    }

    static final Map<String, Spec> POSTGRES = Map.ofEntries(
            entry("Text", plain("String", "text")), entry("Char", spec("String", 0, 1, a -> ColumnType.of("char").withLength(a.isEmpty() ? 1 : a.get(0)))),
            entry("VarChar", length("String", "varchar", 0)), entry("Bit", spec("String", 0, 1, a -> ColumnType.of("bit").withLength(a.isEmpty() ? 1 : a.get(0)))),
            entry("VarBit", length("String", "varbit", 0)), entry("Uuid", plain("String", "uuid")), entry("Xml", plain("String", "xml")),
            entry("Inet", plain("String", "inet")), entry("Citext", plain("String", "citext")), entry("Boolean", plain("Boolean", "boolean")),
            entry("Integer", plain("Int", "integer")), entry("SmallInt", plain("Int", "smallint")), entry("Oid", plain("Int", "oid")),
            entry("BigInt", plain("BigInt", "bigint")), entry("DoublePrecision", plain("Float", "double precision")),
            entry("Real", plain("Float", "real")), entry("Decimal", decimal("numeric")), entry("Money", plain("Decimal", "money")),
            entry("Timestamp", precision("DateTime", "timestamp")), entry("Timestamptz", precision("DateTime", "timestamptz")),
            entry("Date", plain("DateTime", "date")), entry("Time", precision("DateTime", "time")), entry("Timetz", precision("DateTime", "timetz")),
            entry("Json", plain("Json", "json")), entry("JsonB", plain("Json", "jsonb")), entry("ByteA", plain("Bytes", "bytea")));

    static final Map<String, Spec> MYSQL = Map.ofEntries(
            entry("VarChar", length("String", "varchar", 1)), entry("Char", length("String", "char", 1)),
            entry("Text", plain("String", "text")), entry("TinyText", plain("String", "tinytext")),
            entry("MediumText", plain("String", "mediumtext")), entry("LongText", plain("String", "longtext")),
            entry("Int", plain("Int", "int")), entry("UnsignedInt", spec("Int", 0, 0, a -> ColumnType.of("int").withUnsigned(true))),
            entry("SmallInt", plain("Int", "smallint")), entry("UnsignedSmallInt", spec("Int", 0, 0, a -> ColumnType.of("smallint").withUnsigned(true))),
            entry("MediumInt", plain("Int", "mediumint")), entry("UnsignedMediumInt", spec("Int", 0, 0, a -> ColumnType.of("mediumint").withUnsigned(true))),
            entry("TinyInt", spec("Int,Boolean", 0, 0, a -> ColumnType.of("tinyint"))),
            entry("UnsignedTinyInt", spec("Int,Boolean", 0, 0, a -> ColumnType.of("tinyint").withUnsigned(true))),
            entry("Year", plain("Int", "year")), entry("BigInt", plain("BigInt", "bigint")),
            entry("UnsignedBigInt", spec("BigInt", 0, 0, a -> ColumnType.of("bigint").withUnsigned(true))),
            entry("Decimal", decimal("decimal")), entry("Double", plain("Float", "double")), entry("Float", plain("Float", "float")),
            entry("Bit", spec("Boolean,Bytes", 1, 1, a -> ColumnType.of("bit").withLength(a.get(0)))),
            entry("Date", plain("DateTime", "date")), entry("Time", precision("DateTime", "time")),
            entry("DateTime", precision("DateTime", "datetime")), entry("Timestamp", precision("DateTime", "timestamp")),
            entry("Json", plain("Json", "json")), entry("Binary", length("Bytes", "binary", 1)), entry("VarBinary", length("Bytes", "varbinary", 1)),
            entry("TinyBlob", plain("Bytes", "tinyblob")), entry("Blob", plain("Bytes", "blob")),
            entry("MediumBlob", plain("Bytes", "mediumblob")), entry("LongBlob", plain("Bytes", "longblob")));

    static Map<String, Spec> of(String provider) {
        return provider.equals("mysql") ? MYSQL : POSTGRES;
    }
}
