package dev.godwit.engine.recover;

import dev.godwit.engine.migrate.AttemptLedger;

import dev.godwit.engine.diff.Change;

import java.util.List;

/**
 * How to take back what a failed attempt left in the database: the changes that bring the objects it
 * touched back to the schema its history describes without it, as SQL, and why it cannot be done when
 * it cannot.
 *
 * @param migration  the failed migration
 * @param ledger     which of its statements took effect
 * @param changes    the changes to run, from the live database to the schema before the migration
 * @param statements their SQL, in order
 * @param notes      what the user should know before saying yes (rows in what is dropped, …)
 * @param refusals   why it must not run (data that was there before cannot come back); empty when it may
 * @param unrelated  differences between the database and its history that the migration does not touch: left alone
 * @param shadow     where the history was replayed, for the user; null when nothing was replayed
 */
public record UndoPlan(String migration, AttemptLedger ledger, List<Change> changes, List<String> statements, List<String> notes,
                       List<String> refusals, List<Change> unrelated, String shadow) {

    public UndoPlan {
        changes = List.copyOf(changes);
        statements = List.copyOf(statements);
        notes = List.copyOf(notes);
        refusals = List.copyOf(refusals);
        unrelated = List.copyOf(unrelated);
    }

    /** The database holds nothing of the migration: undoing is only marking it rolled back. */
    public boolean nothingToUndo() {
        return changes.isEmpty();
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    /** The SQL as one script, for showing. */
    public String script() {
        StringBuilder sb = new StringBuilder();
        for (String s : statements) {
            sb.append(s.strip()).append(s.strip().endsWith(";") ? "\n" : ";\n");
        }
        return sb.toString();
    }
}
