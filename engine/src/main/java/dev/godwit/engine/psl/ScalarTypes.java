package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.ColumnType;

import java.util.Map;

/** The column type each scalar type gets without a {@code @db.*} attribute, as Prisma 7 maps it. */
final class ScalarTypes {
    private static final Map<String, ColumnType> POSTGRES = Map.of(
            "String", ColumnType.of("text"), "Int", ColumnType.of("integer"), "BigInt", ColumnType.of("bigint"),
            "Float", ColumnType.of("double precision"), "Decimal", ColumnType.of("numeric").withPrecision(65, 30),
            "Boolean", ColumnType.of("boolean"), "DateTime", ColumnType.of("timestamp").withPrecision(3, null),
            "Json", ColumnType.of("jsonb"), "Bytes", ColumnType.of("bytea"));

    private static final Map<String, ColumnType> MYSQL = Map.of(
            "String", ColumnType.of("varchar").withLength(191), "Int", ColumnType.of("int"), "BigInt", ColumnType.of("bigint"),
            "Float", ColumnType.of("double"), "Decimal", ColumnType.of("decimal").withPrecision(65, 30),
            "Boolean", ColumnType.of("tinyint").withLength(1), "DateTime", ColumnType.of("datetime").withPrecision(3, null),
            "Json", ColumnType.of("json"), "Bytes", ColumnType.of("longblob"));

    private ScalarTypes() {
    }

    static Map<String, ColumnType> of(Provider provider) {
        return provider == Provider.MYSQL ? MYSQL : POSTGRES;
    }
}
