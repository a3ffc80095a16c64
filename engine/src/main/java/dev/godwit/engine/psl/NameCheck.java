package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Field;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first round of checks, as Prisma orders them: names. Duplicate blocks, fields and enum values,
 * field types that name nothing, attributes that do not exist. Later rounds only run when this one passes.
 */
final class NameCheck {
    /**
     * Names the generated clients cannot use for a model or an enum: the client's own, and JavaScript's
     * reserved words (each one checked against Prisma 7.10.1, which rejects them all).
     */
    private static final Set<String> RESERVED_MODEL_NAMES = Set.of("PrismaClient", "async", "await", "break", "case", "catch",
            "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false",
            "finally", "for", "function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new", "null",
            "package", "private", "protected", "public", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
            "using", "var", "void", "while", "with", "yield");

    private NameCheck() {
    }

    static void run(Catalog catalog, List<PslError> errors) {
        Map<String, Block> names = new HashMap<>();
        for (Block b : catalog.file.blocks()) {
            if (b instanceof Block.Config) {
                continue;
            }
            Block prev = names.putIfAbsent(b.name(), b);
            if (prev != null) {
                errors.add(new PslError("The " + kind(b) + " \"" + b.name() + "\" cannot be defined because a " + kind(prev)
                        + " with that name already exists.", b.nameSpan()));
            }
            if (Catalog.SCALARS.contains(b.name()) || b.name().equals("Unsupported")) {
                errors.add(new PslError("\"" + b.name() + "\" is a reserved scalar type name and cannot be used.", b.nameSpan()));
            }
            if (b instanceof Block.Model m) {
                if (RESERVED_MODEL_NAMES.contains(m.name())) {
                    errors.add(new PslError("Error validating model \"" + m.name() + "\": The model name `" + m.name()
                            + "` is invalid. It is a reserved name. Please change it. Read more at https://pris.ly/d/naming-models", m.nameSpan()));
                }
                model(catalog, m, errors);
            } else if (b instanceof Block.Enum e) {
                if (RESERVED_MODEL_NAMES.contains(e.name())) {
                    errors.add(new PslError("Error validating enum `" + e.name() + "`: The enum name `" + e.name()
                            + "` is invalid. It is a reserved name. Please change it. Read more at "
                            + "https://www.prisma.io/docs/reference/tools-and-interfaces/prisma-schema/data-model#naming-enums", e.nameSpan()));
                }
                if (e.values().isEmpty()) {
                    errors.add(new PslError("Error validating: An enum must have at least one value.", e.nameSpan()));
                }
                Set<String> seen = new HashSet<>();
                for (Block.EnumValue v : e.values()) {
                    if (!seen.add(v.name())) {
                        errors.add(new PslError("Value \"" + v.name() + "\" is already defined on enum \"" + e.name() + "\".", v.nameSpan()));
                    }
                    v.attributes().stream().filter(a -> !a.name().equals("map")).forEach(a -> unknown("@", a, errors));
                }
                e.attributes().stream().filter(a -> !a.name().equals("map") && !a.name().equals("schema")).forEach(a -> unknown("@@", a, errors));
            }
        }
    }

    private static String kind(Block b) {
        return b instanceof Block.Model ? "model" : b instanceof Block.View ? "view" : "enum";
    }

    private static void unknown(String at, Attribute a, List<PslError> errors) {
        errors.add(new PslError("Attribute not known: \"" + at + a.name() + "\".", a.span()));
    }

    private static void model(Catalog catalog, Block.Model m, List<PslError> errors) {
        Set<String> seen = new HashSet<>();
        for (Field f : m.fields()) {
            if (!seen.add(f.name())) {
                errors.add(new PslError("Field \"" + f.name() + "\" is already defined on model \"" + m.name() + "\".", f.nameSpan()));
            }
            if (catalog.kind(f) == Catalog.FieldKind.UNKNOWN) {
                errors.add(new PslError("Type \"" + f.type().name() + "\" is neither a built-in type, nor refers to another model, composite type, or enum.",
                        f.type().span()));
            }
            f.attributes().stream().filter(a -> !Validator.known(a.name())).forEach(a -> unknown("@", a, errors));
        }
        m.attributes().stream().filter(a -> !Validator.knownBlock(a.name())).forEach(a -> unknown("@@", a, errors));
    }
}
