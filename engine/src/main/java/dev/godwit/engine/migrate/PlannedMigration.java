package dev.godwit.engine.migrate;

import dev.godwit.engine.migrate.sql.SqlStatement;

import java.util.List;

/**
 * A pending migration as it would run: its statements, the mode and why.
 *
 * @param ownTransactions migration.sql opens or ends transactions itself ({@code BEGIN}, {@code COMMIT},
 *                        {@code START TRANSACTION}, MySQL {@code SET autocommit}): godwit then runs it as written,
 *                        statement by statement, and the failure note says which statements a COMMIT kept
 */
public record PlannedMigration(LocalMigration migration, ExecutionMode mode, List<String> reasons, List<SqlStatement> statements,
                               boolean ownTransactions) {
}
