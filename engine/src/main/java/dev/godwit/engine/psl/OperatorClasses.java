package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Arg;
import dev.godwit.engine.psl.ast.Expr;

import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL operator classes of index keys ({@code @@index([data(ops: JsonbPathOps)], type: Gin)}).
 * The schema model keeps only non-default ones, as the catalog is read the same way: a key with
 * its type's default class for the index method is the same index with or without the name.
 */
public final class OperatorClasses {
    /** Default classes for the methods that have no per-type naming rule (PostgreSQL's pg_opclass.opcdefault). */
    private static final Set<String> DEFAULTS = Set.of(
            "gin:array_ops", "gin:jsonb_ops", "gin:tsvector_ops",
            "gist:box_ops", "gist:circle_ops", "gist:multirange_ops", "gist:point_ops", "gist:poly_ops", "gist:range_ops",
            "gist:tsquery_ops", "gist:tsvector_ops",
            "spgist:box_ops", "spgist:inet_ops", "spgist:poly_ops", "spgist:quad_point_ops", "spgist:range_ops", "spgist:text_ops",
            "brin:box_inclusion_ops", "brin:inet_inclusion_ops", "brin:range_inclusion_ops");

    private static final Set<String> BTREE_HASH_NON_DEFAULTS = Set.of("bpchar_pattern_ops", "cidr_ops", "record_image_ops",
            "text_pattern_ops", "varchar_ops", "varchar_pattern_ops");

    /** The operator classes the schema language names (others are written {@code raw("name")}). */
    private static final java.util.List<String> NAMED = java.util.List.of("InetOps", "JsonbOps", "JsonbPathOps", "ArrayOps", "TextOps",
            "BitMinMaxOps", "VarBitMinMaxOps", "BpcharBloomOps", "BpcharMinMaxOps", "ByteaBloomOps", "ByteaMinMaxOps",
            "DateBloomOps", "DateMinMaxOps", "DateMinMaxMultiOps", "Float4BloomOps", "Float4MinMaxOps", "Float4MinMaxMultiOps",
            "Float8BloomOps", "Float8MinMaxOps", "Float8MinMaxMultiOps", "InetInclusionOps", "InetBloomOps", "InetMinMaxOps",
            "InetMinMaxMultiOps", "Int2BloomOps", "Int2MinMaxOps", "Int2MinMaxMultiOps", "Int4BloomOps", "Int4MinMaxOps",
            "Int4MinMaxMultiOps", "Int8BloomOps", "Int8MinMaxOps", "Int8MinMaxMultiOps", "NumericBloomOps", "NumericMinMaxOps",
            "NumericMinMaxMultiOps", "OidBloomOps", "OidMinMaxOps", "OidMinMaxMultiOps", "TextBloomOps", "TextMinMaxOps",
            "TimestampBloomOps", "TimestampMinMaxOps", "TimestampMinMaxMultiOps", "TimestampTzBloomOps", "TimestampTzMinMaxOps",
            "TimestampTzMinMaxMultiOps", "TimeBloomOps", "TimeMinMaxOps", "TimeMinMaxMultiOps", "TimeTzBloomOps", "TimeTzMinMaxOps",
            "TimeTzMinMaxMultiOps", "UuidBloomOps", "UuidMinMaxOps");

    private OperatorClasses() {
    }

    /** How a schema file writes the class: its name in the schema language, or {@code raw("sql_name")}. */
    public static String pslName(String sqlName) {
        for (String named : NAMED) {
            if (sqlName(new Expr.Const(named, null)).equals(sqlName)) {
                return named;
            }
        }
        return "raw(\"" + sqlName.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
    }

    /** The SQL name of an {@code ops:} value: {@code JsonbPathOps} is {@code jsonb_path_ops}, {@code raw("x")} is {@code x}. */
    public static String sqlName(Expr ops) {
        if (ops instanceof Expr.Call call && call.name().equals("raw")) {
            return call.args().stream().map(Arg::value).filter(Expr.Str.class::isInstance)
                    .map(e -> ((Expr.Str) e).value()).findFirst().orElse(null);
        }
        if (!(ops instanceof Expr.Const c)) {
            return null;
        }
        String base = c.name().endsWith("Ops") ? c.name().substring(0, c.name().length() - 3) : c.name();
        // Words PostgreSQL writes as one: int4_minmax_ops, timestamptz_…, timetz_…, varbit_…
        base = base.replace("MinMax", "Minmax").replace("TimestampTz", "Timestamptz").replace("TimeTz", "Timetz")
                .replace("VarBit", "Varbit");
        return base.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toLowerCase(Locale.ROOT) + "_ops";
    }

    /** The class as the model keeps it: null when it is the default for the method (and so not written). */
    public static String normalised(String method, String opclass) {
        return opclass == null || isDefault(method, opclass) ? null : opclass;
    }

    static boolean isDefault(String method, String opclass) {
        String m = method == null ? "btree" : method.toLowerCase(Locale.ROOT);
        return switch (m) {
            // btree and hash: every built-in class is its type's default except these (pg_opclass.opcdefault = f)
            case "btree", "hash" -> !BTREE_HASH_NON_DEFAULTS.contains(opclass);
            // brin: minmax is each type's default, bloom and minmax_multi are not
            case "brin" -> (opclass.endsWith("_minmax_ops") && !opclass.startsWith("inet_")) || DEFAULTS.contains("brin:" + opclass);
            default -> DEFAULTS.contains(m + ":" + opclass);
        };
    }
}
