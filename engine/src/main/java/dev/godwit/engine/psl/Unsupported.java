package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.SchemaFile;

import java.util.List;

/**
 * Schema-language features godwit does not carry out yet. They are errors at their line rather
 * than ignored: ignoring {@code extensions} would leave types like {@code citext} undefined, a database Prisma would not make.
 */
final class Unsupported {

    private Unsupported() {
    }

    static void check(SchemaFile file, Block.Config datasource, List<PslError> errors) {
        if (datasource != null) {
            datasource.settings().stream().filter(s -> s.key().equals("extensions")).forEach(s -> errors.add(new PslError(
                    previewOn(file, "postgresqlExtensions")
                            ? "godwit does not create PostgreSQL extensions yet: create them in a migration of their own "
                            + "(CREATE EXTENSION IF NOT EXISTS …) and remove `extensions` from the datasource."
                            : "The `extensions` property is only available with the `postgresqlExtensions` preview feature.",
                    s.keySpan())));
        }
        boolean views = previewOn(file, "views");
        for (Block b : file.blocks()) {
            if (b instanceof Block.View v && !views) {
                errors.add(new PslError("Error validating: View definitions are only available with the `views` preview feature.",
                        v.span()));
            }
        }
    }

    /** Whether a generator block lists the preview feature. */
    static boolean previewOn(SchemaFile file, String feature) {
        return file.blocks().stream().filter(b -> b instanceof Block.Config c && c.keyword().equals("generator"))
                .map(b -> ((Block.Config) b).setting("previewFeatures"))
                .flatMap(java.util.Optional::stream)
                .anyMatch(s -> s.value() instanceof Expr.Array a && a.items().stream()
                        .anyMatch(i -> i instanceof Expr.Str str && str.value().equals(feature)));
    }
}
