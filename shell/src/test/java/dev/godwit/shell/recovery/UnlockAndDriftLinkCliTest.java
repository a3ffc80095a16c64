package dev.godwit.shell.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.GodwitRun;
import dev.godwit.shell.ScriptedPrompter;
import dev.godwit.shell.TestProject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.*;

/** A stale migration lock ended with unlock; a failed migration's leftovers shown under it in drift; production guards. */
class UnlockAndDriftLinkCliTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unlockNamesTheIdleHolderAndEndsItAfterAConfirmation(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind); Connection stale = db.connect(); Statement st = stale.createStatement()) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            // a killed deploy whose connection a pooler keeps open: the lock taken, then nothing
            st.execute(pg ? "SELECT pg_advisory_lock(72707369)" : "SELECT GET_LOCK('prisma_migrate', 1)");
            TestProject p = new TestProject(tmp.resolve("project"), db);
            p.add("20240101000000_init", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");

            GodwitRun blocked = p.run("apply", "--lock-timeout", "1");
            assertEquals(4, blocked.exitCode(), blocked.all());
            assertTrue(blocked.stderr().contains("godwit unlock"), blocked.stderr());

            GodwitRun status = p.run("status", "--json");
            JsonNode lock = new ObjectMapper().readTree(status.stdout()).get("lock");
            assertTrue(lock.get("idle").asBoolean(), lock.toString());
            assertTrue(lock.get("description").asText().contains(pg ? "idle for" : "idle for"), lock.toString());

            GodwitRun batch = p.run("unlock");
            assertEquals(2, batch.exitCode(), "batch mode never asks: " + batch.all());
            assertTrue(batch.stdout().contains("held by session"), batch.stdout());

            ScriptedPrompter no = new ScriptedPrompter("");
            assertEquals(3, p.runAnswering(no, "unlock").exitCode(), "the default answer is no");
            assertTrue(no.questions().get(0).contains("This will end"), no.questions().toString());

            GodwitRun yes = p.run("unlock", "--yes");
            assertEquals(0, yes.exitCode(), yes.all());
            assertTrue(yes.stdout().contains("the migration lock is free"), yes.stdout());
            assertEquals(0, p.run("apply").exitCode());
            assertEquals(0, p.run("unlock").exitCode(), "a free lock: nothing to do");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onProductionUnlockAndResolveNeedTheDatabaseNameTyped(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind); Connection stale = db.connect(); Statement st = stale.createStatement()) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            TestProject p = new TestProject(tmp.resolve("project"), db);
            Files.writeString(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\ndefault_env = \"prod\"\n\n"
                    + "[env.prod]\nurl = \"" + db.url() + "\"\nproduction = true\n");
            p.add("20240101000000_init", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n\nINSERT INTO nope VALUES (1);\n");
            assertEquals(1, p.run("apply").exitCode());
            st.execute(pg ? "SELECT pg_advisory_lock(72707369)" : "SELECT GET_LOCK('prisma_migrate', 1)");

            GodwitRun refused = p.run("unlock", "--yes");
            assertEquals(2, refused.exitCode(), "production needs the name typed, --yes or not: " + refused.all());
            ScriptedPrompter wrong = new ScriptedPrompter("yes");
            assertEquals(3, p.runAnswering(wrong, "unlock").exitCode());
            assertTrue(wrong.questions().get(0).contains("[type " + db.name() + "]"), wrong.questions().toString());
            assertEquals(0, p.runAnswering(new ScriptedPrompter(db.name()), "unlock").exitCode());

            // the same question at a production prompt for a resolve as on the screens
            ScriptedPrompter user = new ScriptedPrompter("y");
            assertEquals(3, p.runAnswering(user, "resolve", "--rolled-back", "20240101000000_init").exitCode(), "y is not the name");
            assertTrue(user.questions().get(0).contains("(PRODUCTION)"), user.questions().toString());
            assertEquals(0, p.runAnswering(new ScriptedPrompter(db.name()), "resolve", "--rolled-back", "20240101000000_init").exitCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void driftShowsWhatAFailedMigrationLeftUnderItsName(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            TestProject p = new TestProject(tmp.resolve("project"), db);
            p.add("20240101000000_init", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
            p.add("20240102000000_comments", "CREATE TABLE " + p.q("Comment") + " (id INTEGER PRIMARY KEY);\n"
                    + (pg ? "CREATE INDEX CONCURRENTLY c_idx ON nope (id);\n" : "CREATE INDEX c_idx ON nope (id);\n"));
            assertEquals(1, p.run("apply").exitCode());
            db.execute("CREATE TABLE unrelated (id INTEGER PRIMARY KEY)");

            GodwitRun drift = p.run("drift", "--json");
            assertEquals(3, drift.exitCode(), drift.all());
            JsonNode left = new ObjectMapper().readTree(drift.stdout()).get("leftByFailedMigrations");
            assertEquals(1, left.size(), left.toString());
            assertEquals("20240102000000_comments", left.get(0).get("migration").asText());
            assertTrue(left.get(0).get("changes").toString().contains("Comment"), left.toString());
            assertFalse(left.get(0).get("changes").toString().contains("unrelated"), "other drift is not the migration's");

            GodwitRun text = p.run("drift", "--no-screen", "--no-color");
            assertTrue(text.stdout().contains("Left by the failed migration 20240102000000_comments"), text.stdout());
            GodwitRun status = p.run("status", "--drift", "--no-color");
            assertTrue(status.stdout().contains("left by the failed migration 20240102000000_comments"), status.stdout());
        }
    }
}
