package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What varies between database families when a schema is validated and mapped to tables. Each dialect
 * package implements it once and lists it in {@code META-INF/services}; the schema code never asks which
 * database it maps for.
 */
public interface ModelRules {

    Provider provider();

    /** The column type each scalar type gets without a {@code @db.*} attribute, as Prisma 7 maps it. */
    Map<String, ColumnType> scalarTypes();

    /** The {@code @db.*} native types, by name without the {@code db.} prefix. */
    Map<String, NativeTypes.Spec> nativeTypes();

    /** How long a table, column, constraint or index name may be. */
    IdentifierLimit identifierLimit();

    /**
     * Whether Prisma's connector reports {@code @db.*} errors in the same round as attribute errors (MySQL), not
     * after the relation and model rules.
     */
    default boolean nativeTypesWithAttributes() {
        return false;
    }

    /** The names a schema's datasource may give this family as {@code provider}, Prisma's own first. */
    default List<String> schemaProviderNames() {
        return List.of(provider().prismaName());
    }

    /** Errors this database adds to Prisma's own validation of a model (what it cannot create). */
    default void check(Block.Model model, List<PslError> errors) {
    }

    /** Whether a list field is an array column, nullable as Prisma maps it. */
    boolean listsAreArrays();

    /** Enums are types of their own (PostgreSQL), not a column type listing its values (MySQL). */
    boolean enumTypes();

    /** How {@code @default(autoincrement())} numbers rows. */
    Identity autoincrement();

    /** {@code @default(now())} on a column of this type. */
    String now(ColumnType type);

    /** Whether a literal default of this column type is kept (MySQL refuses literal JSON defaults). */
    default boolean keepsLiteralDefault(ColumnType type) {
        return true;
    }

    /**
     * A literal default as the database prints it back, so that a mapped schema and an inspected one compare
     * equal. {@code enumValue}: the database name of an enum constant, null when the field is not an enum.
     */
    String literal(Field field, ColumnType type, Expr value, UnaryOperator<String> enumValue);

    /** The expression of {@code @default(dbgenerated("..."))} as the database prints it back. */
    String dbGenerated(String sql);

    /** The type as the database reads it back. */
    default ColumnType asReadBack(ColumnType type) {
        return type;
    }

    /** The elements of an array default as written in the database, when it is one. */
    default Optional<List<String>> arrayElements(String defaultValue) {
        return Optional.empty();
    }

    /** The rules of a database family. */
    static ModelRules of(Provider provider) {
        return ModelRulesLoader.of(provider);
    }

    /** The rules of the family a schema names ({@code provider = "mysql"}), when it is one godwit speaks. */
    static Optional<ModelRules> named(String prismaName) {
        for (Provider p : Provider.values()) {
            ModelRules rules = of(p);
            if (rules.schemaProviderNames().contains(prismaName)) {
                return Optional.of(rules);
            }
        }
        return Optional.empty();
    }
}
