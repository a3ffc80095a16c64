package dev.godwit.engine.schema;

/**
 * One key of an index: a column or an expression.
 *
 * @param column      the column name, or null for an expression key
 * @param expression  the expression text as the database prints it, or null for a column key
 * @param descending  DESC
 * @param nulls       "FIRST"/"LAST" when it differs from the default for the direction, else null
 * @param opclass     a non-default operator class (PostgreSQL), or null
 * @param length      a prefix length (MySQL {@code col(10)}), or null
 */
public record IndexPart(String column, String expression, boolean descending, String nulls, String opclass, Integer length) {

    public static IndexPart column(String name) {
        return new IndexPart(name, null, false, null, null, null);
    }

    public static IndexPart column(String name, boolean descending) {
        return new IndexPart(name, null, descending, null, null, null);
    }

    public boolean isExpression() {
        return column == null;
    }
}
