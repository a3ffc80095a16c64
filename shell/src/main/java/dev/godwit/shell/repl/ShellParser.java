package dev.godwit.shell.repl;

import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.Provider;
import dev.godwit.shell.session.CommandSplitter;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Splits shell lines into words for completion, and keeps an {@code sql} command open over
 * several lines until its statement ends with ';' outside quotes, dollar-quoted bodies and
 * comments (found by the engine's SQL lexer, for the database in use).
 */
public final class ShellParser extends DefaultParser {
    private final Supplier<Provider> provider;

    public ShellParser(Supplier<Provider> provider) {
        this.provider = provider;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && needsMore(line)) {
            throw new EOFError(-1, -1, "statement not terminated", ";");
        }
        return super.parse(line, cursor, context);
    }

    /** Whether the buffer is an sql command whose statement has not ended yet. */
    boolean needsMore(String line) {
        String s = line.stripLeading();
        if (!(s.startsWith("sql ") || s.startsWith("sql\n") || s.startsWith("sql\t"))) {
            return false;
        }
        List<String> options = new ArrayList<>();
        int start = CommandSplitter.sqlOptions(s, 3, options);
        if (options.contains("--help") || options.contains("-h") || s.substring(start).isBlank()) {
            return false;
        }
        return !SqlSplitter.endsWithCompleteStatement(s.substring(start), provider.get());
    }
}
