package dev.godwit.engine.psl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Names longer than the database keeps are errors at their place, never cut silently. */
class IdentifierLengthTest {
    private static String schema(String provider, String body) {
        return "datasource db {\n  provider = \"" + provider + "\"\n}\n\n" + body;
    }

    @Test
    void postgresCountsBytesAndNamesEachPlace() {
        String table = "t".repeat(64);
        String column = "é".repeat(32); // 64 bytes, 32 characters
        String index = "i".repeat(64);
        String text = schema("postgresql", "model A {\n  id Int @id\n  x Int @map(\"" + column + "\")\n  @@map(\"" + table + "\")\n"
                + "  @@index([x], map: \"" + index + "\")\n}\n");
        PslException e = assertThrows(PslException.class, () -> Psl.parse("schema.prisma", text));
        assertEquals(List.of(7, 8, 9), e.lines().stream().sorted().toList(), e.getMessage());
        assertTrue(e.getMessage().contains("the table name `" + table + "` is too long for PostgreSQL: at most 63 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("the column name `" + column + "` is too long"), e.getMessage());
        assertTrue(e.getMessage().contains("The constraint name '" + index + "' specified in the `map` argument for the `@@index` constraint "
                + "is too long for your chosen provider. The maximum allowed length is 63 bytes."), e.getMessage());

        String fits = schema("postgresql", "model " + "M".repeat(63) + " {\n  id Int @id\n  x Int @map(\"" + "é".repeat(31) + "\")\n}\n");
        assertDoesNotThrow(() -> Psl.parse("schema.prisma", fits));
    }

    @Test
    void mysqlCountsCharacters() {
        String ok = schema("mysql", "model A {\n  id Int @id\n  x Int @map(\"" + "é".repeat(64) + "\")\n}\n");
        assertDoesNotThrow(() -> Psl.parse("schema.prisma", ok));
        String tooLong = schema("mysql", "model A {\n  id Int @id\n  x Int @map(\"" + "c".repeat(65) + "\")\n}\n");
        PslException e = assertThrows(PslException.class, () -> Psl.parse("schema.prisma", tooLong));
        assertEquals(List.of(7), e.lines());
        assertTrue(e.getMessage().contains("too long for MySQL: at most 64 characters"), e.getMessage());
    }
}
