package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.migrate.sql.SqlLexer.Kind;
import dev.godwit.engine.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The opening tokens of a statement, read with the same lexer the splitter uses. */
public final class StatementKeywords {

    private StatementKeywords() {
    }

    /**
     * The first {@code n} significant tokens of {@code statementText}, skipping white space and
     * comments, e.g. {@code [CREATE, INDEX, CONCURRENTLY]}. Unquoted words are upper-cased;
     * every other token (quoted identifier, string, number, punctuation, MySQL executable
     * comment) is returned verbatim, so {@code "CONCURRENTLY"} in quotes never equals the
     * keyword. Only as much of the text as needed is scanned.
     */
    public static List<String> leading(String statementText, int n, Provider p) {
        Objects.requireNonNull(statementText, "statementText");
        Objects.requireNonNull(p, "provider");
        List<String> out = new ArrayList<>(Math.max(0, Math.min(n, 16)));
        SqlLexer lx = new SqlLexer(statementText, p);
        while (out.size() < n) {
            Kind k = lx.next();
            if (k == Kind.EOF) {
                break;
            }
            if (!k.significant()) {
                continue;
            }
            String token = statementText.substring(lx.start, lx.end);
            out.add(k == Kind.WORD ? token.toUpperCase(Locale.ROOT) : token);
        }
        return out;
    }

    /**
     * The values of the plain {@code '…'} string literals of the statement (quotes doubled inside them
     * undone), e.g. to see whether it uses a value another statement added. Other forms of strings
     * ({@code E'…'}, dollar quotes) are not read.
     */
    public static List<String> stringLiterals(String statementText, Provider p) {
        List<String> out = new ArrayList<>();
        SqlLexer lx = new SqlLexer(statementText, p);
        for (Kind k = lx.next(); k != Kind.EOF; k = lx.next()) {
            String token = statementText.substring(lx.start, lx.end);
            if (k == Kind.STRING && token.length() >= 2 && token.startsWith("'") && token.endsWith("'")) {
                out.add(token.substring(1, token.length() - 1).replace("''", "'"));
            }
        }
        return out;
    }
}
