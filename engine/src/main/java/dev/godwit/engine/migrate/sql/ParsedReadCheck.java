package dev.godwit.engine.migrate.sql;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;

/**
 * A second reading of a statement with JSqlParser, where it parses: its structure must be a query
 * without {@code INTO}, without {@code FOR UPDATE}/{@code SHARE} and with only queries in its
 * {@code WITH} clause. It can only make the guard stricter: a statement JSqlParser cannot parse
 * (PostgreSQL- or MariaDB-only syntax) is left to {@link ReadOnlyRules}, and one it reads as a
 * read is still judged by those rules.
 */
final class ParsedReadCheck {
    /** Longer statements are left to the lexer's rules, which are linear; the parser is not meant for megabytes. */
    static final int MAX_LENGTH = 64 * 1024;

    private ParsedReadCheck() {
    }

    /** Why the parsed statement is not a plain read, or null (also when it does not parse). */
    static String whyNotRead(String sql) {
        if (sql.length() > MAX_LENGTH) {
            return null;
        }
        Statements parsed;
        try {
            parsed = CCJSqlParserUtil.parseStatements(sql, parser -> parser.withTimeOut(2_000));
        } catch (Exception | StackOverflowError e) {
            return null; // not JSqlParser's dialect: the lexer's rules decide
        }
        if (parsed == null || parsed.size() != 1) {
            return parsed == null || parsed.isEmpty() ? null : "reads as " + parsed.size() + " statements to a SQL parser";
        }
        return statement(parsed.get(0));
    }

    private static String statement(Statement st) {
        if (st instanceof net.sf.jsqlparser.statement.UnsupportedStatement) {
            return null;
        }
        if (st instanceof ExplainStatement e) {
            return e.getStatement() == null ? null : select(e.getStatement());
        }
        if (st instanceof ShowStatement || st instanceof ShowColumnsStatement || st instanceof ShowTablesStatement
                || st instanceof ShowIndexStatement || st instanceof DescribeStatement) {
            return null;
        }
        if (st instanceof Select s) {
            return select(s);
        }
        return "parses as " + st.getClass().getSimpleName().replaceAll("Statement$", "").toUpperCase(java.util.Locale.ROOT)
                + ", not as a query";
    }

    private static String select(Select s) {
        if (s.getWithItemsList() != null) {
            for (WithItem<?> w : s.getWithItemsList()) {
                if (!(w.getParenthesedStatement() instanceof ParenthesedSelect inner)) {
                    return "has a data-modifying statement in its WITH clause";
                }
                String why = select(inner.getSelect());
                if (why != null) {
                    return why;
                }
            }
        }
        if (s.getForMode() != null || s.getForUpdateTable() != null) {
            return "locks the rows it reads (FOR " + (s.getForMode() == null ? "UPDATE" : s.getForMode().getValue()) + ")";
        }
        if (s instanceof PlainSelect p) {
            if (p.getIntoTables() != null && !p.getIntoTables().isEmpty() || p.getIntoTempTable() != null) {
                return "writes its result somewhere (SELECT … INTO)";
            }
            return null;
        }
        if (s instanceof SetOperationList list) {
            for (Select part : list.getSelects()) {
                String why = select(part);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        if (s instanceof ParenthesedSelect p) {
            return p.getSelect() == null ? null : select(p.getSelect());
        }
        if (s instanceof Values || s instanceof TableStatement || s instanceof LateralSubSelect) {
            return null;
        }
        return "parses as a query of a kind the guard does not know (" + s.getClass().getSimpleName() + ")";
    }
}
