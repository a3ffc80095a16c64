package dev.godwit.shell.command;

import com.zaxxer.hikari.HikariDataSource;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.sql.ReadOnlyGuard;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.project.Secrets;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.render.TableText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run SQL on the database and print the results as a table.",
                "Read-only by default: every statement is checked before anything runs (SELECT, WITH, TABLE, VALUES,",
                "SHOW, EXPLAIN and DESCRIBE of a query; no locks, INTO, sequences, settings or transaction control),",
                "then they run in a READ ONLY transaction that is rolled back, on a connection that is closed afterwards.",
                "With --write they run in one transaction that is committed, after you confirm",
                "(on production: type the database name).",
                "In the shell a statement ends at ';' and may span several lines; Ctrl-C cancels it."})
public final class SqlCommand extends SessionCommand {
    static final int MAX_ROWS = 1000;

    @Parameters(paramLabel = "STATEMENT", arity = "1..*", description = "SQL; several statements separated by ';' run in one transaction.")
    List<String> sql;

    /** Statements that change the schema rather than rows, after any leading comments and blanks. */
    private static final java.util.regex.Pattern SCHEMA_CHANGE = java.util.regex.Pattern.compile(
            "(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*+(?i:create|alter|drop|truncate|rename|comment)\\b");

    @Option(names = "--write", description = "Allow changes: commit instead of rolling back (asks first).")
    boolean write;

    @Option(names = {"-y", "--yes"}, description = "With --write: do not ask (required in batch mode).")
    boolean yes;

    @Override
    protected int run(Session session) {
        String text = String.join(" ", sql).strip();
        Target t = session.target();
        List<SqlStatement> statements = SqlSplitter.split(text, t.dialect().provider());
        if (statements.isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, "no SQL statement given", "e.g. sql select * from \"User\";");
        }
        refuseWhatTheGuardRefuses(text, t);
        if (write && !Confirmation.ask(session, "run " + statements.size() + (statements.size() == 1 ? " statement" : " statements")
                + " that may change data", yes)) {
            return 3;
        }
        Out out = session.out();
        Connection opened;
        try {
            opened = t.dataSource().getConnection();
        } catch (SQLException e) {
            throw t.dialect().connectionFailure(e, t.display()); // a refused login or a missing database: exit 4
        }
        try (Connection c = opened) {
            t.dialect().prepareSession(c, t.schema());
            if (write) {
                c.setAutoCommit(false);
            } else {
                t.dialect().beginReadOnly(c);
            }
            try {
                for (SqlStatement s : statements) {
                    runOne(c, s.text(), out, write, !t.dialect().transactionalDdl());
                }
                if (write) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw failure(t, e);
            } finally {
                if (write) {
                    try {
                        c.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // the pool resets it anyway
                    }
                } else {
                    discard(t, c);
                }
            }
        } catch (SQLException e) {
            throw failure(t, e);
        }
        if (write) {
            out.note("committed");
        }
        return 0;
    }

    /** Nothing runs unless every statement passes: a read without --write; no transaction control with it. */
    private void refuseWhatTheGuardRefuses(String text, Target t) {
        ReadOnlyGuard.Refusal r = write ? ReadOnlyGuard.checkWrite(text, t.dialect().provider())
                : ReadOnlyGuard.checkReadOnly(text, t.dialect().provider());
        if (r == null) {
            return;
        }
        if (write) {
            throw new GodwitException(ErrorKind.RUNTIME, "refused: " + r.message() + "; nothing was run",
                    "leave out BEGIN/COMMIT/ROLLBACK: godwit commits the statements after you confirm");
        }
        throw new GodwitException(ErrorKind.RUNTIME, "refused: " + r.message() + "; sql is read-only unless --write, nothing was run",
                writeHint(text));
    }

    /** The same statement with --write, as it can be typed back when it is short and on one line. */
    private static String writeHint(String statement) {
        boolean typeable = statement.length() <= 80 && statement.indexOf('\n') < 0;
        return (typeable ? "run `godwit sql --write " + statement + (statement.endsWith(";") ? "" : ";") + "`"
                : "run it again with --write after sql (`godwit sql --write …`)") + " to allow changes; you will be asked to confirm";
    }

    /**
     * A read-only run's connection is not given back to the pool: whatever the statements left in the
     * session (a setting, a lock, a variable) leaves with it. The pool opens a fresh one when needed.
     */
    private static void discard(Target t, Connection c) {
        if (t.dataSource() instanceof HikariDataSource pool) {
            pool.evictConnection(c);
        }
    }

    private GodwitException failure(Target t, SQLException e) {
        if (t.dialect().isConnectionLoss(e)) {
            return t.dialect().connectionFailure(e, t.display());
        }
        String msg = Secrets.mask(e.getMessage() == null ? e.toString() : e.getMessage().strip().split("\\R")[0]);
        if (!write && t.dialect().isReadOnlyViolation(e)) {
            return new GodwitException(ErrorKind.RUNTIME, "refused: " + msg + " (sql is read-only unless --write; nothing was changed)",
                    writeHint(String.join(" ", sql).strip()));
        }
        if ("57014".equals(e.getSQLState()) || e.getErrorCode() == 1317) {
            return new GodwitException(ErrorKind.RUNTIME, "statement cancelled; the transaction was rolled back", null);
        }
        return new GodwitException(ErrorKind.RUNTIME, t.display() + ": " + msg + (write ? " (rolled back)" : ""), null, e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection may be gone; the server rolls back then
        }
    }

    private static void runOne(Connection c, String text, Out out, boolean write, boolean ddlCommitsItself) throws SQLException {
        boolean schemaChange = SCHEMA_CHANGE.matcher(text).lookingAt();
        try (Statement st = c.createStatement()) {
            if (!write) {
                st.setEscapeProcessing(false); // the driver sends exactly what the guard read: no {call …} rewriting
            }
            st.setMaxRows(MAX_ROWS + 1);
            boolean rs = st.execute(text);
            while (true) {
                if (rs) {
                    try (ResultSet r = st.getResultSet()) {
                        printRows(r, out);
                    }
                } else {
                    int n = st.getUpdateCount();
                    if (n < 0) {
                        break;
                    }
                    if (schemaChange) {
                        // A schema change has no row count ("0 rows affected" reads as "nothing happened"), and where
                        // the server commits it by itself, a later failure in this call cannot take it back.
                        out.println("done");
                        if (ddlCommitsItself) {
                            out.warn("this server commits a schema change at once: it stays even if a later statement fails");
                        }
                    } else {
                        out.println(n + (n == 1 ? " row" : " rows") + " affected");
                    }
                }
                rs = st.getMoreResults();
            }
        }
    }

    private static void printRows(ResultSet r, Out out) throws SQLException {
        ResultSetMetaData md = r.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            header.add(md.getColumnLabel(i));
        }
        TableText tt = new TableText(header);
        boolean more = false;
        while (r.next()) {
            if (tt.size() == MAX_ROWS) {
                more = true;
                break;
            }
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.add(r.getString(i));
            }
            tt.row(row);
        }
        tt.lines().forEach(out::printlnAsIs);
        out.println("(" + tt.size() + (tt.size() == 1 ? " row" : " rows") + (more ? "; more not shown" : "") + ")");
    }
}
