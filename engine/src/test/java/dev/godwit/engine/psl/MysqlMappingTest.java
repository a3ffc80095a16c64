package dev.godwit.engine.psl;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.testing.SchemaCorpus;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MySQL mapping (Prisma's documented type mapping; prisma-ref has no MySQL connector, so there is no
 * Prisma SQL to compare with): godwit's script for each schema of {@code conformance/godwit-mysql/}
 * runs on MySQL/MariaDB and reads back as the mapped schema.
 */
class MysqlMappingTest {
    private static final Dialect MYSQL = Dialect.of(Provider.MYSQL);

    @TestFactory
    Stream<DynamicTest> mysqlSchemas() throws IOException {
        try (Stream<Path> dirs = Files.list(ConformanceTest.resource("godwit-mysql"))) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> roundTrip(dir)));
        }
    }

    /** Prisma's MySQL join table keeps a unique index (no primary key), and every table states utf8mb4. */
    @org.junit.jupiter.api.Test
    void implicitManyToManyTableAsPrismaWritesIt() {
        Schema mapped = Psl.parse("schema.prisma", "datasource db {\n  provider = \"mysql\"\n}\n\n"
                + "model Post {\n  id Int @id\n  tags Tag[]\n}\n\nmodel Tag {\n  id Int @id\n  posts Post[]\n}\n").toSchema("shop");
        String script = MYSQL.ddlWriter().script(Differ.diff(Schema.empty("shop"), mapped, MYSQL.diffHooks()));
        org.junit.jupiter.api.Assertions.assertTrue(script.contains("""
                CREATE TABLE `_PostToTag` (
                    `A` INTEGER NOT NULL,
                    `B` INTEGER NOT NULL
                ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"""), script);
        org.junit.jupiter.api.Assertions.assertTrue(script.contains("CREATE UNIQUE INDEX `_PostToTag_AB_unique` ON `_PostToTag`(`A`, `B`);"), script);
        org.junit.jupiter.api.Assertions.assertTrue(script.contains("CREATE INDEX `_PostToTag_B_index` ON `_PostToTag`(`B`);"), script);
        org.junit.jupiter.api.Assertions.assertTrue(script.contains("""
                    PRIMARY KEY (`id`)
                ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"""), script);
    }

    private static void roundTrip(Path dir) {
        try (TestDatabase db = TestDatabases.mysql()) {
            Schema mapped = Psl.parse("schema.prisma", SchemaCorpus.read(dir.resolve("schema.prisma"))).toSchema(db.schema());
            List<Change> changes = Differ.diff(Schema.empty(db.schema()), mapped, MYSQL.diffHooks());
            String script = MYSQL.ddlWriter().script(changes);
            SchemaCorpus.run(db, MYSQL.ddlWriter().statements(changes));
            Schema read = SchemaCorpus.inspect(db);
            assertEquals(List.of(), Differ.diff(read, mapped, MYSQL.diffHooks()), "script:\n" + script);
            assertEquals(SchemaCorpus.ignoringColumnOrder(stripAttributes(read)), SchemaCorpus.ignoringColumnOrder(mapped), "script:\n" + script);
        }
    }

    /** The storage engine is the server's default; the mapping states only the collation, as Prisma's SQL does. */
    private static Schema stripAttributes(Schema s) {
        return new Schema(s.name(), s.tables().stream().map(t -> {
            java.util.Map<String, String> kept = new java.util.HashMap<>(t.attributes());
            kept.remove("engine");
            return new dev.godwit.engine.schema.Table(t.name(), t.columns(), t.primaryKey(),
                    t.indexes(), t.foreignKeys(), t.checks(), t.comment(), kept);
        }).toList(), s.enums(), s.sequences(), s.views(), List.of());
    }
}
