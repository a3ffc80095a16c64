package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.psl.Literals;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.schema.ColumnType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Literal defaults as MySQL and MariaDB print them back, so that a mapped schema and an inspected one
 * compare equal.
 */
final class MysqlLiterals {
    private MysqlLiterals() {
    }

    static String of(Field f, ColumnType type, Expr value, UnaryOperator<String> enumValue) {
        if (value instanceof Expr.Const c) {
            String mapped = enumValue.apply(c.name());
            if (mapped != null) {
                return quote(mapped);
            }
            return c.name().equals("true") ? "1" : "0";
        }
        if (value instanceof Expr.Num n) {
            if (type.name().equals("decimal") && type.scale() != null) {
                return new BigDecimal(n.text()).setScale(type.scale(), RoundingMode.HALF_UP).toPlainString();
            }
            return n.text();
        }
        String s = ((Expr.Str) value).value();
        if (f.type().name().equals("Decimal") && s.matches("-?\\d+(\\.\\d+)?")) {
            return of(f, type, new Expr.Num(s, value.span()), enumValue);
        }
        if (f.type().name().equals("DateTime")) {
            OffsetDateTime t = Literals.dateTime(s);
            return quote(t == null ? s : dateTime(t, type.precision() == null ? 0 : type.precision()));
        }
        if (f.type().name().equals("Bytes")) {
            return "0x" + HexFormat.of().formatHex(Base64.getDecoder().decode(s)).toUpperCase(Locale.ROOT);
        }
        return quote(s);
    }

    /**
     * MySQL and MariaDB keep a DATETIME(p) default with exactly p fractional digits
     * ('2024-01-01 00:00:00.000' for p = 3), so the mapping writes it that way to compare equal.
     */
    static String dateTime(OffsetDateTime v, int precision) {
        LocalDateTime t = v.toLocalDateTime();
        BigDecimal seconds = BigDecimal.valueOf(t.getSecond())
                .add(BigDecimal.valueOf(t.getNano()).movePointLeft(9)).setScale(precision, RoundingMode.HALF_EVEN);
        LocalDateTime whole = t.withSecond(0).withNano(0).plusSeconds(seconds.longValue());
        String fraction = precision == 0 ? "" : seconds.toPlainString().substring(seconds.toPlainString().indexOf('.'));
        return String.format("%s %02d:%02d:%02d%s", whole.toLocalDate(), whole.getHour(), whole.getMinute(), whole.getSecond(), fraction);
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
