package dev.godwit.engine.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DownWarningsTest {
    @Test
    void readsTheItemsOfALeadingWarningsBlock() {
        String sql = "/*\n  Warnings:\n\n  - The `Tag` table is re-created empty: its rows, dropped by migration.sql, cannot be restored.\n"
                + "  - The column `nick` on the `User` table is re-created empty:\n    its values cannot be restored.\n\n*/\n"
                + "-- CreateTable\nCREATE TABLE \"Tag\" (id INTEGER);\n";
        assertEquals(List.of("The `Tag` table is re-created empty: its rows, dropped by migration.sql, cannot be restored.",
                "The column `nick` on the `User` table is re-created empty: its values cannot be restored."), DownWarnings.of(sql));
    }

    @Test
    void otherCommentsAndPlainScriptsHaveNone() {
        assertEquals(List.of(), DownWarnings.of("-- AlterTable\nALTER TABLE \"User\" DROP COLUMN \"bio\";\n"));
        assertEquals(List.of(), DownWarnings.of("/* a note\n  - not a warning */\nDROP TABLE t;\n"));
        assertEquals(List.of(), DownWarnings.of("/*\n  Warnings:\n  - unterminated"));
    }
}
