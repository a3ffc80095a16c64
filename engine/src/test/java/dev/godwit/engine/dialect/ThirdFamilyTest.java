package dev.godwit.engine.dialect;

import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third database family is one package: the test package {@code dialect.cockroach} (CockroachDB through the
 * PostgreSQL driver, doing what PostgreSQL's dialect does) and its META-INF/services, put on the class path of a
 * JVM of its own, make godwit read a cockroachdb:// URL and a schema of that provider and apply migrations, with
 * no change to the engine. Run against the PostgreSQL test server, which speaks the same protocol.
 */
class ThirdFamilyTest {
    @TempDir
    Path tmp;

    @Test
    void aFamilyDefinedInOnePackageAppliesMigrations() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Path migrations = tmp.resolve("migrations");
            MigrationsDir.write(migrations.resolve("20240101000000_init/migration.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
            MigrationsDir.write(migrations.resolve("20240102000000_tags/migration.sql"), "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
            MigrationsDir.write(migrations.resolve("migration_lock.toml"), "provider = \"cockroachdb\"\n");
            String url = db.url().replaceFirst("^postgres(ql)?://", "cockroachdb://");
            Path services = Path.of("target/test-classes/third-family").toAbsolutePath();
            assertTrue(Files.isDirectory(services.resolve("META-INF/services")), services.toString());
            Path out = tmp.resolve("out.txt");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path") + File.pathSeparator + services,
                    "dev.godwit.engine.dialect.cockroach.ThirdFamilyMain", url, migrations.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM did not finish");
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), printed);
            assertTrue(printed.contains("provider COCKROACHDB from cockroachdb"), printed);
            assertTrue(printed.contains("jdbc jdbc:postgresql://"), printed);
            assertTrue(printed.contains("families [POSTGRESQL, MYSQL, COCKROACHDB]"), printed);
            assertTrue(printed.contains("schema tables 1"), printed);
            assertTrue(printed.contains("dialect CockroachDialect"), printed);
            assertTrue(printed.contains("applied 2"), printed);
            assertEquals(List.of("_prisma_migrations", "notes", "tags"), db.tables().stream().sorted().toList());
            assertEquals("2", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL"));
        }
    }
}
