package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The shell's own commands in batch mode (-c, -f), against real databases. */
class ShellCommandsBatchTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sqlIsReadOnlyUnlessWriteAndBatchWriteNeedsYes(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp.resolve("p"), db).blog();
            assertEquals(0, p.run("apply").exitCode());
            String insert = "sql insert into " + p.q("User") + " (id, email) values (1, 'a;b@example.com');";

            GodwitRun refused = p.run("-c", insert);
            assertEquals(1, refused.exitCode(), refused.all());
            assertTrue(refused.stderr().contains("refused") && refused.stderr().contains("read-only"), refused.stderr());
            assertTrue(refused.stderr().contains("--write"), refused.stderr());
            assertEquals("0", db.scalar("select count(*) from " + p.q("User")));

            GodwitRun asks = p.run("-c", insert.replace("sql ", "sql --write "));
            assertEquals(2, asks.exitCode(), asks.all());
            assertTrue(asks.stderr().contains("--yes"), asks.stderr());
            assertEquals("0", db.scalar("select count(*) from " + p.q("User")));

            GodwitRun writes = p.run("-c", insert.replace("sql ", "sql --write --yes ") + " sql select email from " + p.q("User") + ";");
            assertEquals(0, writes.exitCode(), writes.all());
            assertTrue(writes.stdout().contains("1 row affected"), writes.stdout());
            assertTrue(writes.stdout().contains(" a;b@example.com"), writes.stdout());
            assertTrue(writes.stdout().contains("(1 row)"), writes.stdout());
            assertEquals("1", db.scalar("select count(*) from " + p.q("User")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSchemaChangeThroughSqlWriteSaysDoneAndWarnsWhereTheServerCommitsItAtOnce(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp.resolve("p"), db).blog();
            assertEquals(0, p.run("apply").exitCode());
            GodwitRun r = p.run("-c", "sql --write --yes /* scratch */ create table " + p.q("scratch") + " (id integer); sql --write --yes drop table " + p.q("scratch") + ";");
            assertEquals(0, r.exitCode(), r.all());
            assertFalse(r.stdout().contains("rows affected"), r.stdout());
            assertEquals(2, r.stdout().lines().filter(l -> l.strip().equals("done")).count(), r.stdout());
            boolean warned = r.stderr().contains("commits a schema change at once");
            assertEquals(kind == TestDatabase.Kind.MYSQL, warned, r.stderr());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void showHistoryInspectAndEnvsFromAScriptFile(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp.resolve("p"), db).blog()
                    .add("20240104000000_bad", "CREATE TABLE t9 (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n");
            assertEquals(1, p.run("apply").exitCode());
            Path script = tmp.resolve("look.godwit");
            Files.writeString(script, "# what went wrong?\nshow 20240104000000_bad\nhistory\ninspect Post\nenvs\nexit\nstatus\n");
            GodwitRun r = p.run("-f", script.toString());
            assertEquals(0, r.exitCode(), r.all());
            String out = r.stdout();
            assertTrue(out.contains("20240104000000_bad  failed"), out);
            assertTrue(out.contains("INSERT INTO no_such_table VALUES (1);"), "show prints the SQL: " + out);
            assertTrue(out.contains("FAILED"), out);
            assertTrue(out.contains("no_such_table"), "the attempt's log: " + out);
            assertTrue(out.contains("4 attempts in the history"), out);
            assertTrue(out.contains("Table \"" + db.schema() + ".Post\""), out);
            assertTrue(out.contains("Post_title_idx"), out);
            assertTrue(out.contains("* dev"), out);
            assertFalse(out.contains("Next:"), "exit ends the script before status: " + out);

            GodwitRun failed = p.run("__complete", "--", "resolve", "--rolled-back", "");
            assertEquals("20240104000000_bad", failed.stdout().strip(), "bash completion gets live names: " + failed.all());
            GodwitRun tables = p.run("__complete", "--", "inspect", "Po");
            assertEquals("Post", tables.stdout().strip(), tables.all());

            GodwitRun json = p.run("history", "--json");
            assertEquals(0, json.exitCode(), json.all());
            assertTrue(json.stdout().contains("\"outcome\" : \"failed\""), json.stdout());
        }
    }

    @Test
    void helpListsTheShellCommands() {
        GodwitRun r = GodwitRun.inProcess("help");
        assertEquals(0, r.exitCode(), r.all());
        for (String c : new String[]{"status", "apply", "resolve", "show", "history", "inspect", "sql", "connect", "use", "envs",
                "project", "refresh", "help"}) {
            assertTrue(java.util.regex.Pattern.compile("(?m)^  " + c + "[ ,]").matcher(r.stdout()).find(), c + " in\n" + r.stdout());
        }
        GodwitRun sql = GodwitRun.inProcess("help", "sql");
        assertTrue(sql.stdout().contains("READ ONLY"), sql.stdout());
    }

    @Test
    void connectAndUseSwitchTheSessionForTheCommandsAfterThem() {
        try (TestDatabase one = TestDatabases.postgres(); TestDatabase two = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("p"), one).blog();
            GodwitRun r = p.run("-c", "apply; connect " + two.url() + "; status; use dev; status");
            assertEquals(0, r.exitCode(), "status's 3 is a report when commands follow; back on dev all is applied: " + r.all());
            assertTrue(r.stdout().contains("Connected to"), r.stdout());
            assertTrue(r.stdout().contains("3 pending"), "status on the second database finds 3 pending: " + r.stdout());
            assertTrue(r.stdout().contains("up to date"), "status after `use dev` is on the first again: " + r.stdout());
            GodwitRun once = p.run("-c", "status --url " + two.url() + "; status");
            assertEquals(0, once.exitCode(), once.all());
            assertTrue(once.stdout().contains("3 pending") && once.stdout().contains("up to date"),
                    "options on one command apply to that command only: " + once.all());
            GodwitRun onceThenBack = p.run("-c", "status --url " + one.url() + "; status --json");
            assertTrue(onceThenBack.stdout().contains("up to date"), onceThenBack.all());

            // options before the command's name are that command's too, as in `godwit --url URL status`
            GodwitRun before = p.run("--on-error", "continue", "-c", "--url " + two.url() + " status; --json status");
            assertEquals(0, before.exitCode(), before.all());
            assertTrue(before.stdout().contains("3 pending"), "the first status ran on the second database: " + before.all());
            assertTrue(before.stdout().contains("\"upToDate\" : true"), "the second on the first, as JSON: " + before.all());

            GodwitRun back = p.run("--continue-on-error", "-c", "connect " + two.url() + "; use dev; status");
            assertEquals(0, back.exitCode(), back.all());
            assertTrue(back.stdout().contains("Using environment dev"), back.stdout());
            assertTrue(back.stdout().contains("up to date"), back.stdout());
        }
    }
}
