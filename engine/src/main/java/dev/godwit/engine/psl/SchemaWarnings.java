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

    static List<String> of(Catalog catalog, SourceText source) {
        List<String> out = new ArrayList<>();
        for (Block.Model m : catalog.models.values()) {
            for (Field f : m.fields()) {
                f.attribute("relation").ifPresent(a -> setNullOnRequired(m, a, source, out));
            }
        }
        return out;
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
