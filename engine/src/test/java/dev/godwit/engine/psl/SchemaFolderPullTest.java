package dev.godwit.engine.psl;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Prisma 7.10.1's db pull into a schema folder, as observed with the real CLI. */
class SchemaFolderPullTest {
    private static final Path DIR = Path.of("/p/prisma/schema");

    @Test
    void modelsGoBackToTheirFilesAndNewOnesToIntrospectedPrisma() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(DIR.resolve("gone.prisma"), "model Gone {\n  id Int @id\n}\n");
        files.put(DIR.resolve("schema.prisma"), "generator client {\n  provider = \"prisma-client\"\n}\n\ndatasource db {\n  provider = \"postgresql\"\n}\n");
        files.put(DIR.resolve("user.prisma"), """
                /// the people
                model User {
                  id    Int    @id
                  email String

                  @@map("users")
                }

                view Active {
                  id Int @unique
                }
                """);
        String pulled = """
                model Post {
                  id Int @id
                  author users @relation(fields: [id], references: [id])
                }

                /// This table has a check constraint, which the schema language cannot express.
                model users {
                  id    Int    @id
                  email String @unique
                  Post  Post[]
                }

                enum mood {
                  a
                  b
                }
                """;
        Map<Path, String> out = SchemaFolderPull.spread(files, pulled, DIR, false);
        assertEquals("\n", out.get(DIR.resolve("gone.prisma")), "a model the database no longer has leaves its file, as with Prisma");
        assertEquals(files.get(DIR.resolve("schema.prisma")), out.get(DIR.resolve("schema.prisma")));
        assertEquals("""
                /// the people
                /// This table has a check constraint, which the schema language cannot express.
                model users {
                  id    Int    @id
                  email String @unique
                  Post  Post[]
                }

                view Active {
                  id Int @unique
                }
                """, out.get(DIR.resolve("user.prisma")), "matched by the @@map name; the view block stays");
        assertEquals("""
                model Post {
                  id Int @id
                  author users @relation(fields: [id], references: [id])
                }

                enum mood {
                  a
                  b
                }
                """, out.get(DIR.resolve("introspected.prisma")));
    }

    @Test
    void anExistingIntrospectedPrismaGetsTheNewOnesAppended() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(DIR.resolve("introspected.prisma"), "model A {\n  id Int @id\n}\n");
        Map<Path, String> out = SchemaFolderPull.spread(files, "model A {\n  id Int @id\n}\n\nmodel B {\n  id Int @id\n}\n", DIR, false);
        assertEquals(1, out.size());
        assertEquals("model A {\n  id Int @id\n}\n\nmodel B {\n  id Int @id\n}\n", out.get(DIR.resolve("introspected.prisma")));
    }

    @Test
    void withTheViewsPreviewViewBlocksArePlacedLikeModels() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(DIR.resolve("schema.prisma"), "generator client {\n  provider        = \"prisma-client\"\n  previewFeatures = [\"views\"]\n}\n");
        files.put(DIR.resolve("reports.prisma"), "view Active {\n  id Int\n\n  @@map(\"active users\")\n}\n\nview Gone {\n  id Int\n}\n");
        String pulled = "generator client {\n  provider = \"ignored\"\n}\n\nmodel A {\n  id Int @id\n}\n\n"
                + "view active_users {\n  id    Int?\n  name  String?\n\n  @@map(\"active users\")\n}\n\nview fresh {\n  id Int?\n}\n";
        Map<Path, String> out = SchemaFolderPull.spread(files, pulled, DIR, true);
        assertEquals(files.get(DIR.resolve("schema.prisma")), out.get(DIR.resolve("schema.prisma")), "the folder's own generator stays");
        assertEquals("view active_users {\n  id    Int?\n  name  String?\n\n  @@map(\"active users\")\n}\n",
                out.get(DIR.resolve("reports.prisma")), "matched by the @@map name; a view the database no longer has leaves");
        assertEquals("model A {\n  id Int @id\n}\n\nview fresh {\n  id Int?\n}\n", out.get(DIR.resolve("introspected.prisma")));
    }
}
