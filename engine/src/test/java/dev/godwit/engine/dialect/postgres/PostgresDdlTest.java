package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Change.*;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Layout details of Prisma's scripts (conformance cases 31, 33 and 35). */
class PostgresDdlTest {

    private final PostgresDdl ddl = new PostgresDdl();

    @Test
    void oneAlterTablePerTableWithFiveSpacesAfterAddColumn() {
        List<Change> changes = List.of(
                new DropColumn("User", Column.of("legacyScore", ColumnType.of("integer"), true)),
                new AddColumn("User", Column.of("bio", ColumnType.of("text"), true)),
                new AddColumn("User", Column.of("tags", ColumnType.of("text").withArrayDims(1), true)),
                new AddColumn("User", Column.of("website", ColumnType.of("varchar").withLength(100), true)),
                new DropColumn("Post", Column.of("oldSlug", ColumnType.of("text"), true)),
                new AddColumn("Post", Column.of("subtitle", ColumnType.of("text"), true)));
        assertEquals("""
                -- AlterTable
                ALTER TABLE "User" DROP COLUMN "legacyScore",
                ADD COLUMN     "bio" TEXT,
                ADD COLUMN     "tags" TEXT[],
                ADD COLUMN     "website" VARCHAR(100);

                -- AlterTable
                ALTER TABLE "Post" DROP COLUMN "oldSlug",
                ADD COLUMN     "subtitle" TEXT;
                """, ddl.script(changes));
    }

    @Test
    void enumValuesAndNullability() {
        Column status = Column.of("status", ColumnType.enumRef("TicketStatus"), false).withDefault("'OPEN'");
        List<Change> changes = List.of(
                new CreateEnum(new EnumType("Severity", List.of("LOW", "HIGH"))),
                new AddEnumValue("TicketStatus", "IN_PROGRESS", Position.BEFORE, "DONE"),
                new AddEnumValue("TicketStatus", "ARCHIVED", Position.END, null),
                new AddColumn("Ticket", Column.of("severity", ColumnType.enumRef("Severity"), false).withDefault("'LOW'")),
                new AlterColumn("Ticket", status, status.withDefault("'IN_PROGRESS'").withNullable(true), Set.of(Aspect.DEFAULT, Aspect.NULLABILITY)));
        assertEquals("""
                -- CreateEnum
                CREATE TYPE "Severity" AS ENUM ('LOW', 'HIGH');

                -- AlterEnum
                -- This migration adds more than one value to an enum.
                -- With PostgreSQL versions 11 and earlier, this is not possible
                -- in a single migration. This can be worked around by creating
                -- multiple migrations, each migration adding only one value to
                -- the enum.


                ALTER TYPE "TicketStatus" ADD VALUE 'IN_PROGRESS' BEFORE 'DONE';
                ALTER TYPE "TicketStatus" ADD VALUE 'ARCHIVED';

                -- AlterTable
                ALTER TABLE "Ticket" ADD COLUMN     "severity" "Severity" NOT NULL DEFAULT 'LOW',
                ALTER COLUMN "status" SET DEFAULT 'IN_PROGRESS',
                ALTER COLUMN "status" DROP NOT NULL;
                """, ddl.script(changes));
    }

    @Test
    void awkwardNamesAreQuoted() {
        Table t = Table.of("my \"odd\" table", List.of(Column.of("select", ColumnType.of("integer"), false),
                Column.of("日本語", ColumnType.of("text"), true)), new PrimaryKey("pk", List.of("select", "日本語")));
        assertEquals("""
                -- CreateTable
                CREATE TABLE "my ""odd"" table" (
                    "select" INTEGER NOT NULL,
                    "日本語" TEXT,

                    CONSTRAINT "pk" PRIMARY KEY ("select","日本語")
                );
                """, ddl.script(List.of(new CreateTable(t))));
    }

    @Test
    void serialSequenceNamesAreShortenedAsPostgresDoes() {
        assertEquals("Post_id_seq", PostgresRenames.sequenceName("Post", "id"));
        assertEquals("a".repeat(29) + "_" + "b".repeat(29) + "_seq", PostgresRenames.sequenceName("a".repeat(40), "b".repeat(40)));
        // as PostgreSQL 15 named them for a 60-byte table with columns id and b×40
        assertEquals("a".repeat(56) + "_id_seq", PostgresRenames.sequenceName("a".repeat(60), "id"));
        assertEquals("a".repeat(29) + "_" + "b".repeat(29) + "_seq", PostgresRenames.sequenceName("a".repeat(60), "b".repeat(40)));
    }
}
