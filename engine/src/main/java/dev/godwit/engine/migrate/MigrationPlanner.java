package dev.godwit.engine.migrate;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.migrate.sql.SqlStatement;

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
        if (!dialect.transactionalDdl()) {
            return new PlannedMigration(m, ExecutionMode.STATEMENT_BY_STATEMENT,
                    List.of("each DDL statement commits by itself on this database"), statements);
        }
        Set<String> reasons = new LinkedHashSet<>(dialect.whyNotTransactional(statements, serverMajor));
        ExecutionMode mode = reasons.isEmpty() ? ExecutionMode.TRANSACTION : ExecutionMode.STATEMENT_BY_STATEMENT;
        return new PlannedMigration(m, mode, new ArrayList<>(reasons), statements);
    }
}
