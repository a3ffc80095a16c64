package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A scalar, enum or Unsupported field → a column: type, nullability, default, numbering. */
final class ColumnMapper {
    private final Catalog catalog;
    private final Provider provider;
    private final ModelRules rules;

    /** The schema of the database URL: enums of a multi-schema model are qualified outside it. */
    private final String defaultSchema;

    ColumnMapper(Catalog catalog, Provider provider) {
        this(catalog, provider, "public");
    }

    ColumnMapper(Catalog catalog, Provider provider, String defaultSchema) {
        this.defaultSchema = defaultSchema;
        this.catalog = catalog;
        this.provider = provider;
        this.rules = ModelRules.of(provider);
    }

    Column column(Field f) {
        ColumnType type = type(f);
        boolean nullable = f.type().optional() || (f.type().list() && rules.listsAreArrays());
        Column c = Column.of(Catalog.columnName(f), type, nullable);
        Optional<Attribute> def = f.attribute("default");
        if (def.isEmpty()) {
            return c;
        }
        Expr value = def.get().arg("value", 0).map(a -> a.value()).orElse(null);
        if (value instanceof Expr.Call call) {
            return switch (call.name()) {
                case "autoincrement" -> c.withIdentity(rules.autoincrement());
                case "now" -> c.withDefault(rules.now(type));
                case "dbgenerated" -> call.args().isEmpty() ? c : c.withDefault(dbGenerated(((Expr.Str) call.args().get(0).value()).value()));
                default -> c; // uuid(), cuid(), nanoid(), ulid(): made by the client
            };
        }
        if (value == null || !rules.keepsLiteralDefault(type)) {
            return c;
        }
        return c.withDefault(rules.literal(f, type, value, enumValue(f)));
    }

    private String dbGenerated(String sql) {
        return rules.dbGenerated(sql.strip());
    }

    /** The database name of an enum constant of the field's enum (the constant itself when unknown); null for other fields. */
    private UnaryOperator<String> enumValue(Field f) {
        Block.Enum en = catalog.kind(f) == Catalog.FieldKind.ENUM ? catalog.enums.get(f.type().name()) : null;
        if (en == null) {
            return name -> null;
        }
        return name -> en.values().stream().filter(v -> v.name().equals(name)).findFirst().map(Catalog::valueName).orElse(name);
    }

    ColumnType type(Field f) {
        ColumnType base = rules.asReadBack(baseType(f));
        return f.type().list() && rules.listsAreArrays() ? base.withArrayDims(1) : base;
    }

    /** The type without list dimensions. */
    ColumnType baseType(Field f) {
        if (f.type().unsupported() != null) {
            return ColumnType.of(f.type().unsupported().strip().toLowerCase(Locale.ROOT));
        }
        Block.Enum en = catalog.enums.get(f.type().name());
        if (en != null) {
            return rules.enumTypes() ? ColumnType.enumRef(catalog.qualifiedEnum(en, defaultSchema))
                    : ColumnType.of("enum").withEnumValues(en.values().stream().map(Catalog::valueName).toList());
        }
        Optional<Attribute> nat = f.attributes().stream().filter(a -> a.name().startsWith("db.")).findFirst();
        if (nat.isPresent() && f.type().name().equals("Boolean") && nat.get().name().equals("db." + rules.booleanNativeType())) {
            return ScalarTypes.of(provider).get("Boolean"); // the Boolean's own type, e.g. MySQL's TINYINT(1)
        }
        if (nat.isPresent()) {
            NativeTypes.Spec spec = NativeTypes.of(provider.prismaName()).get(nat.get().name().substring(3));
            List<Integer> args = nat.get().args().stream().map(a -> Integer.valueOf(((Expr.Num) a.value()).text())).toList();
            return spec.type().apply(args);
        }
        return ScalarTypes.of(provider).get(f.type().name());
    }
}
