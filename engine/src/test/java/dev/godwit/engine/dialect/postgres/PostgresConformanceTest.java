package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.testing.SchemaCorpus;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The script for a schema introspected from Prisma's own output reads like Prisma's output.
 * Differences allowed: godwit orders tables and indexes by name (Prisma: by model), and the
 * {@code CreateSchema} block, which is an artefact of {@code migrate diff --from-empty}.
 */
class PostgresConformanceTest {

    @Test
    void blogScriptMatchesPrismaStepByStep() throws Exception {
        Path expectedFile = SchemaCorpus.root("postgresql").resolve("blog.sql");
        try (TestDatabase db = TestDatabases.postgres()) {
            SchemaCorpus.load(db, expectedFile);
            Schema s = SchemaCorpus.inspect(db);
            String script = new PostgresDdl().script(Differ.diff(Schema.empty("public"), s));
            System.out.println(script);
            assertEquals(sortedSteps(Files.readString(expectedFile)), sortedSteps(script));
        }
    }

    private static java.util.List<String> sortedSteps(String script) {
        return java.util.Arrays.stream(script.strip().split("\n\n(?=-- )")).map(String::strip).sorted().toList();
    }
}
