package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A list column's NOT NULL, which the schema language cannot say, survives pull, baseline and plan. */
class ListNotNullCliTest {
    @TempDir
    Path tmp;

    @Test
    void pullBaselinePlanLeavesTextArrayNotNullAlone() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            db.execute("CREATE TABLE \"Post\" (id integer PRIMARY KEY, tags TEXT[] NOT NULL, notes TEXT[])");
            GodwitRun pull = p.run("pull");
            assertEquals(0, pull.exitCode(), pull.all());
            GodwitRun baseline = p.run("baseline", "--yes");
            assertEquals(0, baseline.exitCode(), baseline.all());
            GodwitRun plan = p.run("plan");
            assertEquals(0, plan.exitCode(), plan.all());
            assertFalse(plan.stdout().contains("DROP NOT NULL"), plan.stdout());
            assertTrue(plan.stdout().contains("No changes"), plan.stdout());
            assertEquals("NO", db.scalar("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'Post' AND column_name = 'tags'"));
        }
    }
}
