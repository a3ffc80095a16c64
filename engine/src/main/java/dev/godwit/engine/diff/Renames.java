package dev.godwit.engine.diff;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tables, columns and enum types that keep their data under a new name, by database name.
 * Without renames the differ sees a drop and an add; with them, a plan renames first and
 * diffs the renamed schema against the desired one for whatever else changed.
 */
public record Renames(List<Rename> all) {

    public enum Kind { TABLE, COLUMN, ENUM }

    /**
     * One rename. {@code table} is set for a column only: the table's name in the desired
     * schema (after its own rename, if it has one).
     */
    public record Rename(Kind kind, String table, String from, String to) {
        public Rename {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public static Rename table(String from, String to) {
            return new Rename(Kind.TABLE, null, from, to);
        }

        public static Rename column(String table, String from, String to) {
            return new Rename(Kind.COLUMN, Objects.requireNonNull(table, "table"), from, to);
        }

        public static Rename enumType(String from, String to) {
            return new Rename(Kind.ENUM, null, from, to);
        }

        /** "column `Post.title` → `Post.heading`", "table `Old` → `New`". */
        public String describe() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + (kind == Kind.COLUMN
                    ? "`" + table + "." + from + "` → `" + table + "." + to + "`"
                    : "`" + from + "` → `" + to + "`");
        }
    }

    public Renames {
        all = List.copyOf(all);
    }

    public static Renames none() {
        return new Renames(List.of());
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public Renames with(Rename r) {
        List<Rename> more = new ArrayList<>(all);
        more.add(r);
        return new Renames(more);
    }

    public List<Rename> of(Kind kind) {
        return all.stream().filter(r -> r.kind() == kind).toList();
    }

    /** The renames that undo these: new names back to old ones (columns named by their table's old name). */
    public Renames inverse() {
        return new Renames(all.stream().map(r -> new Rename(r.kind(), r.table() == null ? null : originalTable(r.table()),
                r.to(), r.from())).toList());
    }

    /** The name a table had before these renames. */
    public String originalTable(String name) {
        return of(Kind.TABLE).stream().filter(r -> r.to().equals(name)).map(Rename::from).findFirst().orElse(name);
    }

    /** The name a column of {@code table} (new table name) had before these renames. */
    public String originalColumn(String table, String column) {
        return of(Kind.COLUMN).stream().filter(r -> r.table().equals(table) && r.to().equals(column))
                .map(Rename::from).findFirst().orElse(column);
    }

    /**
     * Each rename must take something {@code from} has and the desired schema lacks to a name
     * the desired schema has and {@code from} lacks; anything else is a usage error naming it.
     */
    public void check(Schema from, Schema desired) {
        Set<String> seen = new HashSet<>();
        for (Rename r : all) {
            String where = r.kind() == Kind.COLUMN ? r.table() + "." : "";
            if (!seen.add(r.kind() + where + r.from()) || !seen.add(r.kind() + where + "\0" + r.to())) {
                throw usage("cannot rename " + r.describe() + ": another rename already uses one of these names");
            }
            switch (r.kind()) {
                case TABLE -> checkTable(r, from, desired);
                case ENUM -> checkEnum(r, from, desired);
                case COLUMN -> checkColumn(r, from, desired);
            }
        }
    }

    private static void checkTable(Rename r, Schema from, Schema desired) {
        if (from.table(r.from()).isEmpty()) {
            throw usage("cannot rename table `" + r.from() + "`: there is no table `" + r.from() + "` to rename");
        }
        if (desired.table(r.to()).isEmpty()) {
            throw usage("cannot rename table `" + r.from() + "` to `" + r.to() + "`: the schema has no table `" + r.to() + "`");
        }
        if (desired.table(r.from()).isPresent()) {
            throw usage("cannot rename table `" + r.from() + "`: the schema still has a table `" + r.from() + "`");
        }
        if (from.table(r.to()).isPresent()) {
            throw usage("cannot rename table `" + r.from() + "` to `" + r.to() + "`: a table `" + r.to() + "` exists already");
        }
    }

    private static void checkEnum(Rename r, Schema from, Schema desired) {
        if (from.enumType(r.from()).isEmpty()) {
            throw usage("cannot rename enum `" + r.from() + "`: there is no enum `" + r.from() + "` to rename");
        }
        if (desired.enumType(r.to()).isEmpty()) {
            throw usage("cannot rename enum `" + r.from() + "` to `" + r.to() + "`: the schema has no enum `" + r.to() + "`");
        }
        if (desired.enumType(r.from()).isPresent() || from.enumType(r.to()).isPresent()) {
            throw usage("cannot rename enum `" + r.from() + "` to `" + r.to() + "`: both names would exist at once");
        }
    }

    private void checkColumn(Rename r, Schema from, Schema desired) {
        String old = originalTable(r.table());
        Table before = from.table(old).orElseThrow(() -> usage("cannot rename column `" + r.table() + "." + r.from()
                + "`: there is no table `" + old + "` to rename it in"));
        Table after = desired.table(r.table()).orElseThrow(() -> usage("cannot rename column `" + r.table() + "." + r.from()
                + "`: the schema has no table `" + r.table() + "`"));
        if (before.column(r.from()).isEmpty()) {
            throw usage("cannot rename column `" + old + "." + r.from() + "`: the table `" + old + "` has no column `" + r.from() + "`");
        }
        if (after.column(r.to()).isEmpty()) {
            throw usage("cannot rename column `" + old + "." + r.from() + "` to `" + r.to() + "`: the table `" + r.table()
                    + "` in the schema has no column `" + r.to() + "`");
        }
        if (after.column(r.from()).isPresent()) {
            throw usage("cannot rename column `" + old + "." + r.from() + "`: the table `" + r.table() + "` in the schema still has a column `"
                    + r.from() + "`");
        }
        if (before.column(r.to()).isPresent()) {
            throw usage("cannot rename column `" + old + "." + r.from() + "` to `" + r.to() + "`: the table `" + old
                    + "` has a column `" + r.to() + "` already");
        }
    }

    private static GodwitException usage(String message) {
        return new GodwitException(ErrorKind.USAGE, message);
    }

    /**
     * The rename steps, the renames of names that follow them (keys, indexes), then what else
     * differs: together they take {@code from} to {@code desired}.
     */
    public List<Change> diff(Schema from, Schema desired, DiffHooks hooks) {
        if (all.isEmpty()) {
            return Differ.diff(from, desired, hooks);
        }
        check(from, desired);
        List<Change> out = new ArrayList<>();
        for (Rename r : of(Kind.ENUM)) {
            out.add(new Change.RenameEnum(r.from(), r.to()));
        }
        for (Rename r : of(Kind.TABLE)) {
            out.add(new Change.RenameTable(from.table(r.from()).orElseThrow(), r.to()));
        }
        Schema tablesRenamed = new Renames(all.stream().filter(r -> r.kind() != Kind.COLUMN).toList()).applyTo(from);
        for (Rename r : of(Kind.COLUMN)) {
            Column c = tablesRenamed.table(r.table()).flatMap(t -> t.column(r.from())).orElseThrow();
            out.add(new Change.RenameColumn(r.table(), c, r.to()));
        }
        Set<String> touched = new HashSet<>();
        all.stream().filter(r -> r.kind() != Kind.ENUM).forEach(r -> touched.add(r.kind() == Kind.TABLE ? r.to() : r.table()));
        DerivedNames.Result derived = DerivedNames.follow(applyTo(from), desired, touched, hooks);
        out.addAll(derived.changes());
        out.addAll(Differ.diff(derived.schema(), desired, hooks));
        return List.copyOf(out);
    }

    /** {@code s} with the renames made: enums, then tables, then columns; key and index names stay as they were. */
    public Schema applyTo(Schema s) {
        Schema out = s;
        for (Rename r : of(Kind.ENUM)) {
            out = renameEnum(out, r.from(), r.to());
        }
        for (Rename r : of(Kind.TABLE)) {
            out = renameTable(out, r.from(), r.to());
        }
        for (Rename r : of(Kind.COLUMN)) {
            out = renameColumn(out, r.table(), r.from(), r.to());
        }
        return out;
    }

    private static Schema renameEnum(Schema s, String from, String to) {
        List<EnumType> enums = s.enums().stream().map(e -> e.name().equals(from) ? new EnumType(to, e.values()) : e).toList();
        List<Table> tables = s.tables().stream().map(t -> t.withColumns(t.columns().stream().map(c -> from.equals(c.type().enumRef())
                ? c.withType(retarget(c.type(), to)) : c).toList())).toList();
        return new Schema(s.name(), tables, enums, s.sequences(), s.views(), s.unmanaged(), s.namespaces());
    }

    private static ColumnType retarget(ColumnType t, String enumName) {
        return new ColumnType(enumName, t.length(), t.precision(), t.scale(), t.arrayDims(), enumName, t.enumValues(), t.unsigned());
    }

    private static Schema renameTable(Schema s, String from, String to) {
        List<Table> tables = s.tables().stream().map(t -> {
            Table named = t.name().equals(from) ? new Table(to, t.columns(), t.primaryKey(), t.indexes(), t.foreignKeys(), t.checks(),
                    t.comment(), t.attributes()) : t;
            return named.withForeignKeys(named.foreignKeys().stream().map(fk -> fk.refTable().equals(from)
                    ? new ForeignKey(fk.name(), fk.columns(), to, fk.refColumns(), fk.onDelete(), fk.onUpdate(), fk.deferrable())
                    : fk).toList());
        }).toList();
        return new Schema(s.name(), tables, s.enums(), s.sequences(), s.views(), s.unmanaged(), s.namespaces());
    }

    private static Schema renameColumn(Schema s, String table, String from, String to) {
        List<Table> tables = s.tables().stream().map(t -> {
            Table out = t;
            if (t.name().equals(table)) {
                List<Column> columns = t.columns().stream().map(c -> c.name().equals(from) ? new Column(to, c.type(), c.nullable(),
                        c.defaultValue(), c.identity(), c.generated(), c.collation(), c.comment(), c.attributes()) : c).toList();
                PrimaryKey pk = t.primaryKey() == null ? null : new PrimaryKey(t.primaryKey().name(), swap(t.primaryKey().columns(), from, to));
                List<Index> indexes = t.indexes().stream().map(i -> new Index(i.name(), i.unique(), i.parts().stream()
                        .map(p -> from.equals(p.column()) ? new IndexPart(to, null, p.descending(), p.nulls(), p.opclass(), p.length()) : p)
                        .toList(), i.method(), i.predicate(), swap(i.include(), from, to), i.constraint())).toList();
                List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), swap(fk.columns(), from, to),
                        fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate(), fk.deferrable())).toList();
                out = new Table(t.name(), columns, pk, indexes, fks, t.checks(), t.comment(), t.attributes());
            }
            return out.withForeignKeys(out.foreignKeys().stream().map(fk -> fk.refTable().equals(table)
                    ? new ForeignKey(fk.name(), fk.columns(), fk.refTable(), swap(fk.refColumns(), from, to), fk.onDelete(), fk.onUpdate(),
                    fk.deferrable()) : fk).toList());
        }).toList();
        return new Schema(s.name(), tables, s.enums(), s.sequences(), s.views(), s.unmanaged(), s.namespaces());
    }

    private static List<String> swap(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equals(from) ? to : n).toList();
    }
}
