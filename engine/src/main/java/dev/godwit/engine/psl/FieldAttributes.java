package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Arg;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of one field's attributes: known names, no repeats, arguments, defaults, native types. */
final class FieldAttributes {
    private final Catalog catalog;
    private final Block.Model model;
    private final Field field;
    private final String provider;
    private final List<PslError> errors;

    /** Native type problems: Prisma reports them only when nothing else is wrong. */
    private final List<PslError> late;

    FieldAttributes(Catalog catalog, Block.Model model, Field field, String provider, List<PslError> errors, List<PslError> late) {
        this.late = late;
        this.catalog = catalog;
        this.model = model;
        this.field = field;
        this.provider = provider;
        this.errors = errors;
    }

    private void error(Attribute a, String message) {
        errors.add(new PslError("Error parsing attribute \"@" + a.name() + "\": " + message, a.span()));
    }

    void check() {
        Set<String> seen = new HashSet<>();
        Catalog.FieldKind kind = catalog.kind(field);
        boolean relation = kind == Catalog.FieldKind.RELATION;
        for (Attribute a : field.attributes()) {
            if (!Validator.known(a.name())) {
                continue;
            }
            String key = a.name().startsWith("db.") ? "db" : a.name();
            if (!seen.add(key)) {
                errors.add(new PslError("Attribute \"@" + a.name() + "\" can only be defined once.", a.span()));
                continue;
            }
            if (relation && !a.name().equals("relation") && !a.name().equals("ignore")) {
                error(a, "This attribute cannot be used on a relation field.");
                continue;
            }
            switch (a.name()) {
                case "relation" -> {
                    if (!relation) {
                        error(a, "The @relation attribute can only be used on relation fields.");
                    }
                    a.named("onDelete").ifPresent(x -> action(a, x));
                    a.named("onUpdate").ifPresent(x -> action(a, x));
                }
                case "id" -> {
                    if (field.type().optional() || field.type().list()) {
                        error(a, "Fields that are marked as id must be required.");
                    }
                }
                case "updatedAt" -> {
                    if (!field.type().name().equals("DateTime") || kind != Catalog.FieldKind.SCALAR) {
                        error(a, "Fields that are marked with @updatedAt must be of type DateTime.");
                    } else if (field.type().list()) {
                        error(a, "Fields that are marked with @updatedAt cannot be lists.");
                    }
                }
                case "map" -> {
                    if (Catalog.string(a, "name", 0).isEmpty()) {
                        error(a, "expected the column name as a string.");
                    }
                }
                case "default" -> new DefaultCheck(catalog, field, a, errors).check();
                default -> {
                    if (a.name().startsWith("db.")) {
                        nativeType(a, kind);
                    }
                }
            }
        }
    }

    private void action(Attribute a, Arg x) {
        String v = Catalog.refName(x.value());
        if (!(x.value() instanceof Expr.Const) || !Set.of("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault").contains(v)) {
            error(a, "Invalid referential action: `" + Expr.show(x.value()) + "`. Use Cascade, Restrict, NoAction, SetNull or SetDefault.");
        }
        // PostgreSQL foreign keys accept SET NULL on a NOT NULL column (the delete fails then), so Prisma 7 only
        // warns there; MySQL refuses such a key, and with relationMode = "prisma" nothing would refuse the delete:
        // Prisma rejects both, and so does godwit
        if ("SetNull".equals(v) && (catalog.relationModePrisma() || ModelRules.forSchema(provider).refusesSetNullOnRequired())) {
            List<String> fields = a.named("fields").map(f -> Catalog.fieldNames(f.value())).orElse(List.of());
            boolean anyRequired = fields.stream().anyMatch(n -> n != null && model.field(n).map(f -> !f.type().optional()).orElse(false));
            if (anyRequired) {
                error(a, "The `" + x.name() + "` referential action of a relation must not be set to `SetNull` when a referenced field is required.\n"
                        + "Either choose another referential action, or make the referenced fields optional.");
            }
        }
    }

    private void nativeType(Attribute a, Catalog.FieldKind kind) {
        String type = a.name().substring(3);
        NativeTypes.Spec spec = NativeTypes.of(provider).get(type);
        if (spec == null) {
            late.add(new PslError("Native type " + type + " is not supported for " + provider + " connector.", a.span()));
            return;
        }
        if (kind != Catalog.FieldKind.SCALAR || !spec.scalars().contains(field.type().name())) {
            late.add(new PslError("Native type " + type + " is not compatible with declared field type " + field.type().name()
                    + ", expected field type " + String.join(" or ", spec.scalars().stream().sorted().toList()) + ".", a.span()));
            return;
        }
        if (a.args().size() < spec.minArgs() || a.args().size() > spec.maxArgs()) {
            late.add(new PslError("Native type " + type + " takes " + (spec.minArgs() == spec.maxArgs() ? spec.minArgs()
                    : spec.minArgs() + " to " + spec.maxArgs()) + " arguments, but received " + a.args().size() + ".", a.span()));
            return;
        }
        List<Integer> values = new java.util.ArrayList<>();
        for (Arg arg : a.args()) {
            if (!(arg.value() instanceof Expr.Num n) || !n.text().matches("\\d{1,9}")) {
                late.add(new PslError("Expected a numeric value, but failed while parsing \"" + Expr.show(arg.value()) + "\".", arg.span()));
                return;
            }
            values.add(Integer.valueOf(((Expr.Num) arg.value()).text()));
        }
        String range = NativeTypeRanges.problem(provider, type, values, field.type().name());
        if (range != null) {
            late.add(new PslError(range, a.span()));
        }
    }
}
