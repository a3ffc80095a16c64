package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.psl.NativeTypes.Spec;
import dev.godwit.engine.schema.ColumnType;

import java.util.Map;

import static dev.godwit.engine.psl.NativeTypes.decimal;
import static dev.godwit.engine.psl.NativeTypes.length;
import static dev.godwit.engine.psl.NativeTypes.plain;
import static dev.godwit.engine.psl.NativeTypes.precision;
import static dev.godwit.engine.psl.NativeTypes.spec;
import static java.util.Map.entry;

/** MySQL's and MariaDB's {@code @db.*} native types, as Prisma 7 knows them. */
final class MysqlNativeTypes {
    private MysqlNativeTypes() {
    }

    static final Map<String, Spec> TYPES = Map.ofEntries(
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
}
