package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.psl.ast.SchemaFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Arguments of keys and indexes that a connector does not take, as Prisma 7.10 rejects them:
 * {@code length:} on PostgreSQL, {@code clustered:} anywhere (SQL Server only), {@code where:} without the
 * {@code partialIndexes} preview feature; and MySQL text and blob columns in a key without a length.
 */
final class KeyArguments {
    /** MySQL types that cannot be a key column without a prefix length. */
    private static final Set<String> MYSQL_NEEDS_LENGTH = Set.of("Text", "LongText", "MediumText", "TinyText",
            "Blob", "TinyBlob", "MediumBlob", "LongBlob");

    private final String provider;
    private final boolean partialIndexes;
    private final List<PslError> errors;
    private final List<PslError> late;

    private KeyArguments(String provider, boolean partialIndexes, List<PslError> errors, List<PslError> late) {
        this.provider = provider;
        this.partialIndexes = partialIndexes;
        this.errors = errors;
        this.late = late;
    }

    /** Problems go to {@code errors}: Prisma reports them in its attribute round. */
    static void check(SchemaFile file, String provider, List<PslError> errors, List<PslError> late) {
        KeyArguments k = new KeyArguments(provider, Unsupported.previewOn(file, "partialIndexes"), errors, late);
        for (Block b : file.blocks()) {
            if (b instanceof Block.Model m) {
                k.model(m);
            }
        }
    }

    private void model(Block.Model m) {
        for (Field f : m.fields()) {
            for (String kind : List.of("id", "unique")) {
                f.attribute(kind).ifPresent(a -> {
                    arguments(a, "@" + kind, kind.equals("id"), a.named("length").isPresent());
                    if (ModelRules.forSchema(provider).indexPrefixLengths() && a.named("length").isEmpty()) {
                        textKey(m, List.of(f.name()), kind, a);
                    }
                });
            }
        }
        for (Attribute a : m.attributes()) {
            if (!Set.of("id", "unique", "index").contains(a.name())) {
                continue;
            }
            List<Expr> items = a.arg("fields", 0).map(x -> x.value() instanceof Expr.Array arr ? arr.items() : List.<Expr>of()).orElse(List.of());
            boolean lengths = items.stream().anyMatch(i -> i instanceof Expr.Call c && c.args().stream().anyMatch(x -> "length".equals(x.name())));
            arguments(a, "@@" + a.name(), a.name().equals("id"), lengths);
            if (a.name().equals("index") || a.name().equals("unique")) {
                a.named("where").ifPresent(w -> errors.add(new PslError(partialIndexes
                        ? "godwit does not support partial indexes (`where:`) yet: create the index in a migration of its own "
                        + "(CREATE INDEX … WHERE …) and leave it out of the schema; plan leaves it as it is."
                        : "Error parsing attribute \"@@" + a.name() + "\": Partial indexes are a preview feature. "
                        + "Add \"partialIndexes\" to previewFeatures in your generator block.", a.span())));
            }
            if (ModelRules.forSchema(provider).indexPrefixLengths()) {
                List<String> unlimited = new ArrayList<>();
                for (Expr i : items) {
                    boolean hasLength = i instanceof Expr.Call c && c.args().stream().anyMatch(x -> "length".equals(x.name()));
                    if (!hasLength && Catalog.refName(i) != null) {
                        unlimited.add(Catalog.refName(i));
                    }
                }
                textKey(m, unlimited, a.name(), a);
            }
        }
    }

    private void arguments(Attribute a, String shown, boolean primaryKey, boolean length) {
        if (length && !ModelRules.forSchema(provider).indexPrefixLengths()) {
            errors.add(new PslError("Error parsing attribute \"" + shown + "\": The length argument is not supported in "
                    + (primaryKey ? "the primary key" : "an index definition") + " with the current connector", a.span()));
        }
        if (a.named("clustered").isPresent()) {
            errors.add(new PslError("Error parsing attribute \"" + shown + "\": Defining clustering is not supported in the current connector.", a.span()));
        }
    }

    /** MySQL: a text or blob column in a key needs a length (the first such field is named, as Prisma does). */
    private void textKey(Block.Model m, List<String> fields, String kind, Attribute a) {
        for (String name : fields) {
            Optional<String> type = m.field(name).flatMap(f -> f.attributes().stream().map(Attribute::name)
                    .filter(n -> n.startsWith("db.")).map(n -> n.substring(3)).findFirst()).filter(MYSQL_NEEDS_LENGTH::contains);
            if (type.isEmpty()) {
                continue;
            }
            String guide = " Please use the `length` argument to the field in the index definition to allow this.";
            String message = switch (kind) {
                case "id" -> "Native type `" + type.get() + "` of MySQL cannot be used on a field that is `@id` or `@@id`." + guide;
                case "unique" -> "Native type `" + type.get() + "` cannot be unique in MySQL." + guide;
                default -> "You cannot define an index on fields with native type `" + type.get() + "` of MySQL." + guide;
            };
            errors.add(new PslError(message, a.span()));
            return;
        }
    }
}
