package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.psl.Catalog;
import dev.godwit.engine.psl.ConstraintNames;
import dev.godwit.engine.psl.PslError;

import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * On PostgreSQL primary keys, unique constraints and indexes share one namespace per schema, so two
 * models whose tables map to names that produce the same {@code T_pkey} (or two indexes named alike)
 * cannot both be created. Each attribute that produces a clashing name gets the error, as in Prisma.
 */
final class PostgresConstraintNameCheck {
    private record Named(String name, Attribute attribute, boolean onModel) {
    }

    private PostgresConstraintNameCheck() {
    }

    static void run(Catalog catalog, List<PslError> errors) {
        ConstraintNames names = new ConstraintNames(63);
        Map<String, List<Named>> byName = new LinkedHashMap<>();
        for (Block b : catalog.blocks()) {
            if (!(b instanceof Block.Model m) || m.attribute("ignore").isPresent()) {
                continue;
            }
            String table = Catalog.tableName(m);
            for (Named n : constraints(m, table, names)) {
                // several schemas: an index or constraint name is taken within its own schema only
                byName.computeIfAbsent(Catalog.namespace(m).orElse("") + '\0' + n.name(), k -> new ArrayList<>()).add(n);
            }
        }
        byName.values().stream().filter(l -> l.size() > 1).flatMap(List::stream).forEach(n -> errors.add(new PslError(
                "Error parsing attribute \"" + (n.onModel() ? "@@" : "@") + n.attribute().name() + "\": The given constraint name `" + n.name()
                        + "` has to be unique in the following namespace: global for primary key, indexes and unique constraints. "
                        + "Please provide a different name using the `map` argument.", n.attribute().span())));
    }

    private static List<Named> constraints(Block.Model m, String table, ConstraintNames names) {
        List<Named> out = new ArrayList<>();
        for (Field f : m.fields()) {
            if (f.type().list() && !f.has("id")) {
                continue;
            }
            String column = Catalog.columnName(f);
            f.attribute("id").ifPresent(a -> out.add(new Named(map(a).orElse(names.primaryKey(table)), a, false)));
            f.attribute("unique").ifPresent(a -> out.add(new Named(map(a).orElse(names.unique(table, List.of(column))), a, false)));
        }
        for (Attribute a : m.attributes()) {
            switch (a.name()) {
                case "id" -> {
                    // a model has one primary key: a second id criterion is an error of its own
                    if (out.stream().noneMatch(n -> n.attribute().name().equals("id"))) {
                        out.add(new Named(map(a).orElse(names.primaryKey(table)), a, true));
                    }
                }
                case "unique" -> out.add(new Named(map(a).orElse(names.unique(table, columns(m, a))), a, true));
                // an index's name: is its database name too (as the mapping takes it), unlike @@id's and @@unique's
                case "index" -> out.add(new Named(map(a).or(() -> Catalog.string(a, "name", -1))
                        .orElse(names.index(table, columns(m, a))), a, true));
                default -> {
                }
            }
        }
        return out;
    }

    private static Optional<String> map(Attribute a) {
        return Catalog.string(a, "map", -1);
    }

    private static List<String> columns(Block.Model m, Attribute a) {
        return a.arg("fields", 0).filter(arg -> arg.value() instanceof dev.godwit.engine.psl.ast.Expr.Array)
                .map(arg -> Catalog.fieldNames(arg.value())).orElse(List.of()).stream()
                .map(n -> n == null ? "" : m.field(n).map(Catalog::columnName).orElse(n)).toList();
    }
}
