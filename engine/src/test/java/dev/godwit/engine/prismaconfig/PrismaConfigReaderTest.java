package dev.godwit.engine.prismaconfig;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.project.DotEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PrismaConfigReaderTest {
    @TempDir
    Path root;

    private PrismaConfig read(String name, String text, Map<String, String> env) throws Exception {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return PrismaConfigReader.read(file, root, env, DotEnv::read);
    }

    private PrismaConfig read(String text) throws Exception {
        return read("prisma.config.ts", text, Map.of());
    }

    @Test
    void theUsualPrisma7Config() throws Exception {
        PrismaConfig c = read("prisma.config.ts", """
                import "dotenv/config";
                import { defineConfig, env } from "prisma/config";

                export default defineConfig({
                  schema: "prisma/schema.prisma",
                  migrations: {
                    path: "prisma/migrations",
                    seed: "tsx prisma/seed.ts",
                  },
                  datasource: {
                    url: env("DATABASE_URL"),
                  },
                });
                """, Map.of("DATABASE_URL", "postgresql://u@h/db"));
        assertEquals(root.resolve("prisma/schema.prisma"), c.schema().value());
        assertEquals(root.resolve("prisma/migrations"), c.migrations().value());
        assertEquals("tsx prisma/seed.ts", c.seed().value());
        assertEquals("postgresql://u@h/db", c.url().get().orElseThrow());
        assertFalse(c.shadowDatabaseUrl().present());
    }

    @Test
    void satisfiesAndProcessEnvWithFallbacks() throws Exception {
        PrismaConfig c = read("prisma.config.mts", """
                import type { PrismaConfig } from 'prisma'
                // a comment with export default { schema: "wrong" }
                const shadow = process.env.SHADOW_URL ?? `postgresql://localhost/shadow`
                export default {
                  schema: 'db/schema',
                  datasource: {
                    url: process.env.MISSING || process.env["DB_URL"],
                    shadowDatabaseUrl: shadow,
                    directUrl: process.env.DIRECT_URL,
                  },
                } satisfies PrismaConfig
                """, Map.of("DB_URL", "mysql://r@h/x"));
        assertEquals(root.resolve("db/schema"), c.schema().value());
        assertNull(c.migrations().value());
        assertEquals("mysql://r@h/x", c.url().get().orElseThrow());
        assertEquals("postgresql://localhost/shadow", c.shadowDatabaseUrl().get().orElseThrow());
        assertTrue(c.directUrl().get().isEmpty(), "process.env of an unset variable is undefined");
    }

    @Test
    void commonJsWithPathJoinAndDirname() throws Exception {
        PrismaConfig c = read(".config/prisma.cjs", """
                require('dotenv').config({ path: '.env.local' })
                const path = require("node:path");
                const { defineConfig } = require("prisma/config");
                module.exports = defineConfig({
                  schema: path.join(__dirname, "..", "prisma", "schema"),
                  migrations: { path: path.resolve(__dirname, "../migrations") },
                  datasource: { url: process.env.LOCAL_URL },
                });
                """, Map.of());
        Files.writeString(root.resolve(".env.local"), "LOCAL_URL=postgresql://local/db\n");
        PrismaConfig again = PrismaConfigReader.read(root.resolve(".config/prisma.cjs"), root, Map.of(), DotEnv::read);
        assertEquals(root.resolve("prisma/schema"), c.schema().value());
        assertEquals(root.resolve("migrations"), c.migrations().value());
        assertEquals("postgresql://local/db", again.url().get().orElseThrow());
    }

    @Test
    void typedConstantsImportMetaAndTypedEnv() throws Exception {
        PrismaConfig c = read("prisma.config.ts", """
                import path from 'node:path'
                import { defineConfig, env, type PrismaConfig } from 'prisma/config'
                type Env = { DATABASE_URL: string }
                const config: PrismaConfig = {
                  schema: path.join(import.meta.dirname, 'prisma/schema.prisma'),
                  datasource: { url: env<Env>('DATABASE_URL') },
                  migrations: { seed: `node --import tsx prisma/seed.ts` },
                }
                export default config
                """, Map.of("DATABASE_URL", "postgresql://x@y/z"));
        assertEquals(root.resolve("prisma/schema.prisma"), c.schema().value());
        assertEquals("node --import tsx prisma/seed.ts", c.seed().value());
        assertEquals("postgresql://x@y/z", c.url().get().orElseThrow());
    }

    @Test
    void dotEnvIsReadForVariables() throws Exception {
        Files.writeString(root.resolve(".env"), "DATABASE_URL=\"postgresql://from-dotenv/db\"\n");
        PrismaConfig c = read("""
                import 'dotenv/config'
                export default { datasource: { url: env('DATABASE_URL') } }
                """);
        assertEquals("postgresql://from-dotenv/db", c.url().get().orElseThrow());
    }

    @Test
    void anUnsetEnvCallIsAnErrorOnlyWhenTheUrlIsNeeded() throws Exception {
        PrismaConfig c = read("""
                import { defineConfig, env } from "prisma/config";
                export default defineConfig({
                  schema: "prisma/schema.prisma",
                  datasource: { url: env("NOT_SET_ANYWHERE") },
                });
                """);
        assertEquals(root.resolve("prisma/schema.prisma"), c.schema().value());
        GodwitException e = assertThrows(GodwitException.class, () -> c.url().get());
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("prisma.config.ts:4:22: env(\"NOT_SET_ANYWHERE\")"), e.getMessage());
    }

    @Test
    void whatOnlyNodeCanWorkOutNamesFileLineAndColumn() throws Exception {
        PrismaConfig c = read("""
                import { defineConfig } from "prisma/config";
                import { getUrl } from "./secrets";
                export default defineConfig({
                  schema: "prisma/schema.prisma",
                  migrations: { path: "prisma/migrations", initShadowDb: (() => "x")() },
                  datasource: {
                    url: getUrl("main"),
                    shadowDatabaseUrl: process.env.A ? process.env.A : "x",
                  },
                });
                """);
        GodwitException url = assertThrows(GodwitException.class, () -> c.url().get());
        assertEquals("prisma.config.ts:7:10: cannot read `datasource.url`: it is a call to `getUrl(…)`, which only Node can run",
                url.getMessage());
        assertTrue(url.hint().contains("--url"), url.hint());
        GodwitException shadow = assertThrows(GodwitException.class, () -> c.shadowDatabaseUrl().get());
        assertTrue(shadow.getMessage().startsWith("prisma.config.ts:8:24: cannot read `datasource.shadowDatabaseUrl`: it is a condition"),
                shadow.getMessage());
        assertTrue(shadow.hint().contains("shadow_url"), shadow.hint());
    }

    @Test
    void anUnreadableSchemaIsAnErrorWhenNeeded() throws Exception {
        PrismaConfig c = read("""
                export default {
                  schema: computeSchemaPath(),
                }
                """);
        GodwitException e = assertThrows(GodwitException.class, () -> c.schema().get());
        assertEquals("prisma.config.ts:2:11: cannot read `schema`: it is a call to `computeSchemaPath(…)`, which only Node can run",
                e.getMessage());
        assertTrue(e.hint().contains("godwit.toml"));
    }

    @Test
    void aFunctionExportIsNamed() throws Exception {
        GodwitException e = assertThrows(GodwitException.class, () -> read("\n\nexport default async () => ({ schema: 'x' })\n"));
        assertEquals("prisma.config.ts:3:16: the default export is a function, which only Node can work out, not a config object",
                e.getMessage());
        GodwitException none = assertThrows(GodwitException.class, () -> read("const x = {}\n"));
        assertEquals("prisma.config.ts: no `export default` or `module.exports = …` found", none.getMessage());
    }

    @Test
    void findFollowsPrismasOrder() throws Exception {
        assertTrue(PrismaConfigReader.find(root).isEmpty());
        Files.createDirectories(root.resolve(".config"));
        Files.writeString(root.resolve(".config/prisma.ts"), "export default {}");
        assertEquals(root.resolve(".config/prisma.ts"), PrismaConfigReader.find(root).orElseThrow());
        Files.writeString(root.resolve("prisma.config.mjs"), "export default {}");
        assertEquals(root.resolve("prisma.config.mjs"), PrismaConfigReader.find(root).orElseThrow());
        Files.writeString(root.resolve("prisma.config.js"), "export default {}");
        assertEquals(root.resolve("prisma.config.js"), PrismaConfigReader.find(root).orElseThrow());
    }
}
