package dev.godwit.engine.psl;

import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.ReferentialAction;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Mapping details that need no database. */
class MappingTest {

    private static Schema map(String provider, String models) {
        return Psl.parse("schema.prisma", "datasource db {\n  provider = \"" + provider + "\"\n}\n" + models).toSchema("s");
    }

    @Test
    void namesAreCutAtTheIdentifierLimitWithoutSplittingCharacters() {
        ConstraintNames pg = new ConstraintNames(63);
        String table = "T" + "é".repeat(40); // 81 bytes
        String pkey = pg.primaryKey(table);
        assertEquals(true, pkey.endsWith("_pkey"));
        assertEquals(true, pkey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63);
        assertEquals("T" + "é".repeat(28) + "_pkey", pkey);
        assertEquals("abc_x_y_key", pg.unique("abc", List.of("x", "y")));
        String sixtyThree = "a".repeat(59);
        assertEquals("a".repeat(58) + "_pkey", pg.primaryKey(sixtyThree));
        assertEquals("a".repeat(57) + "_pkey", pg.primaryKey("a".repeat(57)));
        assertEquals("t_" + "c".repeat(56) + "_fkey", new ConstraintNames(63).foreignKey("t", List.of("c".repeat(70))));
        assertEquals("t_" + "c".repeat(58) + "_idx", new ConstraintNames(64).index("t", List.of("c".repeat(70))));
    }

    @Test
    void mysqlTypesDefaultsAndKeys() {
        Schema s = map("mysql", """
                enum Kind {
                  A @map("a")
                  B
                }
                model Thing {
                  id      Int      @id @default(autoincrement())
                  name    String   @default("x")
                  on      Boolean  @default(true)
                  at      DateTime @default(now())
                  kind    Kind     @default(A)
                  price   Decimal  @default(1.5)
                  ownerId Int?
                  owner   Owner?   @relation(fields: [ownerId], references: [id])
                }
                model Owner {
                  id     Int     @id
                  things Thing[]
                }
                """);
        Table t = s.table("Thing").orElseThrow();
        assertNull(t.primaryKey().name());
        Column id = t.column("id").orElseThrow();
        assertEquals(Identity.AUTO_INCREMENT, id.identity());
        assertEquals("varchar(191)", t.column("name").orElseThrow().type().toString());
        assertEquals("'x'", t.column("name").orElseThrow().defaultValue());
        assertEquals("1", t.column("on").orElseThrow().defaultValue());
        assertEquals("CURRENT_TIMESTAMP(3)", t.column("at").orElseThrow().defaultValue());
        assertEquals(List.of("a", "B"), t.column("kind").orElseThrow().type().enumValues());
        assertEquals("'a'", t.column("kind").orElseThrow().defaultValue());
        assertEquals("1.500000000000000000000000000000", t.column("price").orElseThrow().defaultValue());
        ForeignKey fk = t.foreignKeys().get(0);
        assertEquals("Thing_ownerId_fkey", fk.name());
        assertEquals(ReferentialAction.SET_NULL, fk.onDelete());
        assertEquals(List.of("Thing_ownerId_fkey"), t.indexes().stream().map(i -> i.name()).toList(), "InnoDB's index for the key");
        assertEquals(List.of(), s.enums());
    }

    @Test
    void implicitManyToManyUsesModelNamesSortedAndIdTypes() {
        Schema s = map("postgresql", """
                model Zebra {
                  id    String  @id @db.Uuid
                  apple Apple[]
                  @@map("zebras")
                }
                model Apple {
                  id     BigInt  @id @default(autoincrement())
                  zebras Zebra[]
                }
                """);
        Table join = s.table("_AppleToZebra").orElseThrow();
        assertEquals("bigint", join.column("A").orElseThrow().type().name());
        assertEquals("uuid", join.column("B").orElseThrow().type().name());
        assertEquals(Identity.NONE, join.column("A").orElseThrow().identity());
        assertEquals("_AppleToZebra_AB_pkey", join.primaryKey().name());
        assertEquals("zebras", join.foreignKeys().stream().filter(f -> f.name().equals("_AppleToZebra_B_fkey")).findFirst().orElseThrow().refTable());
    }
}
