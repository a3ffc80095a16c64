package dev.godwit.engine.psl;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.util.List;

/**
 * A schema file that cannot be used: every problem found, each with its place. The message is
 * the full report ({@link SourceText#render}); {@link #errors()} gives the problems one by one.
 */
public final class PslException extends GodwitException {
    private final transient SourceText source;
    private final List<PslError> errors;

    public PslException(SourceText source, List<PslError> errors) {
        super(ErrorKind.USAGE, source.render(errors), "fix the schema file and run the command again");
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    public List<PslError> errors() {
        return errors;
    }

    /** Each error's place as {@code file:line:column}. */
    public List<String> locations() {
        return errors.stream().map(e -> source.location(e.span())).toList();
    }

    /** The 1-based line of each error. */
    public List<Integer> lines() {
        return errors.stream().map(e -> source.line(e.span().start())).toList();
    }

    public SourceText source() {
        return source;
    }
}
