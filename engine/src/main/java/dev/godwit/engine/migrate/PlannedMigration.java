package dev.godwit.engine.migrate;

import dev.godwit.engine.migrate.sql.SqlStatement;

import java.util.List;

/** A pending migration as it would run: its statements, the mode and why. */
public record PlannedMigration(LocalMigration migration, ExecutionMode mode, List<String> reasons, List<SqlStatement> statements) {
}
