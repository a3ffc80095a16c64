package dev.godwit.shell.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.GodwitRun;
import dev.godwit.shell.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --json}: exactly one object on stdout, whatever the exit code; failure shapes kept as golden files. */
class JsonOutputCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String M = "20240102000000_comments";

    @TempDir
    Path tmp;

    /** Parses stdout as exactly one JSON value: a second value or trailing text fails. */
    private static JsonNode one(GodwitRun run) throws Exception {
        var parser = MAPPER.getFactory().createParser(run.stdout());
        JsonNode node = MAPPER.readTree(parser);
        assertNotNull(node, "nothing on stdout: " + run.all());
        assertNull(parser.nextToken(), "more than one JSON value on stdout: " + run.stdout());
        return node;
    }

    @Test
    void everyOutcomeIsOneObjectAndTheFailureShapesMatchTheirGoldenFiles() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("project"), db);
            p.add("20240101000000_init", "CREATE TABLE \"Post\" (id INTEGER PRIMARY KEY);\n");
            p.add(M, "CREATE TABLE \"Comment\" (id INTEGER PRIMARY KEY);\n\nALTER TABLE \"Nope\" ADD COLUMN x INTEGER;\n"
                    + "CREATE INDEX CONCURRENTLY \"Comment_id_idx\" ON \"Comment\" (id);\n");

            GodwitRun failed = p.run("apply", "--json");
            assertEquals(1, failed.exitCode(), failed.all());
            JsonNode f = one(failed);
            assertEquals("runtime", f.at("/error/kind").asText());
            assertEquals(M, f.at("/error/migration").asText());
            assertEquals(2, f.at("/error/statement").asInt());
            assertEquals(3, f.at("/error/line").asInt());
            assertEquals(1, f.at("/error/statementsApplied").asInt());
            JsonGolden.check("apply-failed-statement-by-statement", failed.stdout());

            GodwitRun blocked = p.run("apply", "--json");
            assertEquals(3, blocked.exitCode(), blocked.all());
            JsonNode b = one(blocked);
            assertEquals("action_needed", b.at("/error/kind").asText());
            assertEquals(M, b.at("/error/failedMigrations/0").asText());
            JsonGolden.check("apply-blocked-by-failed-migration", blocked.stdout());

            GodwitRun status = p.run("status", "--json");
            assertEquals(3, status.exitCode());
            JsonNode s = one(status);
            assertEquals("failed", s.at("/migrations/1/state").asText(), "status keeps its own form when it answers action needed");

            GodwitRun noYes = p.run("resolve", "--finish", M, "--json");
            assertEquals(2, noYes.exitCode(), noYes.all());
            JsonNode n = one(noYes);
            assertEquals("usage", n.at("/error/kind").asText());
            assertTrue(n.at("/output").asText().contains("-- statement 2, line 3"), "what it would have run: " + n);

            GodwitRun badOption = p.run("resolve", "--bogus", "--json");
            assertEquals(2, badOption.exitCode());
            assertEquals("usage", one(badOption).at("/error/kind").asText());

            GodwitRun undone = p.run("resolve", "--undo", M, "--yes", "--json");
            assertEquals(0, undone.exitCode(), undone.all());
            JsonNode u = one(undone);
            assertTrue(u.at("/ok").asBoolean());
            assertTrue(u.at("/output").asText().contains("DROP TABLE \"Comment\""), u.toString());
        }
    }
}
