package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A scalar, enum or Unsupported field → a column: type, nullability, default, numbering. */
final class ColumnMapper {
    private final Catalog catalog;
    private final Provider provider;

    ColumnMapper(Catalog catalog, Provider provider) {
        this.catalog = catalog;
        this.provider = provider;
    }

    Column column(Field f) {
        ColumnType type = type(f);
        boolean nullable = f.type().optional() || (f.type().list() && provider == Provider.POSTGRESQL);
        Column c = Column.of(Catalog.columnName(f), type, nullable);
        Optional<Attribute> def = f.attribute("default");
        if (def.isEmpty()) {
            return c;
        }
        Expr value = def.get().arg("value", 0).map(a -> a.value()).orElse(null);
        if (value instanceof Expr.Call call) {
            return switch (call.name()) {
                case "autoincrement" -> c.withIdentity(provider == Provider.POSTGRESQL ? Identity.SERIAL : Identity.AUTO_INCREMENT);
                case "now" -> c.withDefault(provider == Provider.POSTGRESQL || type.precision() == null ? "CURRENT_TIMESTAMP"
                        : "CURRENT_TIMESTAMP(" + type.precision() + ")");
                case "dbgenerated" -> call.args().isEmpty() ? c : c.withDefault(dbGenerated(((Expr.Str) call.args().get(0).value()).value()));
                default -> c; // uuid(), cuid(), nanoid(), ulid(): made by the client
            };
        }
        if (value == null || (provider == Provider.MYSQL && type.name().equals("json"))) {
            return c; // MySQL: Prisma writes no JSON default (MySQL refuses literal ones) and its differ ignores them
        }
        return c.withDefault(provider == Provider.POSTGRESQL ? PostgresLiterals.of(catalog, f, type, value) : mysqlLiteral(f, type, value));
    }

    private String dbGenerated(String sql) {
        String s = sql.strip();
        if (provider == Provider.POSTGRESQL) {
            return PostgresLiterals.expression(s);
        }
        return provider == Provider.MYSQL && !s.startsWith("(") && !s.startsWith("'") && !s.matches("-?\\d+(\\.\\d+)?")
                && !s.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP") ? "(" + s + ")" : s;
    }

    ColumnType type(Field f) {
        ColumnType base = baseType(f);
        if (provider == Provider.MYSQL && base.precision() != null && base.precision() == 0
                && (base.name().equals("datetime") || base.name().equals("timestamp") || base.name().equals("time"))) {
            base = base.withPrecision(null, null); // MySQL reads DATETIME(0) back as DATETIME
        }
        return f.type().list() && provider == Provider.POSTGRESQL ? base.withArrayDims(1) : base;
    }

    /** The type without list dimensions. */
    ColumnType baseType(Field f) {
        if (f.type().unsupported() != null) {
            return ColumnType.of(f.type().unsupported().strip().toLowerCase(Locale.ROOT));
        }
        Block.Enum en = catalog.enums.get(f.type().name());
        if (en != null) {
            return provider == Provider.POSTGRESQL ? ColumnType.enumRef(Catalog.enumName(en))
                    : ColumnType.of("enum").withEnumValues(en.values().stream().map(Catalog::valueName).toList());
        }
        Optional<Attribute> nat = f.attributes().stream().filter(a -> a.name().startsWith("db.")).findFirst();
        if (nat.isPresent() && provider == Provider.MYSQL && f.type().name().equals("Boolean") && nat.get().name().equals("db.TinyInt")) {
            return ScalarTypes.of(provider).get("Boolean"); // TinyInt is a Boolean's own type on MySQL: TINYINT(1)
        }
        if (nat.isPresent()) {
            NativeTypes.Spec spec = NativeTypes.of(provider == Provider.MYSQL ? "mysql" : "postgresql").get(nat.get().name().substring(3));
            List<Integer> args = nat.get().args().stream().map(a -> Integer.valueOf(((Expr.Num) a.value()).text())).toList();
            return spec.type().apply(args);
        }
        return ScalarTypes.of(provider).get(f.type().name());
    }

    private String mysqlLiteral(Field f, ColumnType type, Expr value) {
        if (value instanceof Expr.Const c) {
            if (catalog.kind(f) == Catalog.FieldKind.ENUM) {
                Block.Enum en = catalog.enums.get(f.type().name());
                return quote(en.values().stream().filter(v -> v.name().equals(c.name())).findFirst().map(Catalog::valueName).orElse(c.name()));
            }
            return c.name().equals("true") ? "1" : "0";
        }
        if (value instanceof Expr.Num n) {
            if (type.name().equals("decimal") && type.scale() != null) {
                return new java.math.BigDecimal(n.text()).setScale(type.scale(), java.math.RoundingMode.HALF_UP).toPlainString();
            }
            return n.text();
        }
        String s = ((Expr.Str) value).value();
        if (f.type().name().equals("Decimal") && s.matches("-?\\d+(\\.\\d+)?")) {
            return mysqlLiteral(f, type, new Expr.Num(s, value.span()));
        }
        if (f.type().name().equals("DateTime")) {
            java.time.OffsetDateTime t = Literals.dateTime(s);
            return quote(t == null ? s : mysqlDateTime(t, type.precision() == null ? 0 : type.precision()));
        }
        if (f.type().name().equals("Bytes")) {
            return "0x" + PostgresLiterals.hex(s).toUpperCase(Locale.ROOT);
        }
        return quote(s);
    }

    /**
     * MySQL and MariaDB keep a DATETIME(p) default with exactly p fractional digits
     * ('2024-01-01 00:00:00.000' for p = 3), so the mapping writes it that way to compare equal.
     */
    static String mysqlDateTime(java.time.OffsetDateTime v, int precision) {
        java.time.LocalDateTime t = v.toLocalDateTime();
        java.math.BigDecimal seconds = java.math.BigDecimal.valueOf(t.getSecond())
                .add(java.math.BigDecimal.valueOf(t.getNano()).movePointLeft(9)).setScale(precision, java.math.RoundingMode.HALF_EVEN);
        java.time.LocalDateTime whole = t.withSecond(0).withNano(0).plusSeconds(seconds.longValue());
        String fraction = precision == 0 ? "" : seconds.toPlainString().substring(seconds.toPlainString().indexOf('.'));
        return String.format("%s %02d:%02d:%02d%s", whole.toLocalDate(), whole.getHour(), whole.getMinute(), whole.getSecond(), fraction);
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
