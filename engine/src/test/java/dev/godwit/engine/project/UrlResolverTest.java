package dev.godwit.engine.project;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class UrlResolverTest {
    @TempDir
    Path dir;

    private final Map<String, String> penv = new HashMap<>();

    @BeforeEach
    void clear() {
        penv.clear();
    }

    private void file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private Project project() {
        return Project.open(dir);
    }

    private ResolvedUrl resolve(String cliUrl, String envName) {
        return UrlResolver.resolve(project(), cliUrl, envName, penv).orElseThrow();
    }

    /** Every source present: each test removes the ones above the step it checks. */
    private void allSources(boolean envUrl) throws Exception {
        file("godwit.toml", "[env.dev]\n" + (envUrl ? "url = \"postgresql://toml/db\"\n" : ""));
        file(".env", "DATABASE_URL=postgresql://dotenv/db\nSCHEMA_URL=postgresql://schema-dotenv/db\n");
        file("prisma/schema.prisma", "datasource db {\n provider = \"postgresql\"\n url = env(\"SCHEMA_URL\")\n}\n");
        penv.put("DATABASE_URL", "postgresql://process/db");
    }

    @Test
    void step1CliUrlWinsOverEnvironment() throws Exception {
        allSources(true);
        ResolvedUrl r = resolve("postgresql://cli/db", null);
        assertEquals("cli", r.url().host());
        assertEquals("--url", r.source());
        assertNull(r.env(), "the default env is not attached to --url");
        ResolvedUrl named = resolve("postgresql://cli/db", "dev");
        assertEquals("dev", named.env().name());
    }

    @Test
    void step2EnvironmentUrlWinsOverProcessDatabaseUrl() throws Exception {
        allSources(true);
        ResolvedUrl r = resolve(null, null);
        assertEquals("toml", r.url().host());
        assertEquals("godwit.toml [env.dev]", r.source());
        assertEquals("dev", r.env().name());
        assertFalse(r.production());
    }

    @Test
    void step3ProcessDatabaseUrlWinsOverDotEnv() throws Exception {
        allSources(false);
        ResolvedUrl r = resolve(null, null);
        assertEquals("process", r.url().host());
        assertEquals("DATABASE_URL", r.source());
        assertEquals("dev", r.env().name(), "an env without url still applies");
    }

    @Test
    void step4DotEnvWinsOverSchema() throws Exception {
        allSources(false);
        penv.clear();
        ResolvedUrl r = resolve(null, null);
        assertEquals("dotenv", r.url().host());
        assertEquals(".env", r.source());
    }

    @Test
    void step5SchemaDatasource() throws Exception {
        file("prisma/schema.prisma", "datasource db {\n provider = \"postgresql\"\n url = env(\"SCHEMA_URL\")\n}\n");
        file(".env", "SCHEMA_URL=postgresql://schema-dotenv/db\n");
        assertEquals("schema-dotenv", resolve(null, null).url().host());
        assertEquals("schema.prisma datasource", resolve(null, null).source());
        penv.put("SCHEMA_URL", "postgresql://schema-process/db");
        assertEquals("schema-process", resolve(null, null).url().host());
    }

    @Test
    void step5SchemaLiteralAndDirectUrl() throws Exception {
        file("prisma/schema.prisma", "datasource db {\n provider = \"mysql\"\n url = \"mysql://lit/db\"\n}\n");
        assertEquals("lit", resolve(null, null).url().host());
        file("prisma/schema.prisma",
                "datasource db {\n provider = \"mysql\"\n url = \"mysql://pooled/db\"\n directUrl = \"mysql://direct/db\"\n}\n");
        assertEquals("direct", resolve(null, null).url().host());
    }

    @Test
    void nothingFoundIsEmpty() throws Exception {
        file("prisma/schema.prisma", "datasource db {\n provider = \"postgresql\"\n url = env(\"UNSET_VAR\")\n}\n");
        assertEquals(Optional.empty(), UrlResolver.resolve(project(), null, null, penv));
        assertEquals(Optional.empty(), UrlResolver.resolve(null, null, null, penv));
    }

    @Test
    void envVarReferenceLooksInProcessThenDotEnv() throws Exception {
        file("godwit.toml", "[env.dev]\nurl = \"env:DEV_URL\"\n");
        file(".env", "DEV_URL=postgresql://from-dotenv/db\n");
        assertEquals("from-dotenv", resolve(null, null).url().host());
        penv.put("DEV_URL", "postgresql://from-process/db");
        assertEquals("from-process", resolve(null, null).url().host());
        assertEquals("godwit.toml [env.dev]", resolve(null, null).source());
    }

    @Test
    void missingEnvVarIsAUsageError() throws Exception {
        file("godwit.toml", "[env.staging]\nurl = \"env:STAGING_URL\"\n");
        penv.put("DATABASE_URL", "postgresql://process/db");
        GodwitException e = assertThrows(GodwitException.class, () -> resolve(null, null));
        assertEquals(ErrorKind.USAGE, e.kind());
        Path root = dir.toAbsolutePath().normalize();
        assertEquals("environment variable STAGING_URL is not set ([env.staging] url in " + root.resolve("godwit.toml")
                + " refers to it)", e.getMessage());
        assertTrue(e.hint().contains(root.resolve(".env").toString()));
    }

    @Test
    void unknownEnvironment() throws Exception {
        file("godwit.toml", "[env.dev]\n[env.prod]\n");
        GodwitException e = assertThrows(GodwitException.class, () -> resolve(null, "staging"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals("unknown environment \"staging\"", e.getMessage());
        assertEquals("known environments: dev, prod", e.hint());
        GodwitException none = assertThrows(GodwitException.class,
                () -> UrlResolver.resolve(null, "x", "prod", penv));
        assertEquals("unknown environment \"prod\"", none.getMessage());
    }

    @Test
    void namedEnvironmentAndProductionFlag() throws Exception {
        file("godwit.toml", """
                [env.dev]
                url = "postgresql://dev/db"
                [env.prod]
                url = "env:PROD_URL"
                production = true
                """);
        penv.put("PROD_URL", "postgresql://u:pw@prod/db");
        ResolvedUrl r = resolve(null, "prod");
        assertEquals("prod", r.url().host());
        assertEquals("godwit.toml [env.prod]", r.source());
        assertTrue(r.production());
        assertFalse(resolve(null, null).production());
    }

    @Test
    void productionEnvWithoutUrlStillMarksTheResult() throws Exception {
        file("godwit.toml", "[env.prod]\nproduction = true\n");
        penv.put("DATABASE_URL", "postgresql://process/db");
        ResolvedUrl r = resolve(null, null);
        assertEquals("DATABASE_URL", r.source());
        assertTrue(r.production());
    }

    @Test
    void noProjectUsesCliAndProcessOnly() {
        assertEquals(Optional.empty(), UrlResolver.resolve(null, null, null, penv));
        penv.put("DATABASE_URL", "mysql://process/db");
        ResolvedUrl r = UrlResolver.resolve(null, null, null, penv).orElseThrow();
        assertEquals("DATABASE_URL", r.source());
        assertNull(r.env());
        assertEquals("--url", UrlResolver.resolve(null, "mysql://cli/db", null, penv).orElseThrow().source());
    }

    @Test
    void malformedUrlNamesItsSourceAndHidesThePassword() throws Exception {
        file("godwit.toml", "[env.dev]\n");
        penv.put("DATABASE_URL", "postgresql://u:hidden-pw@h:port/db");
        GodwitException e = assertThrows(GodwitException.class, () -> resolve(null, null));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().endsWith("[from DATABASE_URL]"), e.getMessage());
        assertFalse(e.getMessage().contains("hidden-pw"), e.getMessage());
    }

    @Test
    void shadowResolution() throws Exception {
        file("godwit.toml", "[env.dev]\nshadow_url = \"env:SHADOW_URL\"\n[env.ci]\n");
        file("prisma/schema.prisma", "datasource db {\n provider = \"postgresql\"\n shadowDatabaseUrl = \"postgresql://schema-shadow/db\"\n}\n");
        penv.put("SHADOW_URL", "postgresql://env-shadow/db");
        Project p = project();
        assertEquals("cli-shadow", UrlResolver.resolveShadow(p, "postgresql://cli-shadow/db", null, penv).orElseThrow().host());
        assertEquals("env-shadow", UrlResolver.resolveShadow(p, null, null, penv).orElseThrow().host());
        assertEquals("schema-shadow", UrlResolver.resolveShadow(p, null, "ci", penv).orElseThrow().host());
        penv.clear();
        assertThrows(GodwitException.class, () -> UrlResolver.resolveShadow(p, null, null, penv));
        assertEquals(Optional.empty(), UrlResolver.resolveShadow(null, null, null, penv));
    }
}
