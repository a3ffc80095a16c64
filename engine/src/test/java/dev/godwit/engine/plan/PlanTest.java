package dev.godwit.engine.plan;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.schema.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Plans without a database: every table counts as holding data. */
class PlanTest {
    private static Schema schema(String models) {
        return Psl.parse("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n" + models).toSchema("public");
    }

    private static final String BEFORE = """
            model User {
              id    Int     @id @default(autoincrement())
              email String
              name  String?
              role  Role    @default(USER)
              old   Int?
            }
            model Gone {
              id Int @id
            }
            enum Role {
              USER
              ADMIN
              GUEST
            }
            """;

    private static final String AFTER = """
            model User {
              id       Int    @id @default(autoincrement())
              email    String @unique
              name     String
              role     Role   @default(USER)
              nickname String
            }
            enum Role {
              USER
              ADMIN
            }
            """;

    @Test
    void findingsAreWrittenAsPrismasWarningsBlockBeforeTheSteps() {
        Plan plan = Plan.build(schema(BEFORE), schema(AFTER), Dialect.of(Provider.POSTGRESQL), null);
        String sql = plan.script();
        assertTrue(sql.startsWith("/*\n  Warnings:\n\n  - "), sql);
        assertTrue(sql.contains("\n\n*/\n-- "), sql);
        assertTrue(sql.endsWith(";\n") && !sql.endsWith("\n\n"), sql);
        List<String> messages = plan.findings().stream().map(Finding::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("You are about to drop the `Gone` table")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("You are about to drop the column `old` on the `User` table")), messages.toString());
        assertTrue(messages.contains("A unique constraint covering the columns `[email]` on the table `User` will be added. "
                + "If there are existing duplicate values, this will fail."), messages.toString());
        assertTrue(messages.contains("The values [GUEST] on the enum `Role` will be removed. "
                + "If these variants are still used in the database, this will fail."), messages.toString());
        assertTrue(messages.contains("Added the required column `nickname` to the `User` table without a default value. "
                + "This is not possible if the table is not empty."), messages.toString());
        assertTrue(plan.blocking().stream().anyMatch(f -> f.message().startsWith("Made the column `name` on table `User` required")));
        assertTrue(plan.downScript().contains("cannot be restored"), plan.downScript());
        assertTrue(plan.downScript().contains("CREATE TABLE \"Gone\""), plan.downScript());
    }

    @Test
    void noDifferenceIsAnEmptyPlan() {
        Plan plan = Plan.build(schema(AFTER), schema(AFTER), Dialect.of(Provider.POSTGRESQL), null);
        assertTrue(plan.isEmpty());
        assertEquals("", plan.script());
    }

    @Test
    void aNewMigrationAlwaysSortsAfterTheNewestOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.time.Instant now = java.time.Instant.parse("2026-01-01T10:00:00.400Z");
        assertEquals(now, MigrationWriter.after(dir, now));
        java.nio.file.Files.createDirectories(dir.resolve("20260101100000_init"));
        assertEquals(java.time.Instant.parse("2026-01-01T10:00:01Z"), MigrationWriter.after(dir, now));
        java.nio.file.Files.createDirectories(dir.resolve("20270101000000_future"));
        assertEquals(java.time.Instant.parse("2027-01-01T00:00:01Z"), MigrationWriter.after(dir, now));
    }
}
