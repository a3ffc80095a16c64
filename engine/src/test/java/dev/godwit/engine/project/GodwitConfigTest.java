package dev.godwit.engine.project;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GodwitConfigTest {

    @Test
    void fullConfig() {
        GodwitConfig c = GodwitConfig.parse("""
                [project]
                schema = "db/schema.prisma"
                migrations = "db/migrations"
                default_env = "staging"

                [env.dev]
                url = "postgresql://localhost/app"

                [env.staging]
                url = "env:STAGING_URL"
                shadow_url = "env:SHADOW_URL"
                production = false

                [env.prod]
                url = "env:PROD_URL"
                production = true
                """, null);
        assertEquals("db/schema.prisma", c.schema());
        assertEquals("db/migrations", c.migrations());
        assertEquals("staging", c.defaultEnv());
        assertEquals(List.of("dev", "staging", "prod"), List.copyOf(c.environments().keySet()));
        assertEquals(new Environment("dev", "postgresql://localhost/app", null, false), c.environments().get("dev"));
        assertEquals(new Environment("staging", "env:STAGING_URL", "env:SHADOW_URL", false), c.environments().get("staging"));
        assertTrue(c.environments().get("prod").production());
        assertEquals("PROD_URL", Environment.envVarOf(c.environments().get("prod").url()));
        assertTrue(c.warnings().isEmpty());
    }

    @Test
    void defaultsWhenEmpty() {
        GodwitConfig c = GodwitConfig.parse("", null);
        assertEquals("prisma/schema.prisma", c.schema());
        assertEquals("prisma/migrations", c.migrations());
        assertNull(c.defaultEnv());
        assertTrue(c.environments().isEmpty());
        assertEquals(c.schema(), GodwitConfig.defaults().schema());
    }

    @Test
    void envWithoutUrl() {
        GodwitConfig c = GodwitConfig.parse("[env.dev]\n# url = \"env:DATABASE_URL\"\n", null);
        assertNull(c.environments().get("dev").url());
        assertFalse(c.environments().get("dev").production());
    }

    @Test
    void unknownKeysAreWarnings() {
        GodwitConfig c = GodwitConfig.parse("""
                [project]
                schemas = "x"
                [env.dev]
                uri = "postgresql://h/db"
                [tools]
                a = 1
                """, Path.of("/p/godwit.toml"));
        assertEquals(List.of(
                "/p/godwit.toml: unknown key \"project.schemas\" (ignored)",
                "/p/godwit.toml: unknown key \"env.dev.uri\" (ignored)",
                "/p/godwit.toml: unknown key \"tools\" (ignored)"), c.warnings());
    }

    @Test
    void badTomlNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("godwit.toml");
        Files.writeString(f, "[project]\nschema = \"a\"\nmigrations = = \"b\"\n");
        GodwitException e = assertThrows(GodwitException.class, () -> GodwitConfig.read(f));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith(f + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid TOML"), e.getMessage());
    }

    @Test
    void wrongTypesAreErrors() {
        GodwitException p = assertThrows(GodwitException.class,
                () -> GodwitConfig.parse("[env.dev]\nproduction = \"yes\"\n", null));
        assertEquals("godwit.toml: env.dev.production must be true or false", p.getMessage());
        GodwitException u = assertThrows(GodwitException.class,
                () -> GodwitConfig.parse("[env.dev]\nurl = 5\n", null));
        assertEquals("godwit.toml: env.dev.url must be a string", u.getMessage());
        GodwitException t = assertThrows(GodwitException.class, () -> GodwitConfig.parse("project = 1\n", null));
        assertEquals(ErrorKind.USAGE, t.kind());
        GodwitException v = assertThrows(GodwitException.class,
                () -> GodwitConfig.parse("[env.dev]\nurl = \"env:\"\n", null));
        assertTrue(v.getMessage().contains("does not name a valid environment variable"), v.getMessage());
    }

    @Test
    void generateAndSeedCommandsAreProjectSettings() {
        GodwitConfig c = GodwitConfig.parse("[project]\ngenerate = [\"./gradlew generateJooq\", 'npx prisma generate']\n"
                + "seed = \"node seed.js\"\n", null);
        assertEquals(List.of("./gradlew generateJooq", "npx prisma generate"), c.generate());
        assertEquals("node seed.js", c.seed());
        assertEquals(List.of("make gen"), GodwitConfig.parse("[project]\ngenerate = \"make gen\"\n", null).generate());
        assertEquals(List.of(), GodwitConfig.defaults().generate());
        assertNull(GodwitConfig.defaults().seed());

        GodwitException number = assertThrows(GodwitException.class, () -> GodwitConfig.parse("[project]\ngenerate = 3\n", null));
        assertTrue(number.getMessage().startsWith("godwit.toml: project.generate must be an array of command strings"), number.getMessage());
        GodwitException blank = assertThrows(GodwitException.class, () -> GodwitConfig.parse("[project]\ngenerate = [\"a\", \" \"]\n", null));
        assertEquals("godwit.toml: project.generate[1] must be a non-empty string", blank.getMessage());
        GodwitException seed = assertThrows(GodwitException.class, () -> GodwitConfig.parse("[project]\nseed = [\"a\"]\n", null));
        assertEquals("godwit.toml: project.seed must be a non-empty string", seed.getMessage());
        assertEquals(List.of("godwit.toml: unknown key \"env.dev.seed\" (ignored)"),
                GodwitConfig.parse("[env.dev]\nseed = \"x\"\n", null).warnings(), "environments do not override the seed");
    }

    @Test
    void defaultEnvMustExist() {
        GodwitException e = assertThrows(GodwitException.class,
                () -> GodwitConfig.parse("[project]\ndefault_env = \"prod\"\n[env.dev]\n", null));
        assertEquals("godwit.toml: project.default_env is \"prod\" but there is no [env.prod]", e.getMessage());
        assertEquals("known environments: dev", e.hint());
    }
}
