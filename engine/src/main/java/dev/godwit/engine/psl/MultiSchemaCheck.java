package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Several database schemas ({@code schemas = [...]} in the datasource, {@code @@schema} on models and enums), checked
 * as Prisma 7 checks them: PostgreSQL only; a non-empty list without repeats; every model and enum in a listed schema.
 */
final class MultiSchemaCheck {
    static final String NOT_DEFINED = "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema";

    private MultiSchemaCheck() {
    }

    /** The datasource's {@code schemas}: errors here stop Prisma before it looks at the models. */
    static void datasource(Block.Config datasource, Provider provider, List<PslError> errors) {
        Optional<Block.Setting> setting = datasource.setting("schemas");
        if (setting.isEmpty()) {
            return;
        }
        Expr value = setting.get().value();
        if (!ModelRules.of(provider).multipleSchemas()) {
            errors.add(new PslError("The `schemas` property is not supported on the current connector.", value.span()));
            return;
        }
        if (!(value instanceof Expr.Array array) || array.items().stream().anyMatch(i -> !(i instanceof Expr.Str))) {
            errors.add(new PslError("The `schemas` property must be an array of strings, e.g. [\"base\", \"auth\"].", value.span()));
            return;
        }
        if (array.items().isEmpty()) {
            errors.add(new PslError("If provided, the schemas array can not be empty.", value.span()));
            return;
        }
        Set<String> seen = new HashSet<>();
        if (array.items().stream().anyMatch(i -> !seen.add(((Expr.Str) i).value()))) {
            errors.add(new PslError("Duplicated schema names are not allowed", value.span()));
        }
    }

    /** {@code @@schema} on the models and enums (Prisma's attribute round). */
    static void blocks(Catalog catalog, Provider provider, List<PslError> errors) {
        boolean listed = catalog.file.blocks().stream().anyMatch(b -> b instanceof Block.Config c && c.keyword().equals("datasource")
                && c.setting("schemas").isPresent());
        for (Block b : catalog.file.blocks()) {
            Block subject = b instanceof Block.View v ? v.body() : b;
            List<Attribute> attributes = subject instanceof Block.Model m ? m.attributes()
                    : subject instanceof Block.Enum e ? e.attributes() : null;
            if (attributes == null) {
                continue;
            }
            Optional<Attribute> schema = attributes.stream().filter(a -> a.name().equals("schema")).findFirst();
            if (schema.isPresent()) {
                if (!ModelRules.of(provider).multipleSchemas()) {
                    errors.add(new PslError("@@schema is not supported on the current datasource provider", argumentSpan(schema.get())));
                } else if (!catalog.namespaces.contains(Catalog.string(schema.get(), "name", 0).orElse(""))) {
                    errors.add(new PslError(NOT_DEFINED, schema.get().span()));
                }
            } else if (listed && ModelRules.of(provider).multipleSchemas()) {
                if (subject instanceof Block.Model m) {
                    errors.add(new PslError("Error validating " + (b instanceof Block.View ? "view" : "model") + " \"" + m.name()
                            + "\": This " + (b instanceof Block.View ? "view" : "model") + " is missing an `@@schema` attribute.", b.span()));
                } else {
                    errors.add(new PslError("This enum is missing an `@@schema` attribute.", b.span()));
                }
            }
        }
    }

    private static dev.godwit.engine.psl.ast.Span argumentSpan(Attribute a) {
        return a.arg("name", 0).map(arg -> arg.value().span()).orElse(a.span());
    }
}
