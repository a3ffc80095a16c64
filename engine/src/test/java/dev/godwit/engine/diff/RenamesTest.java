package dev.godwit.engine.diff;

import dev.godwit.engine.GodwitException;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change.*;
import dev.godwit.engine.diff.RenameCandidates.Candidate;
import dev.godwit.engine.diff.Renames.Rename;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.schema.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Rename candidates and rename plans, from Prisma schemas (PostgreSQL names: T_pkey, T_a_idx, T_a_fkey). */
class RenamesTest {
    private static Schema schema(String models) {
        return Psl.parse("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n" + models).toSchema("public");
    }

    private static final String USER = "model User {\n  id Int @id @default(autoincrement())\n  posts %s[]\n}\n";

    private static String post(String model, String title, String author) {
        return USER.formatted(model) + "model " + model + " {\n  id Int @id @default(autoincrement())\n  " + title + " String @db.VarChar(200)\n"
                + "  body String?\n  " + author + " Int\n  author User @relation(fields: [" + author + "], references: [id])\n"
                + "  @@index([" + title + "])\n}\n";
    }

    private static List<Rename> offered(Schema from, Schema to) {
        return RenameCandidates.find(from, to, DiffHooks.STRICT).stream().filter(c -> !c.ambiguous()).map(Candidate::rename).toList();
    }

    @Test
    void aColumnDroppedAndOneOfTheSameTypeAddedIsACandidate() {
        Schema from = schema(post("Post", "title", "authorId"));
        assertEquals(List.of(Rename.column("Post", "title", "heading")), offered(from, schema(post("Post", "heading", "authorId"))));
        // Nullability does not take part; the type with its length does.
        assertEquals(List.of(Rename.column("Post", "title", "heading")),
                offered(from, schema(post("Post", "heading", "authorId").replace("String @db.VarChar(200)", "String? @db.VarChar(200)"))));
        assertEquals(List.of(), offered(from, schema(post("Post", "heading", "authorId").replace("VarChar(200)", "VarChar(100)"))));
    }

    @Test
    void competingCandidatesAreAmbiguousAndNotOffered() {
        Schema from = schema(post("Post", "title", "authorId"));
        Schema to = schema(post("Post", "heading", "authorId").replace("  body String?\n", "  body String?\n  subtitle String @db.VarChar(200)\n"));
        List<Candidate> all = RenameCandidates.find(from, to, DiffHooks.STRICT);
        assertEquals(2, all.size(), all.toString());
        assertTrue(all.stream().allMatch(Candidate::ambiguous), all.toString());
        assertEquals(List.of(), offered(from, to));
    }

    @Test
    void aTableWithTheSameColumnsUnderAnotherNameIsACandidate() {
        Schema from = schema(post("Post", "title", "authorId"));
        assertEquals(List.of(Rename.table("Post", "Article")), offered(from, schema(post("Article", "title", "authorId"))));
        Schema enums = schema("enum Role {\n  A\n  B\n}\n");
        assertEquals(List.of(Rename.enumType("Role", "Kind")), offered(enums, schema("enum Kind {\n  A\n  B\n}\n")));
        assertEquals(List.of(), offered(enums, schema("enum Kind {\n  B\n  A\n}\n")));
    }

    @Test
    void aTableRenameRenamesItsKeyIndexAndForeignKeyNamesAndNothingElse() {
        Schema from = schema(post("Post", "title", "authorId"));
        Schema to = schema(post("Article", "title", "authorId"));
        List<Change> changes = new Renames(List.of(Rename.table("Post", "Article"))).diff(from, to, DiffHooks.STRICT);
        assertEquals(List.of(new RenamePrimaryKey("Article", "Post_pkey", "Article_pkey"),
                new RenameIndex("Article", "Post_title_idx", "Article_title_idx")), changes.subList(1, 3));
        assertInstanceOf(RenameTable.class, changes.get(0));
        assertInstanceOf(RenameForeignKey.class, changes.get(3));
        assertEquals("Article_authorId_fkey", ((RenameForeignKey) changes.get(3)).to());
        assertEquals(4, changes.size(), "the User table's foreign key follows by itself: " + changes);
        for (Change c : changes) {
            assertEquals(c, c.reverse().orElseThrow().reverse().orElseThrow());
            assertFalse(c.destructive(), c.toString());
        }
    }

    @Test
    void aColumnRenameWritesRenamesUpAndBackDownWithoutDataLoss() {
        Schema from = schema(post("Post", "title", "authorId"));
        Schema to = schema(post("Post", "heading", "writerId"));
        Renames renames = new Renames(List.of(Rename.column("Post", "title", "heading"), Rename.column("Post", "authorId", "writerId")));
        Plan plan = Plan.build(from, to, renames, Dialect.of(Provider.POSTGRESQL), null);
        assertEquals(List.of(), plan.findings(), "a rename loses nothing");
        assertEquals("""
                -- RenameColumn
                ALTER TABLE "Post" RENAME COLUMN "title" TO "heading";

                -- RenameColumn
                ALTER TABLE "Post" RENAME COLUMN "authorId" TO "writerId";

                -- RenameIndex
                ALTER INDEX "Post_title_idx" RENAME TO "Post_heading_idx";

                -- RenameForeignKey
                ALTER TABLE "Post" RENAME CONSTRAINT "Post_authorId_fkey" TO "Post_writerId_fkey";
                """, plan.script());
        assertEquals("""
                -- RenameColumn
                ALTER TABLE "Post" RENAME COLUMN "heading" TO "title";

                -- RenameColumn
                ALTER TABLE "Post" RENAME COLUMN "writerId" TO "authorId";

                -- RenameIndex
                ALTER INDEX "Post_heading_idx" RENAME TO "Post_title_idx";

                -- RenameForeignKey
                ALTER TABLE "Post" RENAME CONSTRAINT "Post_writerId_fkey" TO "Post_authorId_fkey";
                """, plan.downScript());
        Plan withoutRenames = Plan.build(from, to, Dialect.of(Provider.POSTGRESQL), null);
        assertTrue(withoutRenames.script().contains("DROP COLUMN \"title\""), withoutRenames.script());
    }

    @Test
    void aRenamedSerialColumnTakesItsSequenceAlong() {
        Schema from = schema(post("Post", "title", "authorId"));
        Schema to = schema(post("Article", "title", "authorId"));
        String sql = Plan.build(from, to, new Renames(List.of(Rename.table("Post", "Article"))), Dialect.of(Provider.POSTGRESQL), null).script();
        assertTrue(sql.startsWith("""
                -- RenameTable
                ALTER TABLE "Post" RENAME TO "Article";
                ALTER SEQUENCE IF EXISTS "Post_id_seq" RENAME TO "Article_id_seq";
                """), sql);
    }

    @Test
    void impossibleRenamesSayWhatIsMissing() {
        Schema from = schema(post("Post", "title", "authorId"));
        Schema to = schema(post("Post", "heading", "authorId"));
        GodwitException unknown = assertThrows(GodwitException.class,
                () -> new Renames(List.of(Rename.column("Post", "nope", "heading"))).diff(from, to, DiffHooks.STRICT));
        assertEquals("cannot rename column `Post.nope`: the table `Post` has no column `nope`", unknown.getMessage());
        GodwitException target = assertThrows(GodwitException.class,
                () -> new Renames(List.of(Rename.column("Post", "title", "body"))).diff(from, to, DiffHooks.STRICT));
        assertTrue(target.getMessage().contains("has a column `body` already"), target.getMessage());
        GodwitException table = assertThrows(GodwitException.class,
                () -> new Renames(List.of(Rename.table("Gone", "Post"))).diff(from, to, DiffHooks.STRICT));
        assertTrue(table.getMessage().contains("there is no table `Gone`"), table.getMessage());
    }

    private static String manyToMany(String model) {
        return "model " + model + " {\n  id Int @id\n  tags Tag[]\n}\nmodel Tag {\n  id Int @id\n  items " + model + "[]\n}\n";
    }

    @Test
    void anImplicitManyToManyTableFollowsItsModelOnlyWhenItsColumnsKeepTheirMeaning() {
        Schema from = schema(manyToMany("Post"));
        assertEquals(List.of(Rename.table("Post", "Article"), Rename.table("_PostToTag", "_ArticleToTag")),
                offered(from, schema(manyToMany("Article"))));
        // Renamed Zed, the model sorts after Tag: column A now points at Tag, so the join table is no rename.
        assertEquals(List.of(Rename.table("Post", "Zed")), offered(from, schema(manyToMany("Zed"))));

        Renames both = new Renames(List.of(Rename.table("Post", "Article"), Rename.table("_PostToTag", "_ArticleToTag")));
        List<Change> changes = both.diff(from, schema(manyToMany("Article")), DiffHooks.STRICT);
        assertTrue(changes.stream().allMatch(c -> c.getClass().getSimpleName().startsWith("Rename")), changes.toString());
        assertTrue(changes.contains(new RenameIndex("_ArticleToTag", "_PostToTag_B_index", "_ArticleToTag_B_index")), changes.toString());
    }
}
