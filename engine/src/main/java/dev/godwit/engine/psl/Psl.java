package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Span;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.SchemaFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Entry point for Prisma schema files: {@code Psl.parse("schema.prisma", text)} gives a checked
 * {@link PslSchema} or throws one {@link PslException} with every problem found. Nothing else escapes.
 */
public final class Psl {
    private Psl() {
    }

    /**
     * Reads and checks a schema file (UTF-8), or a folder of them (Prisma's multi-file schema); errors
     * name the file as given and the line within it.
     */
    public static PslSchema parseFile(java.nio.file.Path file) {
        return parse(new SourceText(SchemaFiles.read(file)));
    }

    /** Syntax only: the tree, or every syntax error. */
    public static SchemaFile parseSyntax(String fileName, String text) {
        List<PslError> errors = new ArrayList<>();
        SchemaFile file = Parser.parse(fileName, text, errors);
        if (!errors.isEmpty()) {
            throw new PslException(new SourceText(fileName, text), sorted(errors));
        }
        return file;
    }

    public static PslSchema parse(String fileName, String text) {
        return parse(new SourceText(fileName, text));
    }

    /** Checks the schema of {@code source} (one file, or the files of a folder read as one). */
    public static PslSchema parse(SourceText source) {
        String fileName = source.fileName();
        String text = source.text();
        List<PslError> errors = new ArrayList<>();
        SchemaFile file;
        try {
            file = Parser.parse(fileName, text, errors);
        } catch (StackOverflowError | RuntimeException e) {
            errors.add(new PslError("The schema could not be read: " + e, new Span(0, 0)));
            throw new PslException(source, errors);
        }
        Catalog catalog = new Catalog(file);
        Datasource ds = datasource(file, errors);
        Unsupported.check(file, file.blocks().stream().filter(b -> b instanceof Block.Config c && c.keyword().equals("datasource"))
                .map(b -> (Block.Config) b).findFirst().orElse(null), errors);
        Provider family = ds == null || ds.provider() == null ? Provider.ASSUMED : ds.provider();
        String provider = family.prismaName();
        List<Relation> relations = List.of();
        try {
            if (errors.isEmpty()) {
                NameCheck.run(catalog, errors);
            }
            if (errors.isEmpty()) {
                // Prisma's rounds: attributes first, then relation and model rules, native types last
                List<PslError> rules = new ArrayList<>();
                List<PslError> natives = new ArrayList<>();
                MultiSchemaCheck.blocks(catalog, family, errors);
                Validator.validate(catalog, provider, errors, rules, natives);
                relations = Relations.resolve(catalog, errors, rules);
                if (ModelRules.of(family).nativeTypesWithAttributes()) {
                    // as Prisma's connector for this family reports them
                    errors.addAll(natives);
                    natives.clear();
                }
                if (errors.isEmpty()) {
                    errors.addAll(rules);
                }
                if (errors.isEmpty()) {
                    errors.addAll(natives);
                }
            }
        } catch (RuntimeException e) {
            if (errors.isEmpty()) {
                errors.add(new PslError("The schema could not be checked: " + e, new Span(0, 0)));
            }
        }
        if (!errors.isEmpty()) {
            throw new PslException(source, sorted(errors));
        }
        return new PslSchema(file, ds, catalog, relations, SchemaWarnings.of(catalog, source));
    }

    private static List<PslError> sorted(List<PslError> errors) {
        return errors.stream().distinct().sorted(Comparator.comparingInt(e -> e.span().start())).toList();
    }

    private static Datasource datasource(SchemaFile file, List<PslError> errors) {
        List<Block.Config> sources = file.blocks().stream().filter(b -> b instanceof Block.Config c && c.keyword().equals("datasource"))
                .map(b -> (Block.Config) b).toList();
        if (sources.isEmpty()) {
            errors.add(new PslError("A datasource block is missing: add `datasource db { provider = \"postgresql\" }`.", new Span(0, 0)));
            return null;
        }
        for (int i = 1; i < sources.size(); i++) {
            errors.add(new PslError("You defined more than one datasource. This is not allowed yet because support for multiple databases has not been implemented yet.", sources.get(i).nameSpan()));
        }
        Block.Config c = sources.get(0);
        Provider provider = null;
        var p = c.setting("provider");
        if (p.isEmpty()) {
            errors.add(new PslError("The datasource `" + c.name() + "` has no `provider`.", c.nameSpan()));
        } else if (!(p.get().value() instanceof Expr.Str s)) {
            errors.add(new PslError("The `provider` must be a string, e.g. \"postgresql\".", p.get().value().span()));
        } else {
            provider = ModelRules.named(s.value()).map(ModelRules::provider).orElse(null);
            if (provider == null) {
                errors.add(new PslError("Datasource provider not known or not supported by godwit: \"" + s.value()
                        + "\". Use \"postgresql\" or \"mysql\".", s.span()));
            }
        }
        for (Block.Setting st : c.settings()) {
            switch (st.key()) {
                case "provider", "url", "shadowDatabaseUrl", "directUrl", "relationMode", "schemas", "extensions" -> {
                }
                default -> errors.add(new PslError("Property not known: \"" + st.key() + "\".", st.keySpan()));
            }
        }
        if (provider != null) {
            MultiSchemaCheck.datasource(c, provider, errors);
        }
        String relationMode = "foreignKeys";
        var mode = c.setting("relationMode");
        if (mode.isPresent()) {
            if (mode.get().value() instanceof Expr.Str m && (m.value().equals("prisma") || m.value().equals("foreignKeys"))) {
                relationMode = m.value();
            } else {
                errors.add(new PslError("Invalid relation mode: use \"foreignKeys\" or \"prisma\".", mode.get().value().span()));
            }
        }
        return new Datasource(c.name(), provider, url(c, "url", errors), url(c, "shadowDatabaseUrl", errors), url(c, "directUrl", errors),
                relationMode);
    }

    private static Datasource.Url url(Block.Config c, String key, List<PslError> errors) {
        var s = c.setting(key);
        if (s.isEmpty()) {
            return null;
        }
        Expr v = s.get().value();
        if (v instanceof Expr.Str str) {
            return new Datasource.Url(str.value(), null);
        }
        if (v instanceof Expr.Call call && call.name().equals("env") && call.args().size() == 1
                && call.args().get(0).value() instanceof Expr.Str var) {
            return new Datasource.Url(null, var.value());
        }
        errors.add(new PslError("The `" + key + "` must be a string or `env(\"VARIABLE\")`.", v.span()));
        return null;
    }
}
