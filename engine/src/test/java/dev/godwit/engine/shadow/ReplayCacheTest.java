package dev.godwit.engine.shadow;

import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ReplayCacheTest {
    @TempDir
    Path tmp;

    private static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
            }
            model User {
              id    Int     @id @default(autoincrement())
              email String  @unique
              name  String? @db.VarChar(40)
              role  Role    @default(USER)
              posts Post[]
            }
            model Post {
              id       Int      @id @default(autoincrement())
              at       DateTime @default(now())
              price    Decimal  @db.Decimal(10, 2)
              author   User     @relation(fields: [authorId], references: [id], onDelete: Cascade)
              authorId Int
              @@index([at(sort: Desc)])
            }
            enum Role {
              USER
              ADMIN
            }
            """;

    @Test
    void aSchemaSurvivesTheCacheFormat() throws Exception {
        Schema s = Psl.parse("schema.prisma", SCHEMA).toSchema("public");
        assertFalse(s.tables().isEmpty());
        assertEquals(s, ReplayCache.roundTrip(s));
        ReplayCache cache = new ReplayCache(tmp);
        cache.write("k", s);
        assertEquals(s, cache.read("k").orElseThrow());
        Files.writeString(tmp.resolve("replay-bad.json"), "{not json");
        assertTrue(cache.read("bad").isEmpty(), "a damaged entry is a miss");
    }

    @Test
    void theKeyOfEachPrefixDependsOnEveryNameAndChecksumBeforeIt() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.sql"), "CREATE TABLE a (id int);\n");
        Path b = Files.writeString(tmp.resolve("b.sql"), "CREATE TABLE b (id int);\n");
        List<String> k1 = ReplayCache.chainKeys("postgresql", List.of(LocalMigration.load("1_a", a), LocalMigration.load("2_b", b)));
        List<String> k2 = ReplayCache.chainKeys("postgresql", List.of(LocalMigration.load("1_a", a)));
        assertEquals(k1.get(0), k2.get(0));
        Files.writeString(a, "CREATE TABLE a (id bigint);\n");
        List<String> k3 = ReplayCache.chainKeys("postgresql", List.of(LocalMigration.load("1_a", a), LocalMigration.load("2_b", b)));
        assertNotEquals(k1.get(0), k3.get(0));
        assertNotEquals(k1.get(1), k3.get(1));
        assertNotEquals(k1.get(0), ReplayCache.chainKeys("mysql", List.of(LocalMigration.load("1_a", a))).get(0));
    }
}
