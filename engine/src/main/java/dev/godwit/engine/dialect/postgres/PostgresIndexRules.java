package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.psl.Catalog;
import dev.godwit.engine.psl.PslError;

import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's index rules as Prisma 7.10 checks them (its connector's index validations): no Xml column in an
 * index, SP-GiST on one column only, and the field types and operator classes GIN, GiST, SP-GiST and BRIN take.
 * An operator class given as {@code raw("…")} is left to the database, as Prisma leaves it.
 */
final class PostgresIndexRules {
    private static final Set<String> BRIN_NATIVES = Set.of("Bit", "VarBit", "Char", "Date", "Real", "DoublePrecision", "Inet",
            "SmallInt", "Integer", "BigInt", "Decimal", "Oid", "ByteA", "Uuid", "Text", "VarChar", "Time", "Timetz",
            "Timestamp", "Timestamptz");
    private static final Set<String> BRIN_SCALARS = Set.of("String", "Bytes", "DateTime", "Float", "Int", "BigInt", "Decimal");

    private final List<PslError> errors;

    private PostgresIndexRules(List<PslError> errors) {
        this.errors = errors;
    }

    static void check(Catalog catalog, List<PslError> errors) {
        PostgresIndexRules r = new PostgresIndexRules(errors);
        for (Block b : catalog.blocks()) {
            if (b instanceof Block.Model m) {
                r.model(m);
            }
        }
    }

    private void model(Block.Model m) {
        for (Field f : m.fields()) {
            if (f.has("unique") && nativeType(f).filter("Xml"::equals).isPresent()) {
                errors.add(new PslError("Native type `Xml` cannot be unique in Postgres.", f.span()));
            }
        }
        for (Attribute a : m.attributes()) {
            if (!a.name().equals("index") && !a.name().equals("unique")) {
                continue;
            }
            List<Expr> items = a.arg("fields", 0).map(x -> x.value() instanceof Expr.Array arr ? arr.items() : List.<Expr>of()).orElse(List.of());
            for (Expr item : items) {
                Optional<Field> f = Optional.ofNullable(Catalog.refName(item)).flatMap(m::field);
                if (f.isPresent() && nativeType(f.get()).filter("Xml"::equals).isPresent()) {
                    errors.add(new PslError(a.name().equals("unique") ? "Native type `Xml` cannot be unique in Postgres."
                            : "You cannot define an index on fields with native type `Xml` of Postgres.", f.get().span()));
                    break;
                }
            }
            String algo = a.named("type").map(t -> Catalog.refName(t.value())).orElse("BTree");
            if (algo.equals("SpGist") && items.size() > 1) {
                error(a, "SpGist does not support multi-column indices.");
            }
            if (Set.of("Gin", "Gist", "SpGist", "Brin").contains(algo)) {
                for (Expr item : items) {
                    Optional<Field> f = Optional.ofNullable(Catalog.refName(item)).flatMap(m::field);
                    f.ifPresent(field -> field(a, algo, field, opclass(item)));
                }
            }
        }
    }

    /** One field of a GIN, GiST, SP-GiST or BRIN index (Prisma's generalized index validations). */
    private void field(Attribute a, String algo, Field f, Expr opclassExpr) {
        if (opclassExpr instanceof Expr.Call c && c.name().equals("raw")) {
            return;
        }
        String opclass = opclassExpr == null ? null : Catalog.refName(opclassExpr);
        String nat = nativeType(f).orElse(null);
        String scalar = f.type().name();
        boolean list = f.type().list();
        boolean json = scalar.equals("Json");
        switch (algo) {
            case "Gist" -> {
                if (!("Inet".equals(nat) && "InetOps".equals(opclass))) {
                    generic(a, algo, f, nat, opclass);
                }
            }
            case "Gin" -> {
                if ((nat == null && opclass == null && json) || (opclass == null && list)
                        || ("JsonB".equals(nat) && (opclass == null || opclass.equals("JsonbOps") || opclass.equals("JsonbPathOps")))) {
                    return;
                }
                if (nat == null && ("JsonbOps".equals(opclass) || "JsonbPathOps".equals(opclass))) {
                    if (!json) {
                        error(a, "The given operator class `" + opclass + "` points to the field `" + f.name() + "` that is not of Json type.");
                    }
                } else if ("ArrayOps".equals(opclass)) {
                    if (!list) {
                        error(a, "The given operator class `ArrayOps` expects the type of field `" + f.name() + "` to be an array.");
                    }
                } else {
                    generic(a, algo, f, nat, opclass);
                }
            }
            case "SpGist" -> {
                if (("Inet".equals(nat) && (opclass == null || opclass.equals("InetOps")))
                        || (nat == null && opclass == null && scalar.equals("String"))
                        || (Set.of("Text", "VarChar", "Char").contains(String.valueOf(nat)) && (opclass == null || opclass.equals("TextOps")))) {
                    return;
                }
                if (nat == null && "TextOps".equals(opclass)) {
                    if (!scalar.equals("String")) {
                        error(a, "The given operator class `TextOps` points to the field `" + f.name() + "` that is not of String type.");
                    }
                } else {
                    generic(a, algo, f, nat, opclass);
                }
            }
            default -> { // Brin: operator classes are the database's to judge here
                if (opclass == null && !(nat == null ? BRIN_SCALARS.contains(scalar) : BRIN_NATIVES.contains(nat))) {
                    generic(a, algo, f, nat, null);
                }
            }
        }
    }

    private void generic(Attribute a, String algo, Field f, String nat, String opclass) {
        if (nat != null && opclass != null) {
            error(a, "The given operator class `" + opclass + "` does not support native type `" + nat + "` of field `" + f.name() + "`.");
        } else if (nat != null) {
            error(a, "The " + algo + " index field type `" + nat + "` has no default operator class.");
        } else if (opclass != null) {
            error(a, "The given operator class `" + opclass + "` expects the field `" + f.name() + "` to define a valid native type.");
        } else if (!supports(algo, f)) {
            error(a, "The " + algo + " index type does not support the type of the field `" + f.name() + "`.");
        }
    }

    private static boolean supports(String algo, Field f) {
        String t = f.type().name();
        if (f.type().unsupported() != null) {
            return true;
        }
        return switch (algo) {
            case "Gist", "SpGist" -> t.equals("String");
            case "Gin" -> t.equals("Json") || f.type().list();
            case "Brin" -> BRIN_SCALARS.contains(t);
            default -> true;
        };
    }

    private static Expr opclass(Expr item) {
        if (item instanceof Expr.Call c) {
            return c.args().stream().filter(x -> "ops".equals(x.name())).map(x -> x.value()).findFirst().orElse(null);
        }
        return null;
    }

    private static Optional<String> nativeType(Field f) {
        return f.attributes().stream().map(Attribute::name).filter(n -> n.startsWith("db.")).map(n -> n.substring(3)).findFirst();
    }

    private void error(Attribute a, String message) {
        errors.add(new PslError("Error parsing attribute \"@@" + a.name() + "\": " + message, a.span()));
    }
}
