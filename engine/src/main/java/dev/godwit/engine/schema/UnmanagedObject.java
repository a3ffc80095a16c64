package dev.godwit.engine.schema;

/**
 * Something in the database that godwit sees but does not manage (trigger, function, policy,
 * partition, exclusion constraint, …): reported, never dropped.
 *
 * @param kind   e.g. "trigger", "function", "policy", "exclusion constraint"
 * @param name   the object's name (for objects on a table, "table.name")
 * @param detail a short definition or note, may be null
 */
public record UnmanagedObject(String kind, String name, String detail) {
}
