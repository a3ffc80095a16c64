package dev.godwit.engine.diff;

import dev.godwit.engine.schema.CheckConstraint;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.Sequence;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.View;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One typed step from one schema towards another. Every change says whether it can lose
 * data and, where it can be derived from the change alone, what undoes it.
 */
public sealed interface Change {

    /** Whether applying the change can lose data (or fail on existing data). */
    boolean destructive();

    /** The change that undoes this one, when the change itself carries enough to build it. */
    Optional<Change> reverse();

    /** The table the change belongs to, if any (for grouping in reports and scripts). */
    default Optional<String> table() {
        return Optional.empty();
    }

    /** Marker for changes that go into one ALTER TABLE statement per table. */
    sealed interface TableAlteration extends Change {
        String tableName();

        @Override
        default Optional<String> table() {
            return Optional.of(tableName());
        }
    }

    record CreateTable(Table definition) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new DropTable(definition)); }
        public Optional<String> table() { return Optional.of(definition.name()); }
    }

    record DropTable(Table definition) implements Change {
        public boolean destructive() { return true; }
        public Optional<Change> reverse() { return Optional.of(new CreateTable(definition)); }
        public Optional<String> table() { return Optional.of(definition.name()); }
    }

    /**
     * A table keeps its rows under a new name. {@code definition} is the table as it was (its
     * serial columns tell a dialect which owned sequences follow the name).
     */
    record RenameTable(Table definition, String to) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() {
            Table renamed = new Table(to, definition.columns(), definition.primaryKey(), definition.indexes(),
                    definition.foreignKeys(), definition.checks(), definition.comment(), definition.attributes());
            return Optional.of(new RenameTable(renamed, definition.name()));
        }
        public Optional<String> table() { return Optional.of(to); }
    }

    /** A column keeps its values under a new name; {@code column} is the column as it was. */
    record RenameColumn(String tableName, Column column, String to) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() {
            Column renamed = new Column(to, column.type(), column.nullable(), column.defaultValue(), column.identity(),
                    column.generated(), column.collation(), column.comment(), column.attributes());
            return Optional.of(new RenameColumn(tableName, renamed, column.name()));
        }
        public Optional<String> table() { return Optional.of(tableName); }
    }

    /** An index (or unique constraint) renamed, because the names derived from a renamed table or column follow it. */
    record RenameIndex(String tableName, String from, String to) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new RenameIndex(tableName, to, from)); }
        public Optional<String> table() { return Optional.of(tableName); }
    }

    /** A primary key constraint renamed (PostgreSQL; MySQL's is always PRIMARY). */
    record RenamePrimaryKey(String tableName, String from, String to) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new RenamePrimaryKey(tableName, to, from)); }
        public Optional<String> table() { return Optional.of(tableName); }
    }

    /** A foreign key renamed; {@code foreignKey} is the key as it was, for databases that re-create it to rename it. */
    record RenameForeignKey(String tableName, ForeignKey foreignKey, String to) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() {
            ForeignKey fk = foreignKey;
            ForeignKey renamed = new ForeignKey(to, fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate(), fk.deferrable());
            return Optional.of(new RenameForeignKey(tableName, renamed, fk.name()));
        }
        public Optional<String> table() { return Optional.of(tableName); }
    }

    /** An enum type renamed (PostgreSQL); columns that use it follow. */
    record RenameEnum(String from, String to) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new RenameEnum(to, from)); }
    }

    record AddColumn(String tableName, Column column) implements TableAlteration {
        /** Adding a required column without default fails on a table with rows. */
        public boolean destructive() {
            return !column.nullable() && column.defaultValue() == null && column.generated() == null
                    && column.identity() == dev.godwit.engine.schema.Identity.NONE;
        }
        public Optional<Change> reverse() { return Optional.of(new DropColumn(tableName, column)); }
    }

    record DropColumn(String tableName, Column column) implements TableAlteration {
        public boolean destructive() { return true; }
        public Optional<Change> reverse() { return Optional.of(new AddColumn(tableName, column)); }
    }

    /** What about a column changed. */
    enum Aspect { TYPE, NULLABILITY, DEFAULT, IDENTITY, COLLATION, COMMENT }

    record AlterColumn(String tableName, Column from, Column to, Set<Aspect> aspects) implements TableAlteration {
        public AlterColumn {
            aspects = Set.copyOf(aspects);
        }
        /** A type change casts existing values; making a column required fails on NULLs. */
        public boolean destructive() {
            return aspects.contains(Aspect.TYPE) || aspects.contains(Aspect.COLLATION)
                    || (aspects.contains(Aspect.NULLABILITY) && !to.nullable());
        }
        public Optional<Change> reverse() { return Optional.of(new AlterColumn(tableName, to, from, aspects)); }
    }

    record AddPrimaryKey(String tableName, PrimaryKey primaryKey) implements TableAlteration {
        public boolean destructive() { return true; }
        public Optional<Change> reverse() { return Optional.of(new DropPrimaryKey(tableName, primaryKey)); }
    }

    record DropPrimaryKey(String tableName, PrimaryKey primaryKey) implements TableAlteration {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new AddPrimaryKey(tableName, primaryKey)); }
    }

    record AddCheck(String tableName, CheckConstraint check) implements TableAlteration {
        public boolean destructive() { return true; }
        public Optional<Change> reverse() { return Optional.of(new DropCheck(tableName, check)); }
    }

    record DropCheck(String tableName, CheckConstraint check) implements TableAlteration {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new AddCheck(tableName, check)); }
    }

    record SetTableComment(String tableName, String from, String to) implements TableAlteration {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new SetTableComment(tableName, to, from)); }
    }

    record AddIndex(String tableName, Index index) implements Change {
        /** A unique index fails when existing rows hold duplicates. */
        public boolean destructive() { return index.unique(); }
        public Optional<Change> reverse() { return Optional.of(new DropIndex(tableName, index)); }
        public Optional<String> table() { return Optional.of(tableName); }
    }

    record DropIndex(String tableName, Index index) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new AddIndex(tableName, index)); }
        public Optional<String> table() { return Optional.of(tableName); }
    }

    record AddForeignKey(String tableName, ForeignKey foreignKey) implements Change {
        /** Fails when existing rows point nowhere. */
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new DropForeignKey(tableName, foreignKey)); }
        public Optional<String> table() { return Optional.of(tableName); }
    }

    record DropForeignKey(String tableName, ForeignKey foreignKey) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new AddForeignKey(tableName, foreignKey)); }
        public Optional<String> table() { return Optional.of(tableName); }
    }

    /**
     * A database schema of a multi-schema model that the other side lacks: {@code CREATE SCHEMA IF NOT EXISTS}, as
     * Prisma writes it. Nothing undoes it: the schema may hold what the model does not know, and Prisma never drops one.
     */
    record CreateSchema(String name) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.empty(); }
    }

    record CreateEnum(EnumType enumType) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new DropEnum(enumType)); }
    }

    record DropEnum(EnumType enumType) implements Change {
        public boolean destructive() { return true; }
        public Optional<Change> reverse() { return Optional.of(new CreateEnum(enumType)); }
    }

    /** Where a new enum value goes: at the end, or before/after an existing value. */
    enum Position { END, BEFORE, AFTER }

    record AddEnumValue(String enumName, String value, Position position, String neighbour) implements Change {
        public boolean destructive() { return false; }
        /** PostgreSQL cannot drop one enum value; the reverse is a type recreation that only the differ can build. */
        public Optional<Change> reverse() { return Optional.empty(); }
    }

    /** A column that uses an enum type, with its default, so a recreated type can be swapped in. */
    record EnumUsage(String table, Column column) {
    }

    /**
     * The enum loses values (or reorders them): on PostgreSQL the type is recreated and
     * every column that uses it converted.
     */
    record RecreateEnum(EnumType from, EnumType to, List<EnumUsage> usages) implements Change {
        public RecreateEnum {
            usages = List.copyOf(usages);
        }
        public boolean destructive() { return !to.values().containsAll(from.values()); }
        public Optional<Change> reverse() { return Optional.of(new RecreateEnum(to, from, usages)); }
    }

    record CreateView(View view) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new DropView(view)); }
    }

    record DropView(View view) implements Change {
        public boolean destructive() { return view.materialized(); }
        public Optional<Change> reverse() { return Optional.of(new CreateView(view)); }
    }

    record CreateSequence(Sequence sequence) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new DropSequence(sequence)); }
    }

    record DropSequence(Sequence sequence) implements Change {
        public boolean destructive() { return true; }
        public Optional<Change> reverse() { return Optional.of(new CreateSequence(sequence)); }
    }

    record AlterSequence(Sequence from, Sequence to) implements Change {
        public boolean destructive() { return false; }
        public Optional<Change> reverse() { return Optional.of(new AlterSequence(to, from)); }
    }
}
