package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Span;

import dev.godwit.engine.psl.ast.Arg;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of a parsed schema that do not need relations: names, types, attributes. */
final class Validator {
    private static final Set<String> FIELD_ATTRIBUTES = Set.of("id", "default", "unique", "relation", "map", "updatedAt", "ignore");
    private static final Set<String> BLOCK_ATTRIBUTES = Set.of("id", "unique", "index", "map", "ignore", "schema", "fulltext");

    private final Catalog catalog;
    private final List<PslError> errors;
    private final String provider;

    /** Problems Prisma finds in its later validation round: reported only when nothing earlier is wrong. */
    private final List<PslError> late;

    private final List<PslError> natives;

    private Validator(Catalog catalog, String provider, List<PslError> errors, List<PslError> late, List<PslError> natives) {
        this.late = late;
        this.natives = natives;
        this.catalog = catalog;
        this.provider = provider;
        this.errors = errors;
    }

    /** Adds the problems found to {@code errors}; model rules go to {@code late} and native types to {@code natives} (later rounds). */
    static void validate(Catalog catalog, String provider, List<PslError> errors, List<PslError> late, List<PslError> natives) {
        new Validator(catalog, provider, errors, late, natives).run();
    }

    private void error(String message, dev.godwit.engine.psl.ast.Span span) {
        errors.add(new PslError(message, span));
    }

    /** The rules of the schema's database family. */
    private ModelRules rules() {
        return ModelRules.forSchema(provider);
    }

    private void run() {
        ModelRules.named(provider).ifPresent(r -> r.checkSchema(catalog, errors));
        IdentifierLengthCheck.run(catalog, provider, errors);
        KeyArguments.check(catalog.file, provider, errors, late);
        Map<String, Block> names = new HashMap<>();
        Map<String, Block> tables = new HashMap<>();
        for (Block b : catalog.file.blocks()) {
            if (b instanceof Block.Config) {
                continue;
            }
            Block prev = names.putIfAbsent(b.name(), b);
            if (b instanceof Block.Model m) {
                // several schemas: a table name is taken within its own schema only
                Block other = tables.putIfAbsent(Catalog.namespace(m).orElse("") + '\0' + Catalog.tableName(m), m);
                if (other != null && prev == null) {
                    error("The model with database name \"" + Catalog.tableName(m) + "\" could not be defined because another model or view with this name exists: \""
                            + other.name() + "\"", m.attribute("map").map(Attribute::span).orElse(m.nameSpan()));
                }
                model(m);
            } else if (b instanceof Block.Enum e) {
                enumBlock(e);
            }
        }
    }

    private void enumBlock(Block.Enum e) {
        Set<String> seen = new HashSet<>();
        Set<String> dbSeen = new HashSet<>();
        for (Block.EnumValue v : e.values()) {
            if (seen.add(v.name()) && !dbSeen.add(Catalog.valueName(v))) {
                error("The database name \"" + Catalog.valueName(v) + "\" of value \"" + v.name() + "\" is already used on enum \"" + e.name() + "\".", v.nameSpan());
            }
        }
    }

    private void model(Block.Model m) {
        Set<String> seen = new HashSet<>();
        Set<String> columns = new HashSet<>();
        int ids = 0;
        for (Field f : m.fields()) {
            Catalog.FieldKind kind = catalog.kind(f);
            if (!seen.add(f.name()) || kind == Catalog.FieldKind.UNKNOWN) {
                continue;
            }
            if (kind != Catalog.FieldKind.RELATION && !columns.add(Catalog.columnName(f))) {
                error("Field \"" + f.name() + "\" is already defined on model \"" + m.name() + "\" under the database name \""
                        + Catalog.columnName(f) + "\".", f.nameSpan());
            }
            if (f.type().list() && kind != Catalog.FieldKind.RELATION && !rules().listsAreArrays()) {
                error("Field \"" + f.name() + "\" in model \"" + m.name() + "\" can't be a list. The current connector does not support lists of primitive types.", f.type().span());
            }
            if (f.has("id")) {
                ids++;
            }
            new FieldAttributes(catalog, m, f, provider, errors, natives).check();
        }
        List<Attribute> blockIds = m.attributes("id");
        if (blockIds.size() > 1) {
            blockIds.forEach(a -> error("Attribute \"@id\" can only be defined once.", a.span()));
        } else if (ids > 0 && !blockIds.isEmpty()) {
            error("Error validating model \"" + m.name() + "\": Each model must have at most one id criteria. "
                    + "You can't have `@id` and `@@id` at the same time.", m.nameSpan());
        } else if (ids > 1) {
            error("Error validating model \"" + m.name() + "\": At most one field must be marked as the id field with the `@id` attribute.",
                    m.nameSpan());
        }
        for (Attribute a : m.attributes()) {
            if (!BLOCK_ATTRIBUTES.contains(a.name())) {
                continue;
            }
            switch (a.name()) {
                case "id", "unique", "index", "fulltext" -> fieldList(m, a);
                case "map" -> {
                    if (Catalog.string(a, "name", 0).isEmpty()) {
                        error("Error parsing attribute \"@@map\": expected the table name as a string.", a.span());
                    }
                }
                default -> {
                }
            }
        }
        ModelRules.named(provider).ifPresent(r -> r.check(m, errors));
        if (ids == 0 && blockIds.isEmpty() && !m.attribute("ignore").isPresent() && !hasUniqueCriterion(m)) {
            late.add(new PslError("Error validating model \"" + m.name() + "\": Each model must have at least one unique criteria that has only required fields. "
                    + "Either mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` to the model.", m.nameSpan()));
        }
    }

    private boolean hasUniqueCriterion(Block.Model m) {
        for (Field f : m.fields()) {
            if (f.has("unique") && !f.type().optional() && !f.type().list()) {
                return true;
            }
        }
        return m.attributes("unique").stream().anyMatch(a -> a.arg("fields", 0).map(x -> Catalog.fieldNames(x.value()).stream()
                .allMatch(n -> n != null && m.field(n).map(f -> !f.type().optional()).orElse(false))).orElse(false));
    }

    private void fieldList(Block.Model m, Attribute a) {
        Arg fields = a.arg("fields", 0).orElse(null);
        if (fields == null || !(fields.value() instanceof Expr.Array arr) || arr.items().isEmpty()) {
            error("Error parsing attribute \"@@" + a.name() + "\": The `fields` argument must be a non-empty list of field names.", a.span());
            return;
        }
        for (Expr item : arr.items()) {
            String n = Catalog.refName(item);
            Field f = n == null ? null : m.field(n).orElse(null);
            if (f == null) {
                error("Error validating model \"" + m.name() + "\": The " + (a.name().equals("index") ? "index" : a.name().equals("id") ? "id" : "unique criteria")
                        + " definition refers to the unknown fields: " + (n == null ? Expr.show(item) : n) + ".", item.span());
            } else if (catalog.kind(f) == Catalog.FieldKind.RELATION) {
                error("Error validating model \"" + m.name() + "\": The " + a.name() + " definition refers to the relation field `" + n
                        + "`. It must refer to scalar fields only.", item.span());
            } else if (a.name().equals("id") && f.type().optional()) {
                error("Error validating model \"" + m.name() + "\": The id definition refers to the optional field `" + n + "`. Id definitions must reference only required fields.", item.span());
            }
        }
        a.named("type").ifPresent(t -> {
            String v = Catalog.refName(t.value());
            if (!a.name().equals("index") || v == null || !Set.of("BTree", "Hash", "Gin", "Gist", "SpGist", "Brin").contains(v)) {
                error("Error parsing attribute \"@@" + a.name() + "\": Unknown index type `" + Expr.show(t.value()) + "`.", t.span());
            } else if (!rules().indexTypes().contains(v)) {
                error("Error parsing attribute \"@@index\": The given index type is not supported with the current connector", t.span());
            }
        });
    }

    static boolean knownBlock(String name) {
        return BLOCK_ATTRIBUTES.contains(name);
    }

    static boolean known(String name) {
        return FIELD_ATTRIBUTES.contains(name) || name.startsWith("db.");
    }
}
