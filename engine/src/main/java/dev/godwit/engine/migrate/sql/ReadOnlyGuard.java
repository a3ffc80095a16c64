package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.Provider;

import java.util.List;
import java.util.Objects;

/**
 * Decides, before anything runs, whether SQL typed for {@code sql} is plainly read-only. Where the
 * database offers one, a READ ONLY transaction is the second wall; on MySQL/MariaDB, where DDL commits
 * by itself, this is the wall, so it refuses whatever it does not recognise as a read.
 *
 * <p>The text is split and judged under every reading of the server's quoting settings that changes
 * where strings end (PostgreSQL: standard_conforming_strings on and off; MySQL: backslash escapes
 * or NO_BACKSLASH_ESCAPES, with or without ANSI_QUOTES): all readings must cut the same statements
 * and find each a read, so {@code select '\'; drop table t; -- '} is refused whatever the server's
 * mode. Each statement is judged on its tokens ({@link ReadOnlyRules}) and, where JSqlParser parses
 * it, on its parse tree as well ({@link ParsedReadCheck}); either can refuse.
 */
public final class ReadOnlyGuard {

    /** A statement that does not pass, and why. {@code index} is 1-based; {@code of} the number of statements. */
    public record Refusal(int index, int of, String excerpt, String reason) {
        /** "«drop table t» (statement 2 of 3) drops a table". */
        public String message() {
            return "«" + excerpt + "» " + (of > 1 ? "(statement " + index + " of " + of + ") " : "") + reason;
        }
    }

    private ReadOnlyGuard() {
    }

    /** Null when every statement is plainly a read; else the first refusal. */
    public static Refusal checkReadOnly(String text, Provider p) {
        Objects.requireNonNull(text, "text");
        List<SqlStatement> canonical = SqlSplitter.split(text, p);
        for (boolean[] reading : readings(p)) {
            List<SqlStatement> statements = SqlSplitter.split(text, p, reading[0], reading[1]);
            if (!sameCuts(canonical, statements)) {
                return new Refusal(1, canonical.size(), excerpt(text),
                        "splits into statements differently depending on the server's quoting settings "
                                + (SqlGrammar.of(p) == SqlGrammar.MYSQL_LIKE ? "(NO_BACKSLASH_ESCAPES, ANSI_QUOTES)" : "(standard_conforming_strings)")
                                + ", so the guard cannot tell what would run");
            }
            for (SqlStatement st : statements) {
                String why = ReadOnlyRules.whyNotRead(ReadOnlyRules.tokens(st.text(), p, reading[0], reading[1]), p);
                if (why != null) {
                    return new Refusal(st.index(), statements.size(), excerpt(st.text()), why);
                }
            }
        }
        for (SqlStatement st : canonical) {
            String why = ParsedReadCheck.whyNotRead(st.text());
            if (why != null) {
                return new Refusal(st.index(), canonical.size(), excerpt(st.text()), why);
            }
        }
        return null;
    }

    /**
     * With {@code --write}: the statements run in one transaction that godwit commits after the user
     * confirms, so transaction control inside them is still refused (a COMMIT would end that
     * transaction early, a ROLLBACK undo part of what was confirmed). Null when there is none.
     */
    public static Refusal checkWrite(String text, Provider p) {
        for (boolean[] reading : readings(p)) {
            List<SqlStatement> statements = SqlSplitter.split(text, p, reading[0], reading[1]);
            for (SqlStatement st : statements) {
                List<ReadOnlyRules.Token> t = ReadOnlyRules.tokens(st.text(), p, reading[0], reading[1]);
                if (!t.isEmpty() && t.get(0).kind() == SqlLexer.Kind.WORD
                        && WriteStatements.TRANSACTION_CONTROL.equals(WriteStatements.describe(t, 0))
                        && !(t.get(0).word("BEGIN") && t.size() > 1 && t.get(1).word("NOT"))) {
                    return new Refusal(st.index(), statements.size(), excerpt(st.text()),
                            "is transaction control: sql --write runs the statements in one transaction and commits it after you confirm");
                }
            }
        }
        return null;
    }

    /** {backslash escapes in plain strings, ANSI_QUOTES}, the server's default first. */
    private static boolean[][] readings(Provider p) {
        return SqlGrammar.of(p) == SqlGrammar.MYSQL_LIKE
                ? new boolean[][]{{true, false}, {false, false}, {true, true}, {false, true}}
                : new boolean[][]{{false, false}, {true, false}};
    }

    private static boolean sameCuts(List<SqlStatement> a, List<SqlStatement> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).text().equals(b.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    /** The statement on one line, cut to 60 characters. */
    static String excerpt(String sql) {
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < sql.length() && sb.length() < 60; i++) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.length() >= 60 ? sb.append('…').toString() : sb.toString();
    }
}
