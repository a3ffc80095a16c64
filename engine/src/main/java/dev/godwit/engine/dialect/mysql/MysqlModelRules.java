package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.IdentifierLimit;
import dev.godwit.engine.psl.NativeTypes;
import dev.godwit.engine.psl.ModelRules;
import dev.godwit.engine.psl.PslError;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;

import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Identity;

import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How a schema maps to MySQL and MariaDB tables: no arrays, enums as column types, literal defaults as the
 * server prints them back. And what MySQL itself cannot create, refused before a migration would fail: a named primary key
 * (MySQL's is always PRIMARY), more than one AUTO_INCREMENT column in a table, and an
 * AUTO_INCREMENT column that no index starts with. Messages and lines as Prisma 7 reports them
 * (checked with {@code prisma validate}; see the conformance folder godwit-mysql-rejected).
 */
public final class MysqlModelRules implements ModelRules {
    private static final Map<String, ColumnType> SCALAR_TYPES = Map.of(
            "String", ColumnType.of("varchar").withLength(191), "Int", ColumnType.of("int"), "BigInt", ColumnType.of("bigint"),
            "Float", ColumnType.of("double"), "Decimal", ColumnType.of("decimal").withPrecision(65, 30),
            "Boolean", ColumnType.of("tinyint").withLength(1), "DateTime", ColumnType.of("datetime").withPrecision(3, null),
            "Json", ColumnType.of("json"), "Bytes", ColumnType.of("longblob"));


    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    public Map<String, ColumnType> scalarTypes() {
        return SCALAR_TYPES;
    }

    @Override
    public Map<String, NativeTypes.Spec> nativeTypes() {
        return MysqlNativeTypes.TYPES;
    }

    @Override
    public boolean nativeTypesWithAttributes() {
        return true;
    }

    @Override
    public IdentifierLimit identifierLimit() {
        return new IdentifierLimit(64, false, "MySQL");
    }

    @Override
    public boolean namedPrimaryKeys() {
        return false;
    }

    @Override
    public boolean operatorClasses() {
        return false;
    }

    @Override
    public boolean indexPrefixLengths() {
        return true;
    }

    /** Prisma 7's MySQL connector takes only BTree (full-text indexes are @@fulltext). */
    @Override
    public Set<String> indexTypes() {
        return Set.of("BTree");
    }

    @Override
    public Set<String> indexMethods() {
        return Set.of("btree", "fulltext");
    }

    /** Prisma 6 moved PostgreSQL's join tables to a primary key; on MySQL the unique index is the current shape. */
    @Override
    public boolean joinTablePrimaryKey() {
        return false;
    }

    @Override
    public boolean foreignKeysNeedIndex() {
        return true;
    }

    @Override
    public boolean refusesSetNullOnRequired() {
        return true;
    }

    /** Prisma creates every MySQL table with utf8mb4 and its unicode collation, whatever the database's default. */
    @Override
    public Map<String, String> tableAttributes() {
        return Map.of("collation", "utf8mb4_unicode_ci");
    }

    /** TinyInt is a Boolean's own type on MySQL: TINYINT(1). */
    @Override
    public String booleanNativeType() {
        return "TinyInt";
    }

    @Override
    public String connectorName() {
        return "MySQL";
    }

    @Override
    public String nativeArgumentProblem(String type, List<Integer> args, String scalar) {
        if (type.equals("Decimal")) {
            if (args.size() != 2) {
                return null;
            }
            return args.get(0) > 65 ? "Precision can range from 1 to 65." : args.get(1) > 30 ? "Scale can range from 0 to 30." : null;
        }
        if (args.size() != 1) {
            return null;
        }
        int m = args.get(0);
        return switch (type) {
            case "Bit" -> m == 0 || m > 64 ? "M can range from 1 to 64."
                    : m > 1 && scalar.equals("Boolean") ? "only Bit(1) can be used as Boolean." : null;
            case "Char" -> m > 255 ? "M can range from 0 to 255." : null;
            case "VarChar" -> m > 65535 ? "M can range from 0 to 65,535." : null;
            default -> null;
        };
    }

    @Override
    public boolean multipleSchemas() {
        return false;
    }

    @Override
    public boolean listsAreArrays() {
        return false;
    }

    @Override
    public boolean enumTypes() {
        return false;
    }

    @Override
    public Identity autoincrement() {
        return Identity.AUTO_INCREMENT;
    }

    @Override
    public String now(ColumnType type) {
        return type.precision() == null ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + type.precision() + ")";
    }

    @Override
    public boolean keepsLiteralDefault(ColumnType type) {
        return !type.name().equals("json"); // Prisma writes no JSON default (MySQL refuses literal ones) and its differ ignores them
    }

    @Override
    public String literal(Field field, ColumnType type, Expr value, UnaryOperator<String> enumValue) {
        return MysqlLiterals.of(field, type, value, enumValue);
    }

    @Override
    public String dbGenerated(String s) {
        return !s.startsWith("(") && !s.startsWith("'") && !s.matches("-?\\d+(\\.\\d+)?")
                && !s.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP") ? "(" + s + ")" : s;
    }

    @Override
    public ColumnType asReadBack(ColumnType base) {
        if (base.precision() != null && base.precision() == 0
                && (base.name().equals("datetime") || base.name().equals("timestamp") || base.name().equals("time"))) {
            return base.withPrecision(null, null); // MySQL reads DATETIME(0) back as DATETIME
        }
        return base;
    }

    @Override
    public void check(Block.Model m, List<PslError> errors) {
        boolean namedKey = m.fields().stream().map(f -> f.attribute("id")).flatMap(java.util.Optional::stream).anyMatch(MysqlModelRules::hasMap)
                || m.attributes("id").stream().anyMatch(MysqlModelRules::hasMap);
        if (namedKey) {
            errors.add(new PslError("Error validating model \"" + m.name() + "\": You defined a database name for the primary key on the model. "
                    + "This is not supported by the provider.", m.nameSpan()));
        }
        List<Field> counters = m.fields().stream().filter(MysqlModelRules::isCounter).toList();
        if (counters.size() > 1) {
            errors.add(new PslError("Error parsing attribute \"@default\": The `autoincrement()` default value is used multiple times on this "
                    + "model even though the underlying datasource only supports one instance per table.", m.nameSpan()));
        }
        for (Field f : counters) {
            if (!indexed(m, f)) {
                Attribute d = f.attribute("default").orElseThrow();
                errors.add(new PslError("Error parsing attribute \"@default\": The `autoincrement()` default value is used on a non-indexed "
                        + "field even though the datasource does not support this.", d.span()));
            }
        }
    }

    private static boolean hasMap(Attribute a) {
        return a.named("map").isPresent();
    }

    /** An Int or BigInt counter (on other types autoincrement() is an error of its own). */
    private static boolean isCounter(Field f) {
        return (f.type().name().equals("Int") || f.type().name().equals("BigInt")) && f.attribute("default").flatMap(d -> d.arg("value", 0))
                .map(arg -> arg.value() instanceof Expr.Call c && c.name().equals("autoincrement")).orElse(false);
    }

    /** A field with @id or @unique, or the first field of an @@id, @@unique or @@index. */
    private static boolean indexed(Block.Model m, Field f) {
        if (f.has("id") || f.has("unique")) {
            return true;
        }
        for (Attribute a : m.attributes()) {
            if (a.name().equals("id") || a.name().equals("unique") || a.name().equals("index")) {
                List<String> names = a.arg("fields", 0).filter(x -> x.value() instanceof Expr.Array)
                        .map(x -> fieldNames((Expr.Array) x.value())).orElse(List.of());
                if (!names.isEmpty() && f.name().equals(names.get(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> fieldNames(Expr.Array fields) {
        return fields.items().stream().map(e -> e instanceof Expr.Const c ? c.name() : e instanceof Expr.Call c ? c.name() : null).toList();
    }
}
