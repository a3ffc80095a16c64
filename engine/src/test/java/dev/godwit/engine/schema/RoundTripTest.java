package dev.godwit.engine.schema;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.testing.SchemaCorpus;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The round-trip invariant on real databases: for every schema S of the corpus, the script of
 * diff(empty, S) run on an empty database reads back as S; for every evolution pair, the script
 * of diff(A, B) run on A reads back as B (and back again).
 */
class RoundTripTest {

    @TestFactory
    Stream<DynamicTest> postgresSchemas() {
        return schemas(TestDatabase.Kind.POSTGRESQL, "postgresql");
    }

    @TestFactory
    Stream<DynamicTest> postgresEvolution() {
        return pairs(TestDatabase.Kind.POSTGRESQL, "postgresql");
    }

    @TestFactory
    Stream<DynamicTest> mysqlSchemas() {
        return schemas(TestDatabase.Kind.MYSQL, "mysql");
    }

    @TestFactory
    Stream<DynamicTest> mysqlEvolution() {
        return pairs(TestDatabase.Kind.MYSQL, "mysql");
    }

    static Stream<DynamicTest> schemas(TestDatabase.Kind kind, String dir) {
        return SchemaCorpus.schemas(dir).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            try (TestDatabase original = TestDatabases.of(kind); TestDatabase copy = TestDatabases.of(kind)) {
                SchemaCorpus.load(original, file);
                Schema s = SchemaCorpus.inspect(original);
                Dialect dialect = original.target().dialect();
                List<Change> changes = Differ.diff(Schema.empty(original.schema()), s, dialect.diffHooks());
                String script = dialect.ddlWriter().script(changes);
                SchemaCorpus.run(copy, dialect.ddlWriter().statements(changes));
                Schema s2 = SchemaCorpus.inspect(copy);
                assertEquals(SchemaCorpus.managed(s), SchemaCorpus.managed(s2), "read back differs; script:\n" + script);
                assertEquals(List.of(), Differ.diff(s, s2, dialect.diffHooks()));
            }
        }));
    }

    static Stream<DynamicTest> pairs(TestDatabase.Kind kind, String dir) {
        return SchemaCorpus.pairs(dir).stream().flatMap(pair -> Stream.of(
                DynamicTest.dynamicTest(pair.getFileName() + " a→b", () -> evolve(kind, pair.resolve("a.sql"), pair.resolve("b.sql"))),
                DynamicTest.dynamicTest(pair.getFileName() + " b→a", () -> evolve(kind, pair.resolve("b.sql"), pair.resolve("a.sql")))));
    }

    private static void evolve(TestDatabase.Kind kind, Path fromFile, Path toFile) {
        try (TestDatabase db = TestDatabases.of(kind); TestDatabase target = TestDatabases.of(kind)) {
            SchemaCorpus.load(db, fromFile);
            SchemaCorpus.load(target, toFile);
            Dialect dialect = db.target().dialect();
            Schema a = SchemaCorpus.inspect(db);
            Schema b = SchemaCorpus.inspect(target);
            // the pair's b.sql is reproduced exactly, the order of enum values too (which plans leave alone by default)
            dev.godwit.engine.diff.DiffHooks hooks = dev.godwit.engine.diff.DiffHooks.reorderingEnums(dialect.diffHooks());
            List<Change> changes = Differ.diff(a, b, hooks);
            String script = dialect.ddlWriter().script(changes);
            SchemaCorpus.run(db, dialect.ddlWriter().statements(changes));
            Schema after = SchemaCorpus.inspect(db);
            assertEquals(List.of(), Differ.diff(after, b, hooks), "not at target after script:\n" + script);
            assertEquals(SchemaCorpus.ignoringColumnOrder(b), SchemaCorpus.ignoringColumnOrder(after), "script:\n" + script);
        }
    }
}
