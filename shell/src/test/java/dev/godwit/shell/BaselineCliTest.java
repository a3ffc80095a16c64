package dev.godwit.shell;

import dev.godwit.engine.migrate.Checksums;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** `godwit baseline`: an existing database without history becomes one with a first, applied migration. */
class BaselineCliTest {
    @TempDir
    Path tmp;

    private static List<Path> folders(TestProject p) throws Exception {
        Path dir = p.root().resolve("prisma/migrations");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static void existingTables(TestDatabase db, TestProject p) {
        String serial = db.kind() == TestDatabase.Kind.POSTGRESQL ? "SERIAL" : "INTEGER NOT NULL AUTO_INCREMENT";
        db.execute("CREATE TABLE " + p.q("User") + " (id " + serial + " PRIMARY KEY, email VARCHAR(120) NOT NULL, name TEXT)");
        db.execute("CREATE UNIQUE INDEX " + p.q("User_email_key") + " ON " + p.q("User") + " (email)");
        db.execute("CREATE TABLE " + p.q("Post") + " (id " + serial + " PRIMARY KEY, title VARCHAR(200) NOT NULL, "
                + p.q("authorId") + " INTEGER NOT NULL, CONSTRAINT " + p.q("Post_authorId_fkey") + " FOREIGN KEY (" + p.q("authorId")
                + ") REFERENCES " + p.q("User") + " (id) ON DELETE RESTRICT ON UPDATE CASCADE)");
        db.execute("INSERT INTO " + p.q("User") + " (email) VALUES ('a@x')");
    }

    @org.junit.jupiter.api.Test
    void objectsGodwitDoesNotManageAreNamedAsLeftOut() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            existingTables(db, p);
            db.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
            db.execute("CREATE TRIGGER user_touch BEFORE UPDATE ON \"User\" FOR EACH ROW EXECUTE FUNCTION touch()");
            GodwitRun baseline = p.run("baseline", "--yes");
            assertEquals(0, baseline.exitCode(), baseline.all());
            assertTrue(baseline.stderr().contains("the baseline leaves out 2 object(s) godwit does not manage"), baseline.stderr());
            assertTrue(baseline.stderr().contains("touch") && baseline.stderr().contains("user_touch"), baseline.stderr());
        }
    }

    /**
     * A default that calls a function godwit does not write: the baseline could not be replayed, so it is
     * refused before anything is written; --create-only writes it for the user to complete and resolve.
     */
    @org.junit.jupiter.api.Test
    void aBaselineThatCannotBeReplayedIsRefusedAndCreateOnlyLetsTheUserCompleteIt() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            db.execute("CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'c' || floor(random() * 1000)::int $$");
            db.execute("CREATE TABLE \"Item\" (id INTEGER PRIMARY KEY, code TEXT NOT NULL DEFAULT next_code())");
            GodwitRun refused = p.run("baseline", "--yes");
            assertEquals(3, refused.exitCode(), refused.all());
            assertTrue(refused.stderr().contains("does not build this schema on an empty database"), refused.stderr());
            assertTrue(refused.stderr().contains("next_code"), refused.stderr());
            assertTrue(refused.stderr().contains("--create-only"), refused.stderr());
            assertEquals(List.of(), folders(p), "nothing written");

            GodwitRun created = p.run("baseline", "--create-only");
            assertEquals(0, created.exitCode(), created.all());
            String folder = folders(p).get(0).getFileName().toString();
            Path sql = folders(p).get(0).resolve("migration.sql");
            Files.writeString(sql, "CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'c' || floor(random() * 1000)::int $$;\n\n"
                    + Files.readString(sql));
            assertEquals(0, p.run("resolve", "--applied", folder).exitCode());
            assertEquals(0, p.run("status").exitCode());
            GodwitRun drift = p.run("drift");
            assertEquals(0, drift.exitCode(), drift.all());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void baselineRecordsTheLiveSchemaAsTheFirstAppliedMigration(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db);
            GodwitRun empty = p.run("baseline", "--yes");
            assertEquals(2, empty.exitCode(), empty.all());
            assertTrue(empty.stderr().contains("nothing to baseline"), empty.stderr());

            existingTables(db, p);
            GodwitRun refusedApply = p.run("apply");
            assertEquals(3, refusedApply.exitCode(), "a schema without history is refused by apply: " + refusedApply.all());
            String expected = p.run("diff", "--from", "empty", "--to", "database", "--script").stdout();

            GodwitRun batch = p.run("baseline");
            assertEquals(2, batch.exitCode(), batch.all());
            assertTrue(batch.stderr().contains("--yes"), batch.stderr());
            ScriptedPrompter no = new ScriptedPrompter("");
            GodwitRun declined = p.runAnswering(no, "baseline", "--name", "Adopt Existing");
            assertEquals(3, declined.exitCode(), declined.all());
            assertTrue(no.questions().get(0).contains("record it as applied"), no.questions().toString());
            assertEquals(List.of(), folders(p));

            GodwitRun baseline = p.runAnswering(new ScriptedPrompter("y"), "baseline", "--name", "Adopt Existing");
            assertEquals(0, baseline.exitCode(), baseline.all());
            List<Path> written = folders(p);
            assertEquals(1, written.size());
            String name = written.get(0).getFileName().toString();
            assertTrue(name.matches("\\d{14}_adopt_existing"), name);
            byte[] sql = Files.readAllBytes(written.get(0).resolve("migration.sql"));
            assertEquals(expected, new String(sql, java.nio.charset.StandardCharsets.UTF_8), "the SQL of diff --from empty --to database");
            assertTrue(Files.exists(p.root().resolve("prisma/migrations/migration_lock.toml")));
            assertEquals(List.of(List.of(Checksums.sha256Hex(sql), "0", "1")), db.query(
                    "SELECT checksum, applied_steps_count, CASE WHEN finished_at IS NOT NULL AND started_at = finished_at "
                            + "AND rolled_back_at IS NULL THEN 1 ELSE 0 END FROM _prisma_migrations WHERE migration_name = '" + name + "'"));

            GodwitRun status = p.run("status");
            assertEquals(0, status.exitCode(), status.all());
            assertEquals(0, p.run("drift", "--no-screen").exitCode(), "replaying the baseline gives the live schema");
            assertEquals(0, p.run("pull").exitCode());
            GodwitRun plan = p.run("plan");
            assertEquals(0, plan.exitCode(), plan.all());
            assertTrue(plan.stdout().contains("No changes"), plan.all());
            assertEquals("1", db.scalar("SELECT COUNT(*) FROM " + p.q("User")), "the data is untouched");

            GodwitRun again = p.run("baseline", "--yes");
            assertEquals(2, again.exitCode(), again.all());
            assertTrue(again.stderr().contains("already has 1 migration(s)"), again.stderr());

            // The folder lost, the history still there: not a database without history either.
            Files.walk(written.get(0)).sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            GodwitRun rows = p.run("baseline", "--yes");
            assertEquals(2, rows.exitCode(), rows.all());
            assertTrue(rows.stderr().contains("already records 1 migration attempt(s)"), rows.stderr());
        }
    }
}
