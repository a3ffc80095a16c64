package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.Catalog;
import dev.godwit.engine.psl.IdentifierLimit;
import dev.godwit.engine.psl.NativeTypes;
import dev.godwit.engine.psl.ModelRules;
import dev.godwit.engine.psl.PslError;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Identity;

import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** How a schema maps to PostgreSQL tables: lists as arrays, enums as types, defaults as the server prints them. */
public final class PostgresModelRules implements ModelRules {
    private static final Map<String, ColumnType> SCALAR_TYPES = Map.of(
            "String", ColumnType.of("text"), "Int", ColumnType.of("integer"), "BigInt", ColumnType.of("bigint"),
            "Float", ColumnType.of("double precision"), "Decimal", ColumnType.of("numeric").withPrecision(65, 30),
            "Boolean", ColumnType.of("boolean"), "DateTime", ColumnType.of("timestamp").withPrecision(3, null),
            "Json", ColumnType.of("jsonb"), "Bytes", ColumnType.of("bytea"));


    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    public Map<String, ColumnType> scalarTypes() {
        return SCALAR_TYPES;
    }

    @Override
    public Map<String, NativeTypes.Spec> nativeTypes() {
        return PostgresNativeTypes.TYPES;
    }

    @Override
    public IdentifierLimit identifierLimit() {
        return new IdentifierLimit(63, true, "PostgreSQL");
    }

    @Override
    public List<String> schemaProviderNames() {
        return List.of("postgresql", "postgres");
    }

    @Override
    public boolean namedPrimaryKeys() {
        return true;
    }

    @Override
    public boolean operatorClasses() {
        return true;
    }

    @Override
    public boolean indexPrefixLengths() {
        return false;
    }

    @Override
    public Set<String> indexTypes() {
        return Set.of("BTree", "Hash", "Gin", "Gist", "SpGist", "Brin");
    }

    @Override
    public Set<String> indexMethods() {
        return Set.of("btree", "hash", "gist", "gin", "spgist", "brin");
    }

    @Override
    public boolean joinTablePrimaryKey() {
        return true;
    }

    @Override
    public boolean foreignKeysNeedIndex() {
        return false;
    }

    /** PostgreSQL takes SET NULL on a NOT NULL column (the delete fails then): Prisma 7 only warns. */
    @Override
    public boolean refusesSetNullOnRequired() {
        return false;
    }

    @Override
    public String connectorName() {
        return "Postgres";
    }

    @Override
    public String nativeArgumentProblem(String type, List<Integer> args, String scalar) {
        if (type.equals("Decimal")) {
            return args.size() == 2 && (args.get(0) > 1000 || args.get(0) == 0) ? "Precision must be positive with a maximum value of 1000." : null;
        }
        if (args.size() != 1) {
            return null;
        }
        int m = args.get(0);
        return switch (type) {
            case "Bit", "VarBit" -> m == 0 ? "M must be a positive integer." : null;
            case "Timestamp", "Timestamptz", "Time", "Timetz" -> m > 6 ? "M can range from 0 to 6." : null;
            default -> null;
        };
    }

    @Override
    public boolean multipleSchemas() {
        return true;
    }

    /** Key and index names share one namespace per schema, and GIN, GiST, SP-GiST and BRIN take only some types. */
    @Override
    public void checkSchema(Catalog catalog, List<PslError> errors) {
        PostgresConstraintNameCheck.run(catalog, errors);
        PostgresIndexRules.check(catalog, errors);
    }

    @Override
    public boolean listsAreArrays() {
        return true;
    }

    @Override
    public boolean enumTypes() {
        return true;
    }

    @Override
    public Identity autoincrement() {
        return Identity.SERIAL;
    }

    @Override
    public String now(ColumnType type) {
        return "CURRENT_TIMESTAMP";
    }

    @Override
    public String literal(Field field, ColumnType type, Expr value, UnaryOperator<String> enumValue) {
        return PostgresLiterals.of(field, type, value, enumValue);
    }

    @Override
    public String dbGenerated(String sql) {
        return PostgresLiterals.expression(sql);
    }

    @Override
    public Optional<List<String>> arrayElements(String defaultValue) {
        return PostgresArrays.elements(defaultValue);
    }
}
