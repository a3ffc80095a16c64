package dev.godwit.engine.psl.ast;


import java.util.List;
import java.util.Optional;

/**
 * {@code @name(args)} on a field or enum value, {@code @@name(args)} on a block. {@code name} is
 * without the at signs, e.g. {@code default}, {@code db.VarChar}, {@code unique}.
 */
public record Attribute(String name, List<Arg> args, Span span) {
    public Attribute {
        args = List.copyOf(args);
    }

    /** The named argument, or the positional one at {@code position} when it has no name. */
    public Optional<Arg> arg(String argName, int position) {
        for (Arg a : args) {
            if (argName.equals(a.name())) {
                return Optional.of(a);
            }
        }
        int i = 0;
        for (Arg a : args) {
            if (a.name() == null) {
                if (i == position) {
                    return Optional.of(a);
                }
                i++;
            }
        }
        return Optional.empty();
    }

    public Optional<Arg> named(String argName) {
        return args.stream().filter(a -> argName.equals(a.name())).findFirst();
    }
}
