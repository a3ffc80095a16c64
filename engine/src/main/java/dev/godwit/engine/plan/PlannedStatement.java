package dev.godwit.engine.plan;

import dev.godwit.engine.dialect.DdlStep;
import dev.godwit.engine.diff.Change;

import java.util.List;

/**
 * One statement of a plan (a step of {@code migration.sql}: one {@code CREATE TABLE}, one {@code ALTER TABLE}
 * of several columns, the statements that re-create an enum), kept with what it came from and what it means:
 * the changes it carries out, their data-loss findings, the changes that undo it, and why undoing it cannot
 * give back everything it takes.
 *
 * @param step           the SQL, as the script shows it
 * @param findings       the data-loss findings of its changes (counted on the database the plan was made for)
 * @param reverse        the changes that undo it, in the order to run them
 * @param notReversible  why the reverse is missing or cannot restore what the statement destroys; empty when it can
 */
public record PlannedStatement(DdlStep step, List<Finding> findings, List<Change> reverse, List<String> notReversible) {
    public PlannedStatement {
        findings = List.copyOf(findings);
        reverse = List.copyOf(reverse);
        notReversible = List.copyOf(notReversible);
    }

    /** Its SQL statements, each ending in {@code ;}. */
    public List<String> sql() {
        return step.statements();
    }

    /** The changes it carries out. */
    public List<Change> changes() {
        return step.changes();
    }

    /** Whether running it can lose data or fail on the data there. */
    public boolean destructive() {
        return step.destructive();
    }

    /** Whether one of its steps fails on the rows the database holds now. */
    public boolean blocking() {
        return findings.stream().anyMatch(Finding::blocking);
    }
}
