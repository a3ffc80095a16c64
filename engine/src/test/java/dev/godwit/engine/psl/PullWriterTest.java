package dev.godwit.engine.psl;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.testing.SchemaCorpus;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.godwit.engine.psl.PullRoundTripTest.assertPullsBack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Introspection of the shapes that need care: join tables, relation names, what the schema language cannot say, odd names. */
class PullWriterTest {
    private static final String JOIN_TABLE = """
            CREATE TABLE "Post" ("id" SERIAL NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
            CREATE TABLE "Tag" ("id" TEXT NOT NULL, CONSTRAINT "Tag_pkey" PRIMARY KEY ("id"));
            CREATE TABLE "%1$s" ("A" INTEGER NOT NULL, "B" TEXT NOT NULL%2$s, CONSTRAINT "%1$s_AB_pkey" PRIMARY KEY ("A","B"));
            CREATE INDEX "%1$s_B_index" ON "%1$s"("B");
            ALTER TABLE "%1$s" ADD CONSTRAINT "%1$s_A_fkey" FOREIGN KEY ("A") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "%1$s" ADD CONSTRAINT "%1$s_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            """;

    @Test
    void implicitManyToManyTablesBecomeListFields() {
        try (TestDatabase db = TestDatabases.postgres()) {
            SchemaCorpus.load(db, ConformanceTest.resource("prisma-7.10/06_implicit_many_to_many/expected.postgresql.sql"));
            String text = assertPullsBack(db);
            assertFalse(text.contains("model _") || text.contains("_CategoryToPost") || text.contains("model CategoryToPost"), text);
            assertTrue(text.matches("(?s).*categories\\s+Category\\[]\\n.*"), text);
            assertTrue(text.matches("(?s).*tags\\s+Tag\\[]\\s+@relation\\(\"PostTags\"\\).*"), text);
            assertTrue(text.matches("(?s).*posts\\s+Post\\[]\\s+@relation\\(\"PostTags\"\\).*"), text);
        }
    }

    @Test
    void aTableThatOnlyLooksLikeAJoinTableStaysAModel() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute(JOIN_TABLE.formatted("_PostToTag", ", \"note\" TEXT"));
            String text = assertPullsBack(db);
            assertTrue(text.contains("model PostToTag {") && text.contains("@@map(\"_PostToTag\")"), text);
        }
        try (TestDatabase db = TestDatabases.postgres()) {
            // A must point at the model whose name sorts first: this one is the wrong way round for the default name
            db.execute(JOIN_TABLE.formatted("_PostToTag", "").replace("REFERENCES \"Post\"", "REFERENCES \"X\"")
                    .replace("\"B\" TEXT", "\"B\" INTEGER").replace("REFERENCES \"Tag\"(\"id\")", "REFERENCES \"Post\"(\"id\")")
                    .replace("REFERENCES \"X\"(\"id\")", "REFERENCES \"Tag\"(\"id\")").replace("\"A\" INTEGER", "\"A\" TEXT"));
            String text = assertPullsBack(db);
            assertTrue(text.contains("model PostToTag {"), text);
        }
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute(JOIN_TABLE.formatted("_PostToTag", "").replace("\"_PostToTag_A_fkey\"", "\"post_fk\""));
            String text = assertPullsBack(db);
            assertTrue(text.contains("model PostToTag {") && text.contains("map: \"post_fk\""), "another key name: a model\n" + text);
        }
    }

    @Test
    void aJoinTableOfPrisma4sShapeIsARelationThatTheNextPlanGivesAPrimaryKey() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute(JOIN_TABLE.formatted("_PostToTag", "").replace("CONSTRAINT \"_PostToTag_AB_pkey\" PRIMARY KEY (\"A\",\"B\")", "\"x\" INT")
                    .replace(", \"x\" INT", "") + "CREATE UNIQUE INDEX \"_PostToTag_AB_unique\" ON \"_PostToTag\"(\"A\", \"B\");");
            Schema live = SchemaCorpus.inspect(db);
            PslWriter.Pulled pulled = PslWriter.pull(live, Provider.POSTGRESQL, "datasource db {\n  provider = \"postgresql\"\n}");
            assertEquals(List.of("_PostToTag"), pulled.manyToMany(), pulled.text());
            assertTrue(pulled.notes().get(0).contains("_PostToTag_AB_pkey"), pulled.notes().toString());
            Schema mapped = Psl.parse("schema.prisma", pulled.text()).toSchema("public");
            List<String> changes = Differ.diff(live, mapped, Dialect.of(Provider.POSTGRESQL).diffHooks()).stream()
                    .map(c -> c.getClass().getSimpleName()).sorted().toList();
            assertEquals(List.of("AddPrimaryKey", "DropIndex"), changes);
        }
    }

    @Test
    void aJoinTableThatAKeyPointsAtStaysAModel() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute(JOIN_TABLE.formatted("_PostToTag", "") + "CREATE TABLE \"Vote\" (\"id\" SERIAL PRIMARY KEY, \"a\" INTEGER NOT NULL, \"b\" TEXT NOT NULL,"
                    + " CONSTRAINT \"Vote_a_b_fkey\" FOREIGN KEY (\"a\", \"b\") REFERENCES \"_PostToTag\"(\"A\", \"B\"));");
            String text = assertPullsBack(db);
            assertTrue(text.contains("model PostToTag {"), text);
        }
    }

    @Test
    void aTableWithoutUniqueCriterionIsIgnoredAndItsRelationsStillPass() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE TABLE \"User\" (\"id\" SERIAL PRIMARY KEY);"
                    + "CREATE TABLE \"audit\" (\"userId\" INTEGER REFERENCES \"User\"(\"id\"), \"what\" TEXT);");
            String text = assertPullsBack(db);
            assertTrue(text.contains("@@ignore"), text);
        }
    }

    @Test
    void namedJoinTableAndAnotherRelationBetweenTheSameModelsGetNames() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute(JOIN_TABLE.formatted("_PostToTag", "")
                    + "ALTER TABLE \"Post\" ADD COLUMN \"mainTagId\" TEXT;\n"
                    + "ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_mainTagId_fkey\" FOREIGN KEY (\"mainTagId\") REFERENCES \"Tag\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE;");
            String text = assertPullsBack(db);
            assertTrue(text.contains("@relation(\"PostToTag\")"), text);
            assertTrue(text.contains("@relation(\"Post_mainTagIdToTag\", fields: [mainTagId]"), text);
            assertFalse(text.contains("model PostToTag"), text);
        }
    }

    @Test
    void selfRelationsAndSeveralRelationsBetweenTwoModels() {
        for (String name : List.of("52_self_relations", "60_named_relations")) {
            try (TestDatabase db = TestDatabases.postgres()) {
                SchemaCorpus.load(db, ConformanceTest.resource("godwit-extra/" + name + "/expected.postgresql.sql"));
                String text = assertPullsBack(db);
                assertFalse(text.contains("model Follows") || text.contains("model _"), text);
            }
        }
    }

    @Test
    void expressionAndPartialIndexesAreNamedAndKept() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("""
                    CREATE TABLE "User" ("id" SERIAL PRIMARY KEY, "email" TEXT NOT NULL, "deleted" BOOLEAN NOT NULL DEFAULT false,
                        CONSTRAINT "email_not_empty" CHECK ("email" <> ''));
                    CREATE UNIQUE INDEX "User_lower_email_key" ON "User" (lower("email"));
                    CREATE INDEX "User_live_idx" ON "User" ("email") WHERE NOT "deleted";
                    CREATE INDEX "User_email_pattern_idx" ON "User" ("email" text_pattern_ops);
                    CREATE VIEW "live_users" AS SELECT "id" FROM "User" WHERE NOT "deleted";
                    """);
            Schema live = SchemaCorpus.inspect(db);
            String warnings = String.join("\n", Unrepresented.warnings(live, Provider.POSTGRESQL));
            for (String name : List.of("User_lower_email_key", "User_live_idx", "email_not_empty", "live_users")) {
                assertTrue(warnings.contains("\"" + name + "\""), name + " in\n" + warnings);
            }
            assertTrue(warnings.contains("expression index") && warnings.contains("partial index"), warnings);
            assertFalse(warnings.contains("User_email_pattern_idx"), "an operator class is written as ops:\n" + warnings);
            String text = assertPullsBack(db);
            assertTrue(text.contains("@@index([email(ops: raw(\"text_pattern_ops\"))], map: \"User_email_pattern_idx\")"), text);
            assertTrue(text.contains("/// Not expressible in this schema") && text.contains("User_lower_email_key"), text);
            assertFalse(text.contains("@unique"), "an expression index is no @unique:\n" + text);
            // without keep, planning from the pulled file would drop them: keep is what saves them
            Schema mapped = Psl.parse("schema.prisma", text).toSchema("public");
            List<Change> bare = Differ.diff(live, mapped, Dialect.of(Provider.POSTGRESQL).diffHooks());
            assertEquals(4, bare.size(), bare.toString());
        }
    }

    @Test
    void namesThatAreNoIdentifiersAreMapped() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("""
                    CREATE TYPE "mood" AS ENUM ('very good', 'very-good', '1st', 'ok');
                    CREATE TABLE "2fa codes" ("code id" SERIAL PRIMARY KEY, "mood" "mood" NOT NULL DEFAULT 'very-good');
                    CREATE TABLE "String" ("id" INTEGER PRIMARY KEY);
                    CREATE TABLE "log" ("line" TEXT);
                    """);
            String text = assertPullsBack(db);
            assertTrue(text.contains("very_good @map(\"very good\")") && text.contains("very_good2 @map(\"very-good\")"), text);
            assertTrue(text.contains("@default(very_good2)"), text);
            assertTrue(text.contains("@@map(\"2fa codes\")") && text.contains("@map(\"code id\")"), text);
            assertTrue(text.contains("model RenamedString {"), text);
            assertTrue(text.contains("@@ignore"), "a table without a unique criterion is ignored:\n" + text);
        }
    }

    @Test
    void mysqlJoinTablesFullTextAndPrefixIndexes() {
        try (TestDatabase db = TestDatabases.mysql()) {
            db.execute("""
                    CREATE TABLE `Post` (`id` INTEGER NOT NULL AUTO_INCREMENT, `body` TEXT NOT NULL, `slug` VARCHAR(191) NOT NULL,
                        PRIMARY KEY (`id`), FULLTEXT INDEX `Post_body_idx`(`body`), INDEX `Post_slug_idx`(`slug`(10)),
                        CONSTRAINT `slug_not_empty` CHECK (`slug` <> '')) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
                    """);
            db.execute("CREATE TABLE `Tag` (`id` INTEGER NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            // Prisma's MySQL join table: a unique index on (A, B), no primary key
            db.execute("CREATE TABLE `_PostToTag` (`A` INTEGER NOT NULL, `B` INTEGER NOT NULL, UNIQUE INDEX `_PostToTag_AB_unique`(`A`, `B`),"
                    + " INDEX `_PostToTag_B_index`(`B`))"
                    + " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            db.execute("ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_A_fkey` FOREIGN KEY (`A`) REFERENCES `Post`(`id`) ON DELETE CASCADE ON UPDATE CASCADE");
            db.execute("ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_B_fkey` FOREIGN KEY (`B`) REFERENCES `Tag`(`id`) ON DELETE CASCADE ON UPDATE CASCADE");
            String text = assertPullsBack(db);
            assertFalse(text.contains("PostToTag"), text);
            assertTrue(text.matches("(?s).*tags\\s+Tag\\[]\\n.*") && text.matches("(?s).*posts\\s+Post\\[]\\n.*"), text);
            assertTrue(text.contains("@@fulltext([body])") && text.contains("@@index([slug(length: 10)])"), text);
            assertTrue(text.contains("check constraint \"slug_not_empty\""), text);
        }
    }
}
