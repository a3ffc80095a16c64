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
import java.util.Set;
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

    /** Whether a primary key has a name of its own (MySQL's is always PRIMARY). */
    boolean namedPrimaryKeys();

    /** Whether index fields take an operator class ({@code ops:}). */
    boolean operatorClasses();

    /** Whether an index key may index a prefix of a column ({@code length:}), and a text column in a key needs one. */
    boolean indexPrefixLengths();

    /** The {@code type:} values {@code @@index} takes on this database. */
    Set<String> indexTypes();

    /** The index methods a schema file can describe, as the inspector names them. */
    Set<String> indexMethods();

    /** Whether Prisma's implicit many-to-many table has a primary key (Prisma 6 on PostgreSQL), not a unique index. */
    boolean joinTablePrimaryKey();

    /** Whether the database gives every foreign key an index of its own when no index starts with its columns (InnoDB). */
    boolean foreignKeysNeedIndex();

    /** Whether a foreign key that sets NULL on delete is refused when one of its columns is required. */
    boolean refusesSetNullOnRequired();

    /** The table options Prisma creates every table with (MySQL: its collation), as the inspector reads them. */
    default Map<String, String> tableAttributes() {
        return Map.of();
    }

    /** The native type that is a Boolean's own column type, written without changing it ({@code TinyInt} on MySQL), or null. */
    default String booleanNativeType() {
        return null;
    }

    /** Prisma's name for this database's connector in its messages ("Postgres", "MySQL"). */
    String connectorName();

    /**
     * Why the arguments of the native type {@code type} are out of the range Prisma allows (the end of its message),
     * or null; {@code scalar}: the field's type. A Decimal's scale above its precision is checked before.
     */
    String nativeArgumentProblem(String type, List<Integer> args, String scalar);

    /** Whether a schema may place models and enums in several database schemas ({@code schemas}, {@code @@schema}). */
    boolean multipleSchemas();

    /** Errors this database adds to Prisma's own validation of a model (what it cannot create). */
    default void check(Block.Model model, List<PslError> errors) {
    }

    /** Errors this database adds to Prisma's validation of the whole schema (names that clash in one namespace, index rules). */
    default void checkSchema(Catalog catalog, List<PslError> errors) {
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

    /** The rules of the family a schema names, or of the family assumed when it names none godwit speaks. */
    static ModelRules forSchema(String prismaName) {
        return named(prismaName).orElseGet(() -> of(Provider.ASSUMED));
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
