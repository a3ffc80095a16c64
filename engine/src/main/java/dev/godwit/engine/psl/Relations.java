package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Pairs relation fields into relations and checks the relation rules. */
final class Relations {
    private final Catalog catalog;
    private final List<PslError> errors;
    private final List<PslError> ambiguities = new ArrayList<>();
    private final List<PslError> found = new ArrayList<>();

    /** Unknown fields in {@code fields}/{@code references}: found while reading attributes, like Prisma. */
    private final List<PslError> unknownFields = new ArrayList<>();
    private final List<PslError> reported;
    private final List<PslError> later;

    private Relations(Catalog catalog, List<PslError> errors, List<PslError> later) {
        this.catalog = catalog;
        this.errors = found;
        this.reported = errors;
        this.later = later;
    }

    /**
     * Pairs the relation fields. Unknown field names and ambiguous relations go to {@code errors}; the
     * relation rules (opposite fields, counts, types, uniqueness) to {@code later}, which Prisma reports
     * only when the first kind is absent.
     */
    static List<Relation> resolve(Catalog catalog, List<PslError> errors, List<PslError> later) {
        return new Relations(catalog, errors, later).run();
    }

    private record Side(Block.Model model, Field field) {
    }

    static String relationName(Field f) {
        return f.attribute("relation").flatMap(a -> Catalog.string(a, "name", 0)).orElse(null);
    }

    private List<Relation> run() {
        Map<String, List<Side>> groups = new LinkedHashMap<>();
        for (Block.Model m : catalog.models.values()) {
            for (Field f : m.fields()) {
                if (catalog.kind(f) != Catalog.FieldKind.RELATION) {
                    continue;
                }
                String a = m.name();
                String b = f.type().name();
                String key = (a.compareTo(b) <= 0 ? a + "\0" + b : b + "\0" + a) + "\0" + Objects.toString(relationName(f), "\1");
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Side(m, f));
            }
        }
        List<Relation> out = new ArrayList<>();
        for (List<Side> group : groups.values()) {
            Relation r = pair(group);
            if (r != null) {
                out.add(r);
            }
        }
        // Prisma reports ambiguous relations alone: the other relation errors would follow from them.
        reported.addAll(unknownFields);
        reported.addAll(ambiguities);
        if (ambiguities.isEmpty()) {
            later.addAll(found);
        }
        return out;
    }

    private void error(Side s, String message) {
        errors.add(new PslError("Error validating field `" + s.field.name() + "` in model `" + s.model.name() + "`: " + message, s.field.span()));
    }

    private Relation pair(List<Side> group) {
        Side first = group.get(0);
        boolean self = first.model.name().equals(first.field.type().name());
        Side a;
        Side b;
        if (self) {
            if (group.size() == 1) {
                error(first, "The relation field `" + first.field.name() + "` on model `" + first.model.name()
                        + "` is missing an opposite relation field on the model `" + first.model.name() + "`. Either run `prisma format` or add it manually.");
                return null;
            }
            if (group.size() > 2) {
                ambiguous(group);
                return null;
            }
            a = group.get(0);
            b = group.get(1);
        } else {
            List<Side> left = group.stream().filter(s -> s.model.name().equals(first.model.name())).toList();
            List<Side> right = group.stream().filter(s -> !s.model.name().equals(first.model.name())).toList();
            if (left.size() > 1 || right.size() > 1) {
                ambiguous(left.size() > 1 ? left : right);
                return null;
            }
            if (right.isEmpty()) {
                error(first, "The relation field `" + first.field.name() + "` on model `" + first.model.name()
                        + "` is missing an opposite relation field on the model `" + first.field.type().name() + "`. Either run `prisma format` or add it manually.");
                if (hasFields(first.field) && !first.field.type().list()) {
                    // Prisma checks the arguments of a one-sided relation too
                    checkFields(first, new Relation(Relation.Kind.ONE_TO_MANY, relationName(first.field), first.model, first.field,
                            catalog.models.get(first.field.type().name()), null));
                }
                return null;
            }
            a = left.get(0);
            b = right.get(0);
        }
        String name = relationName(a.field);
        boolean aList = a.field.type().list();
        boolean bList = b.field.type().list();
        boolean aFields = hasFields(a.field);
        boolean bFields = hasFields(b.field);
        if (aList && bList) {
            if (aFields || bFields) {
                error(aFields ? a : b, "Implicit many-to-many relations must not use the `fields` or `references` argument.");
                return null;
            }
            // both sides are reported, as Prisma does (a self relation names the same model twice)
            boolean singleIds = true;
            for (Side s : List.of(a, b)) {
                Block.Model related = catalog.models.get(s.field.type().name());
                boolean singleId = related.fields().stream().anyMatch(f -> f.has("id"));
                if (!singleId) {
                    error(s, "The relation field `" + s.field.name() + "` on model `" + s.model.name() + "` references `" + related.name()
                            + "` which does not have an `@id` field. Models without `@id` cannot be part of a many to many relation. "
                            + "Use an explicit intermediate Model to represent this relationship.");
                    singleIds = false;
                }
            }
            if (!singleIds) {
                return null;
            }
            boolean aFirst = self ? a.field.name().compareTo(b.field.name()) <= 0 : a.model.name().compareTo(b.model.name()) <= 0;
            Side x = aFirst ? a : b;
            Side y = aFirst ? b : a;
            return new Relation(Relation.Kind.MANY_TO_MANY, name, x.model, x.field, y.model, y.field);
        }
        Side fk;
        Side ref;
        if (aList || bList) {
            fk = aList ? b : a;
            ref = aList ? a : b;
            if (!hasFields(fk.field)) {
                error(fk, "The relation field `" + fk.field.name() + "` on Model `" + fk.model.name()
                        + "` must specify the `fields` argument in the @relation attribute. You can run `prisma format` to fix this automatically.");
                return null;
            }
            if (hasFields(ref.field)) {
                error(ref, "The relation field `" + ref.field.name() + "` on a list must not specify the `fields` or `references` argument.");
                return null;
            }
        } else {
            if (aFields == bFields) {
                if (aFields) {
                    for (Side s : List.of(a, b)) {
                        Side o = s == a ? b : a;
                        error(s, "The relation fields `" + s.field.name() + "` on Model `" + s.model.name() + "` and `" + o.field.name() + "` on Model `"
                                + o.model.name() + "` both provide the `fields` and `references` arguments in the @relation attribute. You have to provide them only on one of the two fields.");
                    }
                } else {
                    error(b, "The relation fields `" + a.field.name() + "` and `" + b.field.name()
                            + "` do not provide the `fields` argument in the @relation attribute. One side of a one-to-one relation must hold it.");
                }
                return null;
            }
            fk = aFields ? a : b;
            ref = aFields ? b : a;
            if (!ref.field.type().optional()) {
                error(ref, "The side of a one-to-one relation without `fields` must be optional: use `" + ref.field.type().name() + "?`.");
            }
        }
        Relation r = new Relation(aList || bList ? Relation.Kind.ONE_TO_MANY : Relation.Kind.ONE_TO_ONE, name, fk.model, fk.field,
                catalog.models.get(fk.field.type().name()), ref.field);
        return checkFields(fk, r) ? r : null;
    }

    private static boolean hasFields(Field f) {
        return f.attribute("relation").map(a -> a.named("fields").isPresent() || a.named("references").isPresent()).orElse(false);
    }

    /** One error for a set of fields that cannot be told apart, at the first of them. */
    private void ambiguous(List<Side> sides) {
        Side s = sides.get(0);
        ambiguities.add(new PslError("Error validating model \"" + s.model.name() + "\": Ambiguous relation detected. The fields "
                + String.join(" and ", sides.stream().map(x -> "`" + x.field.name() + "`").toList())
                + " in model `" + s.model.name() + "` both refer to `" + s.field.type().name()
                + "`. Please provide different relation names for them by adding `@relation(<name>)`.", s.field.span()));
    }

    private boolean checkFields(Side fk, Relation r) {
        List<String> fields = r.fields();
        List<String> refs = r.references();
        Attribute attr = fk.field.attribute("relation").orElseThrow();
        int before = unknownFields.size();
        if (attr.named("references").isEmpty()) {
            errors.add(new PslError("Error parsing attribute \"@relation\": The `references` argument is missing: it must name the referenced fields.", attr.span()));
            return false;
        }
        if (attr.named("fields").isEmpty()) {
            errors.add(new PslError("Error parsing attribute \"@relation\": The `fields` argument is missing: it must name the local fields.", attr.span()));
            return false;
        }
        for (String f : fields) {
            if (f == null || fk.model.field(f).filter(x -> isColumn(x)).isEmpty()) {
                unknownFields.add(new PslError("Error validating: The argument fields must refer only to existing scalar fields. The following fields do not exist in model `"
                        + fk.model.name() + "`: " + f, attr.span()));
            }
        }
        for (String f : refs) {
            if (f == null || r.other().field(f).filter(x -> isColumn(x)).isEmpty()) {
                unknownFields.add(new PslError("Error validating: The argument `references` must refer only to existing fields in the related model `"
                        + r.other().name() + "`. The following fields do not exist in the related model: " + f, attr.span()));
            }
        }
        if (unknownFields.size() > before) {
            return false;
        }
        if (fields.size() != refs.size()) {
            errors.add(new PslError("Error validating: You must specify the same number of fields in `fields` and `references`.", attr.span()));
            return false;
        }
        if (!fk.field.type().optional() && fields.stream().anyMatch(f -> fk.model.field(f).map(x -> x.type().optional()).orElse(false))) {
            errors.add(new PslError("Error validating: The relation field `" + fk.field.name() + "` uses the scalar fields "
                    + String.join(", ", fields) + ". At least one of those fields is optional. Hence the relation field must be optional as well.",
                    fk.field.span()));
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            Field local = fk.model.field(fields.get(i)).orElseThrow();
            Field remote = r.other().field(refs.get(i)).orElseThrow();
            if (!local.type().name().equals(remote.type().name())) {
                errors.add(new PslError("Error parsing attribute \"@relation\": The type of the field `" + local.name() + "` in the model `" + fk.model.name()
                        + "` is not matching the type of the referenced field `" + remote.name() + "` in model `" + r.other().name() + "`.", attr.span()));
                return false;
            }
        }
        if (!isUnique(r.other(), refs)) {
            errors.add(new PslError("Error parsing attribute \"@relation\": The argument `references` must refer to a unique criterion in the related model. Consider adding an `@unique` attribute to the field `"
                    + String.join("`, `", refs) + "` in the model `" + r.other().name() + "`.", attr.span()));
            return false;
        }
        if (r.kind() == Relation.Kind.ONE_TO_ONE && !isUnique(fk.model, fields)) {
            errors.add(new PslError("Error parsing attribute \"@relation\": A one-to-one relation must use unique fields on the defining side. Either add an `@unique` attribute to the field `"
                    + String.join("`, `", fields) + "`, or change the relation to one-to-many.", attr.span()));
            return false;
        }
        return true;
    }

    private boolean isColumn(Field f) {
        Catalog.FieldKind k = catalog.kind(f);
        return k == Catalog.FieldKind.SCALAR || k == Catalog.FieldKind.ENUM || k == Catalog.FieldKind.UNSUPPORTED;
    }

    /** Whether the fields (in any order) are the id, a @unique field or a @@unique of the model. */
    boolean isUnique(Block.Model m, List<String> fields) {
        Set<String> want = Set.copyOf(fields.stream().filter(Objects::nonNull).toList());
        if (want.equals(Set.copyOf(catalog.idFields(m)))) {
            return true;
        }
        if (want.size() == 1 && m.field(fields.get(0)).map(f -> f.has("unique")).orElse(false)) {
            return true;
        }
        return m.attributes("unique").stream().anyMatch(a -> a.arg("fields", 0)
                .map(x -> Set.copyOf(Catalog.fieldNames(x.value()).stream().filter(Objects::nonNull).toList()).equals(want)).orElse(false));
    }
}
