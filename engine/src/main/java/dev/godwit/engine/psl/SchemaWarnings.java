package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Arg;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * What Prisma 7 accepts with a warning. With foreign keys on PostgreSQL, SetNull on a relation whose
 * fields are required is a valid key that makes every delete of the referenced row fail.
 */
final class SchemaWarnings {
    private SchemaWarnings() {
    }

    /** The preview features Prisma 7.10 knows; it refuses a schema that names another. */
    private static final java.util.Set<String> PREVIEW_FEATURES = java.util.Set.of("fullTextSearchPostgres", "nativeDistinct",
            "partialIndexes", "postgresqlExtensions", "relationJoins", "schemaEngineDriverAdapters", "shardKeys",
            "strictUndefinedChecks", "typedSql", "views");

    static List<String> of(Catalog catalog, SourceText source) {
        List<String> out = new ArrayList<>();
        previewFeatures(catalog, source, out);
        for (Block.Model m : catalog.models.values()) {
            for (Field f : m.fields()) {
                f.attribute("relation").ifPresent(a -> setNullOnRequired(m, a, source, out));
            }
        }
        return out;
    }

    /**
     * Preview features of Prisma 6 that Prisma 7 no longer knows ("metrics", "driverAdapters", …) make Prisma 7
     * refuse the schema; they concern the client, not the database, so godwit says so and goes on.
     */
    private static void previewFeatures(Catalog catalog, SourceText source, List<String> out) {
        for (Block b : catalog.file.blocks()) {
            if (!(b instanceof Block.Config c) || !c.keyword().equals("generator")) {
                continue;
            }
            c.setting("previewFeatures").filter(s -> s.value() instanceof dev.godwit.engine.psl.ast.Expr.Array).ifPresent(s -> {
                for (var item : ((dev.godwit.engine.psl.ast.Expr.Array) s.value()).items()) {
                    if (item instanceof dev.godwit.engine.psl.ast.Expr.Str str && !PREVIEW_FEATURES.contains(str.value())) {
                        out.add(source.location(item.span()) + ": the preview feature \"" + str.value() + "\" is not known to Prisma 7, "
                                + "which refuses the schema for it; godwit ignores it (remove it for Prisma 7).");
                    }
                }
            });
        }
    }

    private static void setNullOnRequired(Block.Model m, Attribute relation, SourceText source, List<String> out) {
        List<String> fields = relation.named("fields").map(x -> Catalog.fieldNames(x.value())).orElse(List.of());
        boolean required = fields.stream().anyMatch(n -> n != null && m.field(n).map(f -> !f.type().optional()).orElse(false));
        if (!required) {
            return;
        }
        for (String action : List.of("onDelete", "onUpdate")) {
            relation.named(action).map(Arg::value).filter(v -> "SetNull".equals(Catalog.refName(v))).ifPresent(v -> out.add(
                    source.location(relation.span()) + ": the `" + action + "` referential action of a relation should not be set to "
                            + "`SetNull` when a referenced field is required: the database will refuse the change it is meant for. "
                            + "Choose another referential action, or make the referenced fields optional."));
        }
    }
}
