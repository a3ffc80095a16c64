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
    void unknownKeysAndTablesAreErrorsWithTheirLineAndWhatTheyProbablyMean() {
        String head = "[project]\nmigrations = \"m\"\n\n[env.prod]\nurl = \"postgresql://h/db\"\n";
        assertUnknown(head + "Production = true\n", "/p/godwit.toml:6: unknown key \"Production\" in [env.prod]; did you mean \"production\"?");
        assertUnknown(head + "prodution = true\n", "/p/godwit.toml:6: unknown key \"prodution\" in [env.prod]; did you mean \"production\"?");
        assertUnknown("[env.dev]\nurll = \"postgresql://h/db\"\n", "/p/godwit.toml:2: unknown key \"urll\" in [env.dev]; did you mean \"url\"?");
        assertUnknown(head + "\n[envs.x]\nurl = \"postgresql://h/db\"\n", "/p/godwit.toml:7: unknown table [envs]; did you mean \"env\"?");
        assertUnknown("[project]\nschemas = \"x\"\n", "/p/godwit.toml:2: unknown key \"schemas\" in [project]; did you mean \"schema\"?");
        assertUnknown("# tools\n[tools]\na = 1\n", "/p/godwit.toml:2: unknown table [tools]");
        assertUnknown("[env.prod]\n\"production\" = true\nshadow-url = \"x\"\n",
                "/p/godwit.toml:3: unknown key \"shadow-url\" in [env.prod]; did you mean \"shadow_url\"?");
        assertUnknown("env.prod.Production = true\n", "/p/godwit.toml:1: unknown key \"Production\" in [env.prod]; did you mean \"production\"?");
    }

    private static void assertUnknown(String toml, String message) {
        GodwitException e = assertThrows(GodwitException.class, () -> GodwitConfig.parse(toml, Path.of("/p/godwit.toml")), toml);
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals(message, e.getMessage());
        assertTrue(e.hint().startsWith("known "), e.hint());
    }

    @Test
    void aByteOrderMarkIsAcceptedAndOtherEncodingsAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("godwit.toml");
        String toml = "[env.prod]\nurl = \"postgresql://h/db\"\nproduction = true\n";
        Files.write(f, ("\uFEFF" + toml).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(GodwitConfig.read(f).environments().get("prod").production());

        Files.write(f, ("\uFEFF" + toml).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        GodwitException utf16 = assertThrows(GodwitException.class, () -> GodwitConfig.read(f));
        assertEquals(ErrorKind.USAGE, utf16.kind());
        assertTrue(utf16.getMessage().startsWith(f + " is UTF-16"), utf16.getMessage());
        assertTrue(utf16.hint().contains("UTF-8"), utf16.hint());

        Files.write(f, toml.getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        assertTrue(assertThrows(GodwitException.class, () -> GodwitConfig.read(f)).getMessage().contains("UTF-16"));

        Files.write(f, ("[project]\nseed = \"caf\u00e9\"\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        GodwitException latin1 = assertThrows(GodwitException.class, () -> GodwitConfig.read(f));
        assertEquals(f + ":2:12: byte 0xE9 is not UTF-8 (the file looks like another encoding, e.g. Latin-1 or Windows-1252)",
                latin1.getMessage());
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
        GodwitException envSeed = assertThrows(GodwitException.class, () -> GodwitConfig.parse("[env.dev]\nseed = \"x\"\n", null),
                "environments do not override the seed");
        assertEquals("godwit.toml:2: unknown key \"seed\" in [env.dev]", envSeed.getMessage());
    }

    @Test
    void defaultEnvMustExist() {
        GodwitException e = assertThrows(GodwitException.class,
                () -> GodwitConfig.parse("[project]\ndefault_env = \"prod\"\n[env.dev]\n", null));
        assertEquals("godwit.toml: project.default_env is \"prod\" but there is no [env.prod]", e.getMessage());
        assertEquals("known environments: dev", e.hint());
    }
}
