package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pull} then {@code plan} end to end: a history written by hand with an implicit many-to-many
 * relation and objects the schema language cannot express is applied, pulled and planned again: no change,
 * and every such object named on stderr.
 */
class PullCliTest {
    @TempDir
    Path tmp;

    private static final String POSTGRES_INIT = """
            CREATE TABLE "Post" ("id" SERIAL NOT NULL, "title" TEXT NOT NULL, "deleted" BOOLEAN NOT NULL DEFAULT false,
                CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
            CREATE TABLE "Category" ("id" SERIAL NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "Category_pkey" PRIMARY KEY ("id"));
            CREATE TABLE "_CategoryToPost" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL, CONSTRAINT "_CategoryToPost_AB_pkey" PRIMARY KEY ("A","B"));
            CREATE UNIQUE INDEX "Category_name_key" ON "Category"("name");
            CREATE INDEX "_CategoryToPost_B_index" ON "_CategoryToPost"("B");
            ALTER TABLE "_CategoryToPost" ADD CONSTRAINT "_CategoryToPost_A_fkey" FOREIGN KEY ("A") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "_CategoryToPost" ADD CONSTRAINT "_CategoryToPost_B_fkey" FOREIGN KEY ("B") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            """;
    private static final String POSTGRES_EXTRAS = """
            CREATE UNIQUE INDEX "Post_lower_title_key" ON "Post" (lower("title"));
            CREATE INDEX "Post_live_idx" ON "Post" ("title") WHERE NOT "deleted";
            ALTER TABLE "Post" ADD CONSTRAINT "title_not_empty" CHECK ("title" <> '');
            CREATE VIEW "live_posts" AS SELECT "id", "title" FROM "Post" WHERE NOT "deleted";
            CREATE FUNCTION "touch"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER "post_touch" BEFORE UPDATE ON "Post" FOR EACH ROW EXECUTE FUNCTION "touch"();
            """;

    @Test
    void postgresPullThenPlanFindsNoChange() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).add("20240101000000_init", POSTGRES_INIT).add("20240102000000_extras", POSTGRES_EXTRAS);
            pullThenPlan(p, List.of("Post_lower_title_key", "Post_live_idx", "title_not_empty", "live_posts", "post_touch"));
            String pulled = Files.readString(p.root().resolve("prisma/schema.prisma"));
            assertTrue(pulled.matches("(?s).*categories\\s+Category\\[]\\n.*") && pulled.matches("(?s).*posts\\s+Post\\[]\\n.*"), pulled);
            assertFalse(pulled.contains("CategoryToPost"), pulled);
        }
    }

    @Test
    void postgresViewsArePulledAsViewBlocksOnlyWithThePreviewFeature() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).add("20240101000000_init", POSTGRES_INIT
                    + "CREATE VIEW \"post titles\" AS SELECT \"id\", \"title\" FROM \"Post\";\n");
            assertEquals(0, p.run("apply").exitCode());
            Path schema = p.root().resolve("prisma/schema.prisma");
            GodwitRun plain = p.run("pull");
            assertEquals(0, plain.exitCode(), plain.all());
            assertFalse(Files.readString(schema).contains("view "), Files.readString(schema));
            assertFalse(Files.exists(p.root().resolve("prisma/views")));

            Files.writeString(schema, "generator client {\n  provider        = \"prisma-client\"\n  previewFeatures = [\"views\"]\n}\n\n"
                    + "datasource db {\n  provider = \"postgresql\"\n}\n");
            GodwitRun views = p.run("pull");
            assertEquals(0, views.exitCode(), views.all());
            String pulled = Files.readString(schema);
            assertTrue(pulled.contains("view post_titles {\n  id    Int?\n  title String?\n\n  @@map(\"post titles\")\n}\n"), pulled);
            assertTrue(Files.readString(p.root().resolve("prisma/views/public/post_titles.sql")).contains("FROM \"Post\""));
            GodwitRun plan = p.run("plan", "--name", "nothing");
            assertEquals(0, plan.exitCode(), plan.all());
            assertFalse(plan.all().contains("Wrote"), "a view block migrates nothing:\n" + plan.all());
        }
    }

    @Test
    void postgresViewsArePulledIntoASchemaFolderLikeNewModels() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db).add("20240101000000_init", POSTGRES_INIT
                    + "CREATE VIEW \"post titles\" AS SELECT \"id\", \"title\" FROM \"Post\";\n");
            assertEquals(0, p.run("apply").exitCode());
            Path toml = p.root().resolve("godwit.toml");
            Files.writeString(toml, Files.readString(toml).replace("[project]\n", "[project]\nschema = \"prisma/schema\"\n"));
            Path folder = p.root().resolve("prisma/schema");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("schema.prisma"), "generator client {\n  provider        = \"prisma-client\"\n"
                    + "  previewFeatures = [\"views\"]\n}\n\ndatasource db {\n  provider = \"postgresql\"\n}\n");
            Files.writeString(folder.resolve("post.prisma"), "model Post {\n  id Int @id\n}\n");

            GodwitRun pull = p.run("pull");
            assertEquals(0, pull.exitCode(), pull.all());
            String fresh = Files.readString(folder.resolve("introspected.prisma"));
            assertTrue(fresh.contains("view post_titles {\n  id    Int?\n  title String?\n\n  @@map(\"post titles\")\n}\n"), fresh);
            assertTrue(fresh.contains("model Category {"), fresh);
            assertFalse(Files.readString(folder.resolve("post.prisma")).contains("view "), "a model's file gets no view");
            assertFalse(Files.readString(folder.resolve("schema.prisma")).contains("view "), "the config file gets no view");
            assertTrue(Files.readString(folder.resolve("views/public/post_titles.sql")).contains("FROM \"Post\""));

            // pulled again, the view block is replaced where it is, not written twice
            GodwitRun again = p.run("pull");
            assertEquals(0, again.exitCode(), again.all());
            String twice = Files.readString(folder.resolve("introspected.prisma"));
            assertEquals(1, twice.split("view post_titles \\{", -1).length - 1, twice);
            GodwitRun plan = p.run("plan", "--name", "nothing");
            assertEquals(0, plan.exitCode(), plan.all());
            assertFalse(plan.all().contains("Wrote"), "a view block migrates nothing:\n" + plan.all());
        }
    }

    @Test
    void mysqlPullThenPlanFindsNoChange() throws Exception {
        try (TestDatabase db = TestDatabases.mysql()) {
            String table = " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n";
            String init = "CREATE TABLE `Post` (`id` INTEGER NOT NULL AUTO_INCREMENT, `body` TEXT NOT NULL, `slug` VARCHAR(191) NOT NULL,"
                    + " PRIMARY KEY (`id`), FULLTEXT INDEX `Post_body_idx`(`body`), UNIQUE INDEX `Post_slug_key`(`slug`),"
                    + " CONSTRAINT `slug_not_empty` CHECK (`slug` <> ''))" + table
                    + "CREATE TABLE `Tag` (`id` VARCHAR(191) NOT NULL, PRIMARY KEY (`id`))" + table
                    + "CREATE TABLE `_PostToTag` (`A` INTEGER NOT NULL, `B` VARCHAR(191) NOT NULL, UNIQUE INDEX `_PostToTag_AB_unique`(`A`, `B`),"
                    + " INDEX `_PostToTag_B_index`(`B`))" + table
                    + "ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_A_fkey` FOREIGN KEY (`A`) REFERENCES `Post`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;\n"
                    + "ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_B_fkey` FOREIGN KEY (`B`) REFERENCES `Tag`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;\n";
            TestProject p = new TestProject(tmp, db).add("20240101000000_init", init);
            pullThenPlan(p, List.of("slug_not_empty"));
            String pulled = Files.readString(p.root().resolve("prisma/schema.prisma"));
            assertTrue(pulled.matches("(?s).*tags\\s+Tag\\[]\\n.*") && pulled.contains("@@fulltext([body])"), pulled);
            assertFalse(pulled.contains("PostToTag"), pulled);
        }
    }

    private static void pullThenPlan(TestProject p, List<String> unrepresented) throws Exception {
        GodwitRun apply = p.run("apply");
        assertEquals(0, apply.exitCode(), apply.all());
        GodwitRun pull = p.run("pull");
        assertEquals(0, pull.exitCode(), pull.all());
        String pulled = Files.readString(p.root().resolve("prisma/schema.prisma"));
        assertFalse(pull.stderr().contains("does not pass"), pull.stderr() + pulled);
        assertTrue(pull.stdout().contains("1 implicit many-to-many relation(s)"), pull.all());
        for (String name : unrepresented) {
            assertTrue(pull.stderr().contains(name + "\""), name + " named in:\n" + pull.stderr());
        }
        GodwitRun plan = p.run("plan");
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.stdout().contains("No changes"), plan.all() + "\n" + pulled);
        GodwitRun push = p.run("push");
        assertEquals(0, push.exitCode(), push.all());
        assertTrue(push.stdout().contains("already in sync"), push.all() + "\n" + pulled);
    }
}
