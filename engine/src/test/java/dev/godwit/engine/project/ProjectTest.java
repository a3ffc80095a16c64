package dev.godwit.engine.project;

import dev.godwit.engine.Provider;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ProjectTest {

    static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void locateWalksUpToTheNearestProject(@TempDir Path dir) throws Exception {
        write(dir.resolve("godwit.toml"), "");
        Path deep = Files.createDirectories(dir.resolve("src/a/b"));
        assertEquals(dir.toAbsolutePath().normalize(), Project.locate(deep).root());
        // a nearer schema-only project wins
        write(dir.resolve("src/prisma/schema.prisma"), "");
        assertEquals(dir.resolve("src").toAbsolutePath().normalize(), Project.locate(deep).root());
        assertEquals(dir.resolve("src").toAbsolutePath().normalize(), Project.locate(dir.resolve("src")).root());
    }

    @Test
    void locateFailsWithoutProject(@TempDir Path dir) throws Exception {
        Path deep = Files.createDirectories(dir.resolve("x/y"));
        // Only meaningful when no ancestor of the temp dir is a project, which is the normal case.
        GodwitException e = assertThrows(GodwitException.class, () -> Project.locate(deep));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals("no godwit project found in " + deep.toAbsolutePath().normalize() + " or any parent", e.getMessage());
        assertEquals("run `godwit init` to create one, or pass --project DIR", e.hint());
    }

    @Test
    void openRequiresAProjectInThatDirectory(@TempDir Path dir) throws Exception {
        GodwitException missing = assertThrows(GodwitException.class, () -> Project.open(dir.resolve("nope")));
        assertEquals(ErrorKind.USAGE, missing.kind());
        write(dir.resolve("godwit.toml"), "");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        GodwitException notHere = assertThrows(GodwitException.class, () -> Project.open(sub));
        assertTrue(notHere.getMessage().startsWith("no godwit project in "), notHere.getMessage());
        assertEquals(dir.toAbsolutePath().normalize(), Project.open(dir).root());
    }

    @Test
    void pathsComeFromConfig(@TempDir Path dir) throws Exception {
        write(dir.resolve("godwit.toml"), "[project]\nschema = \"db/s.prisma\"\nmigrations = \"db/m\"\n");
        Project p = Project.open(dir);
        Path root = dir.toAbsolutePath().normalize();
        assertEquals(root.resolve("db/s.prisma"), p.schemaFile());
        assertEquals(root.resolve("db/m"), p.migrationsDir());
        assertEquals(Optional.empty(), p.schemaProvider(), "schema file is missing");
    }

    @Test
    void schemaOnlyProjectUsesDefaults(@TempDir Path dir) throws Exception {
        write(dir.resolve("prisma/schema.prisma"), """
                // comment with datasource fake { provider = "mysql" }
                generator client {
                  provider = "prisma-client-js"
                }

                datasource db {
                  provider  = "postgresql" // trailing comment
                  url       = env("PG_URL")
                  extensions = [pgcrypto, uuid_ossp(schema: "ext")]
                }

                model User {
                  id Int @id
                }
                """);
        Project p = Project.open(dir);
        assertTrue(p.environments().isEmpty());
        assertNull(p.defaultEnvName());
        assertEquals(Optional.of(Provider.POSTGRESQL), p.schemaProvider());
        assertEquals(Optional.of("PG_URL"), p.schemaUrlEnvVar());
        assertEquals(Optional.empty(), p.schemaUrlLiteral());
        assertEquals("db", p.schemaDatasource().orElseThrow().name());
    }

    @Test
    void defaultEnvName(@TempDir Path dir) throws Exception {
        write(dir.resolve("a/godwit.toml"), "[project]\ndefault_env = \"prod\"\n[env.dev]\n[env.prod]\n");
        write(dir.resolve("b/godwit.toml"), "[env.staging]\n[env.dev]\n");
        write(dir.resolve("c/godwit.toml"), "[env.only]\n");
        write(dir.resolve("d/godwit.toml"), "[env.x]\n[env.y]\n");
        assertEquals("prod", Project.open(dir.resolve("a")).defaultEnvName());
        assertEquals("dev", Project.open(dir.resolve("b")).defaultEnvName());
        assertEquals("only", Project.open(dir.resolve("c")).defaultEnvName());
        assertNull(Project.open(dir.resolve("d")).defaultEnvName());
        assertTrue(Project.open(dir.resolve("d")).environment("x").isPresent());
        assertTrue(Project.open(dir.resolve("d")).environment("z").isEmpty());
    }

    @Test
    void dotEnvIsReadFromRoot(@TempDir Path dir) throws Exception {
        write(dir.resolve("godwit.toml"), "");
        write(dir.resolve(".env"), "DATABASE_URL=postgresql://h/db\n");
        assertEquals(Map.of("DATABASE_URL", "postgresql://h/db"), Project.open(dir).dotEnv());
    }

    @Test
    void datasourceReader() {
        SchemaDatasource d = SchemaDatasource.parse("""
                datasource   main
                {
                  provider = "mysql"
                  url = "mysql://u:p@h/db" // literal
                  directUrl = env("DIRECT")
                  shadowDatabaseUrl = env( "SHADOW" )
                  relationMode = "prisma"
                }
                """).orElseThrow();
        assertEquals("main", d.name());
        assertEquals("mysql", d.provider());
        assertEquals(SchemaDatasource.Value.literal("mysql://u:p@h/db"), d.url());
        assertEquals(SchemaDatasource.Value.env("DIRECT"), d.directUrl());
        assertEquals(SchemaDatasource.Value.env("SHADOW"), d.shadowDatabaseUrl());
        assertEquals(d.directUrl(), d.migrationUrl());
        assertTrue(SchemaDatasource.parse("model A { id Int }").isEmpty());
        SchemaDatasource p7 = SchemaDatasource.parse("datasource db {\n  provider = \"postgresql\"\n}\n").orElseThrow();
        assertNull(p7.url());
        assertNull(p7.migrationUrl());
    }

    @Test
    void unsupportedProviderIsUsageError(@TempDir Path dir) throws Exception {
        write(dir.resolve("prisma/schema.prisma"), "datasource db {\n provider = \"sqlite\"\n url = \"file:dev.db\"\n}\n");
        GodwitException e = assertThrows(GodwitException.class, () -> Project.open(dir).schemaProvider());
        assertEquals(ErrorKind.USAGE, e.kind());
    }
}
