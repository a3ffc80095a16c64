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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Introspection round trip: a database built from a schema's SQL is pulled into schema-file text, which
 * must pass every check and map back to the same database schema (what the schema file cannot say
 * kept by {@link Unrepresented#keep}): so {@code pull} then {@code plan} finds no change.
 * PostgreSQL: Prisma's own SQL for each single schema of the conformance corpus, and the SQL schema
 * corpus; MySQL/MariaDB: godwit's script for the MySQL schemas, and the MySQL SQL schema corpus.
 */
class PullRoundTripTest {

    @TestFactory
    Stream<DynamicTest> prismaCorpusOnPostgres() {
        return Stream.concat(singles("prisma-7.10"), singles("godwit-extra"))
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    try (TestDatabase db = TestDatabases.postgres()) {
                        SchemaCorpus.load(db, dir.resolve("expected.postgresql.sql"));
                        assertPullsBack(db);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> sqlCorpus() {
        return Stream.of("postgresql", "mysql").flatMap(dialect -> SchemaCorpus.schemas(dialect).stream()
                .map(file -> DynamicTest.dynamicTest(dialect + "/" + file.getFileName(), () -> {
                    try (TestDatabase db = dialect.equals("mysql") ? TestDatabases.mysql() : TestDatabases.postgres()) {
                        SchemaCorpus.load(db, file);
                        assertPullsBack(db);
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> mysqlSchemas() {
        return folders("godwit-mysql").map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            try (TestDatabase db = TestDatabases.mysql()) {
                Schema mapped = Psl.parse("schema.prisma", SchemaCorpus.read(dir.resolve("schema.prisma"))).toSchema(db.schema());
                Dialect mysql = Dialect.of(Provider.MYSQL);
                SchemaCorpus.run(db, mysql.ddlWriter().statements(Differ.diff(Schema.empty(db.schema()), mapped, mysql.diffHooks())));
                assertPullsBack(db);
            }
        }));
    }

    /** Pulls {@code db}, checks that the text maps back to what the database holds, and returns the text. */
    static String assertPullsBack(TestDatabase db) {
        Schema live = SchemaCorpus.inspect(db);
        String text = pull(live, db.provider());
        Schema mapped;
        try {
            mapped = Psl.parse("schema.prisma", text).toSchema(db.schema());
        } catch (PslException e) {
            throw new AssertionError("the pulled schema does not pass the checks:\n" + e.getMessage() + "\n" + text, e);
        }
        Schema desired = Unrepresented.keep(live, mapped, db.provider());
        List<Change> changes = Differ.diff(live, desired, Dialect.of(db.provider()).diffHooks());
        assertEquals(List.of(), changes, "pulled:\n" + text);
        return text;
    }

    static String pull(Schema live, Provider provider) {
        return PslWriter.write(live, provider, "datasource db {\n  provider = \"" + provider.prismaName() + "\"\n}");
    }

    private static Stream<Path> singles(String corpus) {
        return folders(corpus).filter(d -> Files.exists(d.resolve("schema.prisma")) && Files.exists(d.resolve("expected.postgresql.sql")));
    }

    private static Stream<Path> folders(String corpus) {
        try (Stream<Path> s = Files.list(ConformanceTest.resource(corpus))) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
