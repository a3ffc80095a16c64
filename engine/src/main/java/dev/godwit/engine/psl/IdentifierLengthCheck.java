package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Field;

import java.util.List;
import java.util.Optional;

/**
 * Names longer than the database keeps: PostgreSQL cuts identifiers at 63 bytes, MySQL refuses more than 64
 * characters. A constraint or index name given with {@code map:} gets Prisma's own error; a table or column
 * name (a model or field name, or its {@code @@map}/{@code @map}) is an error here too, where Prisma lets
 * PostgreSQL cut it silently and the next diff then finds a table that is not there.
 */
final class IdentifierLengthCheck {
    private IdentifierLengthCheck() {
    }

    static void run(Catalog catalog, String provider, List<PslError> errors) {
        Optional<ModelRules> rules = ModelRules.named(provider);
        if (rules.isEmpty()) {
            return;
        }
        IdentifierLimit limit = rules.get().identifierLimit();
        for (Block b : catalog.file.blocks()) {
            if (!(b instanceof Block.Model m)) {
                continue;
            }
            String table = Catalog.tableName(m);
            if (limit.tooLong(table)) {
                errors.add(new PslError("Error validating model \"" + m.name() + "\": the table name `" + table + "` is too long for "
                        + limit.database() + ": " + atMost(limit) + " (give a shorter name with @@map)",
                        m.attribute("map").map(Attribute::span).orElse(m.nameSpan())));
            }
            for (Field f : m.fields()) {
                String column = Catalog.columnName(f);
                if (limit.tooLong(column)) {
                    errors.add(new PslError("Error validating field `" + f.name() + "` in model `" + m.name() + "`: the column name `" + column
                            + "` is too long for " + limit.database() + ": " + atMost(limit) + " (give a shorter name with @map)",
                            f.attribute("map").map(Attribute::span).orElse(f.nameSpan())));
                }
                for (String kind : List.of("id", "unique", "relation")) {
                    f.attribute(kind).ifPresent(a -> mapName(m, a, "@" + kind, limit, errors));
                }
            }
            for (Attribute a : m.attributes()) {
                if (List.of("id", "unique", "index", "fulltext").contains(a.name())) {
                    mapName(m, a, "@@" + a.name(), limit, errors);
                }
            }
        }
    }

    private static void mapName(Block.Model m, Attribute a, String label, IdentifierLimit limit, List<PslError> errors) {
        Optional<String> name = Catalog.string(a, "map", -1);
        if (name.isPresent() && limit.tooLong(name.get())) {
            errors.add(new PslError("Error validating model \"" + m.name() + "\": The constraint name '" + name.get()
                    + "' specified in the `map` argument for the `" + label + "` constraint is too long for your chosen provider. "
                    + "The maximum allowed length is " + limit.unit() + ".", a.span()));
        }
    }

    private static String atMost(IdentifierLimit limit) {
        return "at most " + limit.unit();
    }
}
