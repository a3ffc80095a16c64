package dev.godwit.engine.dialect.cockroach;

/** Maps a schema as for PostgreSQL; a schema names the family "cockroachdb". */
public final class CockroachModelRules implements dev.godwit.engine.psl.ModelRules {
    /** PostgreSQL's, asked on each use: this family's services load while PostgreSQL's do. */
    private static dev.godwit.engine.psl.ModelRules base() {
        return dev.godwit.engine.psl.ModelRules.of(dev.godwit.engine.Provider.POSTGRESQL);
    }

    @Override
    public dev.godwit.engine.Provider provider() {
        return CockroachFamily.COCKROACHDB;
    }

    @Override
    public java.util.Map<String, dev.godwit.engine.schema.ColumnType> scalarTypes() {
        return base().scalarTypes();
    }

    @Override
    public java.util.Map<String, dev.godwit.engine.psl.NativeTypes.Spec> nativeTypes() {
        return base().nativeTypes();
    }

    @Override
    public dev.godwit.engine.psl.IdentifierLimit identifierLimit() {
        return base().identifierLimit();
    }

    @Override
    public boolean nativeTypesWithAttributes() {
        return base().nativeTypesWithAttributes();
    }

    @Override
    public java.util.List<String> schemaProviderNames() {
        return java.util.List.of("cockroachdb");
    }

    @Override
    public boolean namedPrimaryKeys() {
        return base().namedPrimaryKeys();
    }

    @Override
    public boolean operatorClasses() {
        return base().operatorClasses();
    }

    @Override
    public boolean indexPrefixLengths() {
        return base().indexPrefixLengths();
    }

    @Override
    public java.util.Set<String> indexTypes() {
        return base().indexTypes();
    }

    @Override
    public java.util.Set<String> indexMethods() {
        return base().indexMethods();
    }

    @Override
    public boolean joinTablePrimaryKey() {
        return base().joinTablePrimaryKey();
    }

    @Override
    public boolean foreignKeysNeedIndex() {
        return base().foreignKeysNeedIndex();
    }

    @Override
    public boolean refusesSetNullOnRequired() {
        return base().refusesSetNullOnRequired();
    }

    @Override
    public java.util.Map<String, String> tableAttributes() {
        return base().tableAttributes();
    }

    @Override
    public String booleanNativeType() {
        return base().booleanNativeType();
    }

    @Override
    public String connectorName() {
        return base().connectorName();
    }

    @Override
    public String nativeArgumentProblem(String a0, java.util.List<Integer> a1, String a2) {
        return base().nativeArgumentProblem(a0, a1, a2);
    }

    @Override
    public boolean multipleSchemas() {
        return base().multipleSchemas();
    }

    @Override
    public void check(dev.godwit.engine.psl.ast.Block.Model a0, java.util.List<dev.godwit.engine.psl.PslError> a1) {
        base().check(a0, a1);
    }

    @Override
    public boolean listsAreArrays() {
        return base().listsAreArrays();
    }

    @Override
    public boolean enumTypes() {
        return base().enumTypes();
    }

    @Override
    public dev.godwit.engine.schema.Identity autoincrement() {
        return base().autoincrement();
    }

    @Override
    public String now(dev.godwit.engine.schema.ColumnType a0) {
        return base().now(a0);
    }

    @Override
    public boolean keepsLiteralDefault(dev.godwit.engine.schema.ColumnType a0) {
        return base().keepsLiteralDefault(a0);
    }

    @Override
    public String literal(dev.godwit.engine.psl.ast.Field a0, dev.godwit.engine.schema.ColumnType a1, dev.godwit.engine.psl.ast.Expr a2, java.util.function.UnaryOperator<String> a3) {
        return base().literal(a0, a1, a2, a3);
    }

    @Override
    public String dbGenerated(String a0) {
        return base().dbGenerated(a0);
    }

    @Override
    public dev.godwit.engine.schema.ColumnType asReadBack(dev.godwit.engine.schema.ColumnType a0) {
        return base().asReadBack(a0);
    }

    @Override
    public java.util.Optional<java.util.List<String>> arrayElements(String a0) {
        return base().arrayElements(a0);
    }
}
