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

    /** Whether the two columns' nullability is the same as far as the schema language can say. */
    default boolean sameNullability(Column from, Column to) {
        return from.nullable() == to.nullable();
    }

    default boolean samePrimaryKey(PrimaryKey from, PrimaryKey to) {
        return Objects.equals(from, to);
    }

    /** Whether two indexes of the same name are the same index. */
    default boolean sameIndex(Index from, Index to) {
        return from.equals(to);
    }

    /**
     * Whether a foreign key depends on the very key (primary key or unique index) it references, so that it
     * has to be dropped and added again around a change of that key (PostgreSQL); MySQL needs only some index
     * on the referenced columns.
     */
    default boolean foreignKeysDependOnReferencedKey() {
        return true;
    }

    /** Whether a new enum value can be placed before or after an existing one (else it goes at the end). */
    default boolean enumValuePositions() {
        return true;
    }

    /**
     * Whether enum values that the target lists in another order are reordered (re-creating the type).
     * Off by default: Prisma ignores the order of existing values, and a re-created type rewrites every
     * column that uses it.
     */
    default boolean reorderEnumValues() {
        return false;
    }

    /** These hooks, reordering enum values as the target lists them. */
    static DiffHooks reorderingEnums(DiffHooks base) {
        return new DiffHooks() {
            @Override public boolean sameType(ColumnType from, ColumnType to) { return base.sameType(from, to); }
            @Override public boolean castable(ColumnType from, ColumnType to) { return base.castable(from, to); }
            @Override public boolean sameDefault(Column from, Column to) { return base.sameDefault(from, to); }
            @Override public boolean sameNullability(Column from, Column to) { return base.sameNullability(from, to); }
            @Override public boolean samePrimaryKey(PrimaryKey from, PrimaryKey to) { return base.samePrimaryKey(from, to); }
            @Override public boolean sameIndex(Index from, Index to) { return base.sameIndex(from, to); }
            @Override public boolean enumValuePositions() { return base.enumValuePositions(); }
            @Override public boolean foreignKeysDependOnReferencedKey() { return base.foreignKeysDependOnReferencedKey(); }
            @Override public boolean reorderEnumValues() { return true; }
        };
    }
}
