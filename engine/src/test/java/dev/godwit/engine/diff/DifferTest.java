package dev.godwit.engine.diff;

import dev.godwit.engine.diff.Change.*;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.ReferentialAction;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DifferTest {

    private static final ColumnType INT = ColumnType.of("integer");
    private static final ColumnType TEXT = ColumnType.of("text");

    private static Table table(String name, List<Column> cols, List<Index> idx, List<ForeignKey> fks) {
        return new Table(name, cols, new PrimaryKey(name + "_pkey", List.of("id")), idx, fks, List.of(), null, Map.of());
    }

    private static Schema schema(List<Table> tables, List<EnumType> enums) {
        return new Schema("public", tables, enums, List.of(), List.of(), List.of());
    }

    private static ForeignKey fk(String name, String col, String ref) {
        return new ForeignKey(name, List.of(col), ref, List.of("id"), ReferentialAction.RESTRICT, ReferentialAction.CASCADE, ForeignKey.Deferrable.NOT);
    }

    private static List<Class<?>> kinds(List<Change> changes) {
        return changes.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void identicalSchemasGiveNoChanges() {
        Schema s = schema(List.of(table("A", List.of(Column.of("id", INT, false)), List.of(), List.of())), List.of());
        assertEquals(List.of(), Differ.diff(s, s));
    }

    @Test
    void createsInPrismaOrderEnumsTablesIndexesForeignKeys() {
        Table user = table("User", List.of(Column.of("id", INT, false), Column.of("role", ColumnType.enumRef("Role"), false)),
                List.of(Index.of("User_role_idx", false, List.of(IndexPart.column("role")))), List.of());
        Table post = table("Post", List.of(Column.of("id", INT, false), Column.of("authorId", INT, false)),
                List.of(), List.of(fk("Post_authorId_fkey", "authorId", "User")));
        Schema to = schema(List.of(user, post), List.of(new EnumType("Role", List.of("A", "B"))));
        List<Change> changes = Differ.diff(Schema.empty("public"), to);
        assertEquals(List.of(CreateEnum.class, CreateTable.class, CreateTable.class, AddIndex.class, AddForeignKey.class), kinds(changes));
        assertFalse(changes.stream().anyMatch(Change::destructive));
    }

    @Test
    void dropsForeignKeysBeforeTablesAndEnumsAfterThem() {
        Table user = table("User", List.of(Column.of("id", INT, false), Column.of("role", ColumnType.enumRef("Role"), false)), List.of(), List.of());
        Table post = table("Post", List.of(Column.of("id", INT, false), Column.of("authorId", INT, false)),
                List.of(), List.of(fk("Post_authorId_fkey", "authorId", "User")));
        Schema from = schema(List.of(user, post), List.of(new EnumType("Role", List.of("A"))));
        Schema to = schema(List.of(post.withForeignKeys(List.of())), List.of());
        List<Change> changes = Differ.diff(from, to);
        assertEquals(List.of(DropForeignKey.class, DropTable.class, DropEnum.class), kinds(changes));
        assertEquals(List.of(false, true, true), changes.stream().map(Change::destructive).toList());
    }

    @Test
    void alterTableGroupsDropsBeforeAddsBeforeAlters() {
        Table a = table("T", List.of(Column.of("id", INT, false), Column.of("old", TEXT, true), Column.of("n", INT, true)), List.of(), List.of());
        Table b = table("T", List.of(Column.of("id", INT, false), Column.of("n", ColumnType.of("bigint"), false), Column.of("new", TEXT, true)), List.of(), List.of());
        List<Change> changes = Differ.diff(schema(List.of(a), List.of()), schema(List.of(b), List.of()));
        assertEquals(List.of(DropColumn.class, AddColumn.class, AlterColumn.class), kinds(changes));
        AlterColumn alter = (AlterColumn) changes.get(2);
        assertEquals(Set.of(Aspect.TYPE, Aspect.NULLABILITY), alter.aspects());
        assertTrue(alter.destructive());
        assertEquals(new AlterColumn("T", alter.to(), alter.from(), alter.aspects()), alter.reverse().orElseThrow());
        assertFalse(changes.get(1).destructive(), "a nullable column can always be added");
        assertTrue(new AddColumn("T", Column.of("x", TEXT, false)).destructive(), "a required column without default cannot");
    }

    @Test
    void retypedForeignKeyColumnRecreatesTheForeignKey() {
        Table user = table("User", List.of(Column.of("id", INT, false)), List.of(), List.of());
        Table post = table("Post", List.of(Column.of("id", INT, false), Column.of("authorId", INT, false)),
                List.of(), List.of(fk("Post_authorId_fkey", "authorId", "User")));
        Table user2 = table("User", List.of(Column.of("id", ColumnType.of("bigint"), false)), List.of(), List.of());
        Table post2 = table("Post", List.of(Column.of("id", INT, false), Column.of("authorId", ColumnType.of("bigint"), false)),
                List.of(), post.foreignKeys());
        List<Change> changes = Differ.diff(schema(List.of(user, post), List.of()), schema(List.of(user2, post2), List.of()));
        assertEquals(List.of(DropForeignKey.class, AlterColumn.class, AlterColumn.class, AddForeignKey.class), kinds(changes));
    }

    @Test
    void newEnumValuesKeepTheirPlace() {
        Schema from = schema(List.of(), List.of(new EnumType("S", List.of("OPEN", "DONE"))));
        Schema to = schema(List.of(), List.of(new EnumType("S", List.of("NEW", "OPEN", "IN_PROGRESS", "DONE", "ARCHIVED"))));
        assertEquals(List.of(
                new AddEnumValue("S", "NEW", Position.BEFORE, "OPEN"),
                new AddEnumValue("S", "IN_PROGRESS", Position.BEFORE, "DONE"),
                new AddEnumValue("S", "ARCHIVED", Position.END, null)), Differ.diff(from, to));
    }

    @Test
    void removedEnumValuesRecreateTheTypeAndMovedOnesOnlyWhenAsked() {
        Table t = table("T", List.of(Column.of("id", INT, false), Column.of("s", ColumnType.enumRef("S"), true)), List.of(), List.of());
        Schema from = schema(List.of(t), List.of(new EnumType("S", List.of("A", "B", "C"))));
        Schema removed = schema(List.of(t), List.of(new EnumType("S", List.of("A", "C"))));
        Schema moved = schema(List.of(t), List.of(new EnumType("S", List.of("C", "B", "A"))));
        RecreateEnum r = (RecreateEnum) Differ.diff(from, removed).get(0);
        assertTrue(r.destructive());
        assertEquals(List.of(new EnumUsage("T", t.column("s").orElseThrow())), r.usages());
        // a reordering is left alone, as Prisma leaves it, and named; asked for, it re-creates the type
        assertEquals(List.of(), Differ.diff(from, moved));
        assertEquals(List.of("enum S: the schema lists its values as C, B, A, the database keeps A, B, C"), Differ.enumReorderings(from, moved));
        RecreateEnum m = (RecreateEnum) Differ.diff(from, moved, DiffHooks.reorderingEnums(DiffHooks.STRICT)).get(0);
        assertFalse(m.destructive(), "reordering keeps every value");
        assertEquals(List.of("C", "B", "A"), m.to().values());
    }

    @Test
    void changedIndexIsDroppedBeforeTablesChangeAndCreatedAfter() {
        Index plain = Index.of("T_n_idx", false, List.of(IndexPart.column("n")));
        Index desc = Index.of("T_n_idx", false, List.of(IndexPart.column("n", true)));
        Table a = table("T", List.of(Column.of("id", INT, false), Column.of("n", INT, true)), List.of(plain), List.of());
        Table b = table("T", List.of(Column.of("id", INT, false), Column.of("n", INT, true), Column.of("m", INT, true)), List.of(desc), List.of());
        List<Change> changes = Differ.diff(schema(List.of(a), List.of()), schema(List.of(b), List.of()));
        assertEquals(List.of(DropIndex.class, AddColumn.class, AddIndex.class), kinds(changes));
    }

    @Test
    void everyChangeWithAReverseReversesBack() {
        Table user = table("User", List.of(Column.of("id", INT, false)), List.of(Index.of("i", true, List.of(IndexPart.column("id")))),
                List.of(fk("f", "id", "User")));
        List<Change> changes = Differ.diff(Schema.empty("public"), schema(List.of(user), List.of(new EnumType("E", List.of("x")))));
        for (Change c : changes) {
            assertEquals(c, c.reverse().orElseThrow().reverse().orElseThrow());
        }
    }
}
