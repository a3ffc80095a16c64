package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.psl.NativeTypes.Spec;
import dev.godwit.engine.schema.ColumnType;

import java.util.Map;

import static dev.godwit.engine.psl.NativeTypes.decimal;
import static dev.godwit.engine.psl.NativeTypes.length;
import static dev.godwit.engine.psl.NativeTypes.plain;
import static dev.godwit.engine.psl.NativeTypes.precision;
import static dev.godwit.engine.psl.NativeTypes.spec;
import static java.util.Map.entry;

/** PostgreSQL's {@code @db.*} native types, as Prisma 7 knows them. */
final class PostgresNativeTypes {
    private PostgresNativeTypes() {
    }

    static final Map<String, Spec> TYPES = Map.ofEntries(
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
}
