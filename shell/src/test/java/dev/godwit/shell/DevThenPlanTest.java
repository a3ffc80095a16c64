package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promise users rely on most: after `dev` has written and applied a migration for a schema,
 * `plan` finds nothing to do and the database equals the schema. Checked for every single schema
 * of the conformance corpus on PostgreSQL, and on MySQL/MariaDB for those the MySQL connector takes.
 */
class DevThenPlanTest {
    @TempDir
    Path tmp;

    private static final Path CORPUS = Path.of("..", "engine", "src", "test", "resources", "conformance").toAbsolutePath().normalize();

    private static List<Path> schemas() throws IOException {
        try (Stream<Path> dirs = Stream.of("prisma-7.10", "godwit-extra", "godwit-mysql").map(CORPUS::resolve).filter(Files::isDirectory)
                .flatMap(DevThenPlanTest::list)) {
            return dirs.map(d -> d.resolve("schema.prisma")).filter(Files::exists)
                    .filter(f -> !Files.exists(f.resolveSibling("expected.error.txt"))).sorted().toList();
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> postgres() throws IOException {
        return schemas().stream().filter(f -> read(f).contains("\"postgresql\""))
                .map(f -> DynamicTest.dynamicTest(f.getParent().getFileName().toString(), () -> devThenPlan(TestDatabase.Kind.POSTGRESQL, f)));
    }

    @TestFactory
    Stream<DynamicTest> mysql() throws IOException {
        return schemas().stream()
                .map(f -> DynamicTest.dynamicTest(f.getParent().getFileName().toString(), () -> devThenPlan(TestDatabase.Kind.MYSQL, f)));
    }

    private void devThenPlan(TestDatabase.Kind kind, Path schemaFile) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            Path dir = tmp.resolve(kind + "-" + schemaFile.getParent().getFileName());
            TestProject p = new TestProject(dir, db);
            String text = read(schemaFile).replace("provider = \"postgresql\"", "provider = \"" + db.provider().prismaName() + "\"")
                    .replace("provider = \"mysql\"", "provider = \"" + db.provider().prismaName() + "\"");
            Files.writeString(dir.resolve("prisma/schema.prisma"), text, StandardCharsets.UTF_8);
            GodwitRun dev = p.run("dev", "--name", "init");
            if (kind == TestDatabase.Kind.MYSQL && Files.isDirectory(CORPUS.resolve("godwit-mysql-rejected").resolve(schemaFile.getParent().getFileName()))) {
                // Prisma 7.10.1 rejects this schema for MySQL (lists, PostgreSQL native types, …); ConformanceTest checks godwit's lines
                assertEquals(2, dev.exitCode(), dev.all());
                return;
            }
            assertEquals(0, dev.exitCode(), dev.all());
            GodwitRun plan = p.run("plan");
            assertEquals(0, plan.exitCode(), plan.all());
            assertTrue(plan.stdout().contains("No changes"), plan.all());
            GodwitRun diff = p.run("diff", "--from", "database", "--to", "schema", "--exit-code");
            assertEquals(0, diff.exitCode(), diff.all());
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
