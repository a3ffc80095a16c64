package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.migrate.sql.StatementShape.Kind;
import dev.godwit.engine.Provider;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

import java.util.List;

/**
 * Reads a statement into a {@link StatementShape}. JSqlParser names the statement and its table where it
 * understands the statement; the clauses that decide locks ({@code CONCURRENTLY}, {@code NOT VALID},
 * {@code ALGORITHM=}) are read from godwit's own tokens, which JSqlParser's tree keeps only in part, and
 * the tokens alone serve where JSqlParser gives up. Nothing here throws on syntax it does not know: such
 * a statement is {@link Kind#OTHER}.
 */
public final class ShapeReader {
    /** Longer statements (routine bodies, data loads) are not worth a parse: none of them is DDL the rules read. */
    private static final int PARSE_LIMIT = 20_000;

    private ShapeReader() {
    }

    public static StatementShape read(SqlStatement st, Provider provider) {
        List<String> t = StatementKeywords.leading(st.text(), Integer.MAX_VALUE, provider);
        Lexed lexed = lexed(t);
        String parsedTable = st.text().length() <= PARSE_LIMIT ? parsedTable(st.text(), lexed.kind) : null;
        String table = parsedTable != null ? parsedTable : lexed.table;
        return new StatementShape(st, lexed.kind, table, qualifier(t, lexed), t, lexed.actions, parsedTable != null ? "jsqlparser" : "lexer");
    }

    private record Lexed(Kind kind, String table, List<List<String>> actions) {
    }

    /** The schema written before the table's name ({@code "auth"."User"} → auth), or null when it has none. */
    private static String qualifier(List<String> t, Lexed lexed) {
        if (lexed.table == null) {
            return null;
        }
        for (int i = 1; i < t.size(); i++) {
            if (Tokens.name(t.get(i)).equals(lexed.table) && (i + 1 >= t.size() || !t.get(i + 1).equals("."))) {
                return i >= 2 && t.get(i - 1).equals(".") ? Tokens.name(t.get(i - 2)) : null;
            }
        }
        return null;
    }

    private static Lexed lexed(List<String> t) {
        if (t.isEmpty()) {
            return new Lexed(Kind.OTHER, null, List.of());
        }
        String first = t.get(0);
        if (first.equals("ALTER") && t.size() > 2 && t.get(1).equals("TABLE")) {
            int i = skip(t, 2, "IF", "EXISTS");
            i = skip(t, i, "ONLY");
            int end = Tokens.nameEnd(t, i);
            List<String> rest = end < t.size() ? t.subList(end, t.size()) : List.of();
            return new Lexed(Kind.ALTER_TABLE, Tokens.name(t.get(Math.min(end, t.size()) - 1)), Tokens.splitTopLevel(rest));
        }
        if (first.equals("CREATE")) {
            int on = Tokens.indexOf(t, 0, "ON");
            int index = Tokens.indexOf(t, 0, "INDEX");
            if (index > 0 && index <= 3 && on > index) {
                int i = skip(t, on + 1, "ONLY");
                int end = Tokens.nameEnd(t, i);
                return new Lexed(Kind.CREATE_INDEX, i < t.size() ? Tokens.name(t.get(end - 1)) : null, List.of(t.subList(Math.min(end, t.size()), t.size())));
            }
            int table = Tokens.indexOf(t, 0, "TABLE");
            if (table > 0 && table <= 3) {
                int i = skip(t, table + 1, "IF", "NOT", "EXISTS");
                return new Lexed(Kind.CREATE_TABLE, i < t.size() ? Tokens.name(t.get(Tokens.nameEnd(t, i) - 1)) : null, List.of());
            }
        }
        if (first.equals("DROP") && t.size() > 2) {
            if (t.get(1).equals("INDEX")) {
                // MySQL names the table: DROP INDEX i ON t.
                int on = Tokens.indexOf(t, 2, "ON");
                String table = on > 0 && on + 1 < t.size() ? Tokens.name(t.get(Tokens.nameEnd(t, on + 1) - 1)) : null;
                return new Lexed(Kind.DROP_INDEX, table, List.of(t));
            }
            if (t.get(1).equals("TABLE")) {
                int i = skip(t, 2, "IF", "EXISTS");
                return new Lexed(Kind.DROP_TABLE, i < t.size() ? Tokens.name(t.get(Tokens.nameEnd(t, i) - 1)) : null, List.of(t));
            }
        }
        if (first.equals("RENAME") && t.size() > 2 && t.get(1).equals("TABLE")) {
            return new Lexed(Kind.RENAME_TABLE, Tokens.name(t.get(Tokens.nameEnd(t, 2) - 1)), List.of(t));
        }
        if (first.equals("TRUNCATE")) {
            int i = skip(t, skip(t, 1, "TABLE"), "ONLY");
            return new Lexed(Kind.TRUNCATE, i < t.size() ? Tokens.name(t.get(Tokens.nameEnd(t, i) - 1)) : null, List.of(t));
        }
        if (first.equals("SET")) {
            return new Lexed(Kind.SET, null, List.of(t));
        }
        if (first.equals("BEGIN") || Tokens.startsWith(t, "START", "TRANSACTION")) {
            return new Lexed(Kind.BEGIN, null, List.of(t));
        }
        if (first.equals("COMMIT") || first.equals("END") || first.equals("ROLLBACK")) {
            return new Lexed(Kind.COMMIT, null, List.of(t));
        }
        return new Lexed(Kind.OTHER, null, List.of(t));
    }

    private static int skip(List<String> t, int i, String... words) {
        for (String w : words) {
            if (i < t.size() && t.get(i).equals(w)) {
                i++;
            }
        }
        return i;
    }

    /** The table JSqlParser finds in a statement of the kind the tokens say, or null when it cannot parse it. */
    private static String parsedTable(String sql, Kind kind) {
        if (kind == Kind.OTHER || kind == Kind.SET || kind == Kind.BEGIN || kind == Kind.COMMIT) {
            return null;
        }
        Statement parsed;
        try {
            parsed = CCJSqlParserUtil.parse(sql, p -> p.withTimeOut(2_000));
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            return null;   // syntax JSqlParser does not know: the tokens decide
        }
        Table table = null;
        if (parsed instanceof Alter a && kind == Kind.ALTER_TABLE) {
            table = a.getTable();
        } else if (parsed instanceof CreateIndex ci && kind == Kind.CREATE_INDEX) {
            table = ci.getTable();
        } else if (parsed instanceof CreateTable ct && kind == Kind.CREATE_TABLE) {
            table = ct.getTable();
        } else if (parsed instanceof Drop d && kind == Kind.DROP_TABLE) {
            table = d.getName();
        } else if (parsed instanceof Truncate tr && kind == Kind.TRUNCATE) {
            table = tr.getTable();
        }
        return table == null || table.getName() == null ? null : Tokens.name(table.getName());
    }
}
