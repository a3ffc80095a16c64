package dev.godwit.engine.diff;

import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.PrimaryKey;

import java.util.Objects;

/**
 * What the generic differ asks the dialect: when two descriptions mean the same thing on
 * this database. The defaults compare the model exactly.
 */
public interface DiffHooks {

    DiffHooks STRICT = new DiffHooks() {
    };

    default boolean sameType(ColumnType from, ColumnType to) {
        return from.equals(to);
    }

    /** Whether a column of type {@code from} can be altered to {@code to} in place (else it is dropped and added again). */
    default boolean castable(ColumnType from, ColumnType to) {
        return true;
    }

    default boolean sameDefault(Column from, Column to) {
        return Objects.equals(from.defaultValue(), to.defaultValue());
    }

    default boolean samePrimaryKey(PrimaryKey from, PrimaryKey to) {
        return Objects.equals(from, to);
    }

    /** Whether two indexes of the same name are the same index. */
    default boolean sameIndex(Index from, Index to) {
        return from.equals(to);
    }

    /** Whether a new enum value can be placed before or after an existing one (else it goes at the end). */
    default boolean enumValuePositions() {
        return true;
    }
}
