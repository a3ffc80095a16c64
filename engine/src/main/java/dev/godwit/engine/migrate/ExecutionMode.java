package dev.godwit.engine.migrate;

/** How a migration's statements are sent to the database. */
public enum ExecutionMode {
    /** All statements and the history update in one transaction: all or nothing. */
    TRANSACTION,
    /** One statement at a time, each committed on its own: a failure leaves earlier statements in place. */
    STATEMENT_BY_STATEMENT
}
