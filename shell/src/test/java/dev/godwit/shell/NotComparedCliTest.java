package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What godwit does not model is never silently equal: diff, drift and their scripts name domains,
 * partitions, exclusion constraints, triggers, NULLS NOT DISTINCT, MATCH FULL and ZEROFILL where they
 * differ or are left out, and a comparison with such a difference does not exit 0.
 */
class NotComparedCliTest {
    @TempDir
    Path tmp;

    @Test
    void aScriptFromAnEmptySchemaNamesWhatItLeavesOut() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            db.execute("CREATE DOMAIN posint AS integer CHECK (VALUE > 0)");
            db.execute("CREATE TABLE t (id integer PRIMARY KEY, n posint)");
            db.execute("CREATE TABLE parted (id integer, k integer) PARTITION BY RANGE (k)");
            db.execute("CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (10)");
            db.execute("CREATE TABLE booking (id integer PRIMARY KEY, during tsrange, EXCLUDE USING gist (during WITH &&))");
            db.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$");
            db.execute("CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch()");

            GodwitRun script = p.run("diff", "--from", "empty", "--to", "database", "--script");
            assertEquals(0, script.exitCode(), script.all());
            String head = script.stdout().substring(0, script.stdout().indexOf("\n\n"));
            for (String named : new String[]{"domain posint", "partition parted_1", "exclusion constraint booking.", "trigger t.t_touch",
                    "function touch()"}) {
                assertTrue(head.contains(named), named + " must be named where the script leaves it out:\n" + head);
                assertTrue(script.stderr().contains(named), script.stderr());
            }
            assertTrue(head.startsWith("-- Left out"), head);

            GodwitRun exit = p.run("diff", "--from", "empty", "--to", "database", "--exit-code");
            assertEquals(2, exit.exitCode(), exit.all());
        }
    }

    @Test
    void nullsNotDistinctAndMatchFullAreDifferences() throws Exception {
        try (TestDatabase a = TestDatabases.postgres(); TestDatabase b = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, a);
            for (TestDatabase db : new TestDatabase[]{a, b}) {
                db.execute("CREATE TABLE parent (id integer PRIMARY KEY, code integer)");
            }
            a.execute("ALTER TABLE parent ADD CONSTRAINT parent_code_key UNIQUE NULLS NOT DISTINCT (code)");
            b.execute("ALTER TABLE parent ADD CONSTRAINT parent_code_key UNIQUE (code)");
            a.execute("CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) "
                    + "REFERENCES parent (id) MATCH FULL)");
            b.execute("CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) "
                    + "REFERENCES parent (id))");
            GodwitRun diff = p.run("diff", "--from", "url:" + a.url(), "--to", "url:" + b.url(), "--exit-code");
            assertEquals(2, diff.exitCode(), "never 'no differences' about what was not compared: " + diff.all());
            assertFalse(diff.stdout().contains(": no differences\n"), diff.stdout());
            assertTrue(diff.all().contains("unique index NULLS NOT DISTINCT parent_code_key"), diff.all());
            assertTrue(diff.all().contains("foreign key MATCH FULL child.child_parent_fkey"), diff.all());

            GodwitRun same = p.run("diff", "--from", "url:" + a.url(), "--to", "url:" + a.url(), "--exit-code");
            assertEquals(0, same.exitCode(), "the same definitions on both sides are no difference: " + same.all());
        }
    }

    @Test
    void driftSaysWhatItDidNotCompare() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db)
                    .add("20240101000000_init", "CREATE TABLE parent (id integer PRIMARY KEY);\n"
                            + "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) "
                            + "REFERENCES parent (id));\n");
            assertEquals(0, p.run("apply").exitCode());
            assertEquals(0, p.run("drift", "--no-screen").exitCode());
            db.execute("ALTER TABLE child DROP CONSTRAINT child_parent_fkey");
            db.execute("ALTER TABLE child ADD CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) REFERENCES parent (id) MATCH FULL");
            GodwitRun drift = p.run("drift", "--no-screen");
            assertEquals(3, drift.exitCode(), drift.all());
            assertFalse(drift.stdout().lines().anyMatch(l -> l.startsWith("Drift on") && l.endsWith(": none")), drift.stdout());
            assertTrue(drift.stdout().contains("foreign key MATCH FULL child.child_parent_fkey"), drift.stdout());
            assertTrue(drift.stdout().contains("not compared"), drift.stdout());
        }
    }

    @Test
    void zerofillIsNamed() throws Exception {
        try (TestDatabase a = TestDatabases.mysql(); TestDatabase b = TestDatabases.mysql()) {
            TestProject p = new TestProject(tmp, a);
            a.execute("CREATE TABLE z (id integer PRIMARY KEY, n integer(5) unsigned zerofill)");
            b.execute("CREATE TABLE z (id integer PRIMARY KEY, n integer(5) unsigned)");
            GodwitRun diff = p.run("diff", "--from", "url:" + a.url(), "--to", "url:" + b.url(), "--exit-code");
            assertEquals(2, diff.exitCode(), diff.all());
            assertTrue(diff.all().contains("ZEROFILL column z.n"), diff.all());
        }
    }
}
