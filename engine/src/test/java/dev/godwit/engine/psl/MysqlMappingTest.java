package dev.godwit.engine.psl;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.project.Provider;
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

    /** Table attributes (engine, charset) are the server's defaults; the mapping does not state them. */
    private static Schema stripAttributes(Schema s) {
        return new Schema(s.name(), s.tables().stream().map(t -> new dev.godwit.engine.schema.Table(t.name(), t.columns(), t.primaryKey(),
                t.indexes(), t.foreignKeys(), t.checks(), t.comment(), java.util.Map.of())).toList(), s.enums(), s.sequences(), s.views(), List.of());
    }
}
