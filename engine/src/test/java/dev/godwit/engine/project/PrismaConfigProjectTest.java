package dev.godwit.engine.project;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.godwit.engine.project.ProjectTest.write;
import static org.junit.jupiter.api.Assertions.*;

/** A Prisma 7 project as it is: settings in prisma.config.ts, godwit.toml optional. */
class PrismaConfigProjectTest {
    private static final String CONFIG = """
            import "dotenv/config";
            import { defineConfig, env } from "prisma/config";
            export default defineConfig({
              schema: "prisma/schema",
              migrations: { seed: "tsx prisma/seed.ts" },
              datasource: { url: env("APP_DATABASE_URL"), shadowDatabaseUrl: process.env.SHADOW_URL },
            });
            """;

    @Test
    void aPrismaConfigAloneMakesAProject(@TempDir Path dir) throws Exception {
        write(dir.resolve("prisma.config.ts"), CONFIG);
        Path deep = Files.createDirectories(dir.resolve("src/lib"));
        Project p = Project.locate(deep);
        Path root = dir.toAbsolutePath().normalize();
        assertEquals(root, p.root());
        assertEquals(root.resolve("prisma/schema"), p.schemaFile());
        assertEquals(root.resolve("prisma/migrations"), p.migrationsDir(),
                "a schema folder that does not exist yet: migrations beside where its file would be");
        assertEquals("tsx prisma/seed.ts", p.seedCommand());
        Files.createDirectories(dir.resolve("prisma/schema"));
        assertEquals(root.resolve("prisma/schema/migrations"), p.migrationsDir(), "Prisma keeps them inside the schema folder");
    }

    @Test
    void godwitTomlWinsOverThePrismaConfig(@TempDir Path dir) throws Exception {
        write(dir.resolve("prisma.config.ts"), CONFIG);
        write(dir.resolve("godwit.toml"), "[project]\nschema = \"db/app.prisma\"\nmigrations = \"db/history\"\nseed = \"make seed\"\n");
        Project p = Project.open(dir);
        Path root = dir.toAbsolutePath().normalize();
        assertEquals(root.resolve("db/app.prisma"), p.schemaFile());
        assertEquals(root.resolve("db/history"), p.migrationsDir());
        assertEquals("make seed", p.seedCommand());
    }

    @Test
    void theUrlComesFromTheConfigAfterGodwitTomlAndBeforeDatabaseUrl(@TempDir Path dir) throws Exception {
        write(dir.resolve("prisma.config.ts"), CONFIG);
        write(dir.resolve(".env"), "APP_DATABASE_URL=postgresql://app@db.example/app\nDATABASE_URL=postgresql://other@x/y\n");
        Project p = Project.open(dir);
        ResolvedUrl r = UrlResolver.resolve(p, null, null, Map.of("DATABASE_URL", "postgresql://env@x/y")).orElseThrow();
        assertEquals("prisma.config.ts datasource.url", r.source());
        assertEquals("db.example", r.url().host());
        assertEquals("postgresql://cli@h/d", UrlResolver.resolve(p, "postgresql://cli@h/d", null, Map.of()).orElseThrow()
                .url().prismaUrl().replace(":5432", ""));
        assertTrue(UrlResolver.resolveShadow(p, null, null, Map.of()).isEmpty());
        assertEquals("shadow.example", UrlResolver.resolveShadow(p, null, null,
                Map.of("SHADOW_URL", "postgresql://s@shadow.example/sh")).orElseThrow().host());
    }

    @Test
    void anUnsetEnvInTheConfigIsAnErrorNamingItsLine(@TempDir Path dir) throws Exception {
        write(dir.resolve("prisma.config.ts"), CONFIG);
        Project p = Project.open(dir);
        GodwitException e = assertThrows(GodwitException.class, () -> UrlResolver.resolve(p, null, null, Map.of()));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("prisma.config.ts:6:22: env(\"APP_DATABASE_URL\")"), e.getMessage());
    }

    @Test
    void prismasDefaultSchemaIsTheRootOneFirst(@TempDir Path dir) throws Exception {
        write(dir.resolve("prisma.config.ts"), "export default { datasource: { url: process.env.DATABASE_URL } }\n");
        Project p = Project.open(dir);
        Path root = dir.toAbsolutePath().normalize();
        assertEquals(root.resolve("prisma/schema.prisma"), p.schemaFile());
        assertEquals(root.resolve("prisma/migrations"), p.migrationsDir());
        write(dir.resolve("schema.prisma"), "datasource db { provider = \"postgresql\" }\n");
        assertEquals(root.resolve("schema.prisma"), p.schemaFile());
        assertEquals(root.resolve("migrations"), p.migrationsDir());
    }
}
