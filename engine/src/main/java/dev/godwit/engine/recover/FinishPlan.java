package dev.godwit.engine.recover;

import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.ExecutionMode;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.sql.SqlStatement;

import java.util.List;

/**
 * Finishing a failed migration: the statements of its file that did not take effect, run in order, after
 * which the migration is recorded as applied with the file's checksum (as Prisma's {@code resolve --applied}
 * records it).
 *
 * @param attemptId   the failed attempt this plan continues (the history must still show it)
 * @param statements  the statements to run, numbered as in the file
 * @param mode        one transaction when the database allows it for these statements
 * @param notes       what the user should know (the file changed since the attempt, …)
 * @param refusals    why it must not run; empty when it may
 */
public record FinishPlan(LocalMigration migration, String attemptId, AttemptLedger ledger, List<SqlStatement> statements,
                         ExecutionMode mode, List<String> notes, List<String> refusals) {

    public FinishPlan {
        statements = List.copyOf(statements);
        notes = List.copyOf(notes);
        refusals = List.copyOf(refusals);
    }

    public String name() {
        return migration.name();
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }
}
