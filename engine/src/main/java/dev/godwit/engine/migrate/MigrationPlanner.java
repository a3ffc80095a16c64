package dev.godwit.engine.migrate;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.migrate.sql.TransactionRules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Splits a migration into statements and decides whether it can run as one transaction. */
final class MigrationPlanner {
    private MigrationPlanner() {
    }

    /** {@code serverMajor}: the server's major version, 0 when not known (then the rules assume an old server). */
    static PlannedMigration plan(Dialect dialect, LocalMigration m, int serverMajor) {
        List<SqlStatement> statements = SqlSplitter.split(m.sql(), dialect.provider());
        List<String> control = new ArrayList<>();
        for (SqlStatement st : statements) {
            if (TransactionRules.control(st, dialect.provider()) != TransactionRules.Control.NONE) {
                control.add("statement " + st.index() + " (line " + st.line() + "): " + String.join(" ", dev.godwit.engine.migrate.sql.StatementKeywords.leading(st.text(), 2, dialect.provider()))
                        + " controls transactions in migration.sql itself, so godwit runs the file as written instead of in a transaction of its own");
            }
        }
        boolean own = !control.isEmpty();
        if (!dialect.transactionalDdl()) {
            List<String> reasons = new ArrayList<>(List.of("each DDL statement commits by itself on this database"));
            reasons.addAll(control);
            return new PlannedMigration(m, ExecutionMode.STATEMENT_BY_STATEMENT, reasons, statements, own);
        }
        Set<String> reasons = new LinkedHashSet<>(dialect.whyNotTransactional(statements, serverMajor));
        reasons.addAll(control);
        ExecutionMode mode = reasons.isEmpty() ? ExecutionMode.TRANSACTION : ExecutionMode.STATEMENT_BY_STATEMENT;
        return new PlannedMigration(m, mode, new ArrayList<>(reasons), statements, own);
    }
}
