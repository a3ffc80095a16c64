package dev.godwit.shell;

import dev.godwit.shell.app.Main;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The timeline on a real terminal: the shell runs in tmux, opens the timeline, resolves a
 * failed migration, goes back to the prompt, and leaves the tty sane; the same for the drift
 * report, from the prompt and with d from the timeline. Skipped without tmux.
 */
class TimelineTmuxTest {
    @TempDir
    Path tmp;

    private final String socket = "godwit-test-" + UUID.randomUUID().toString().substring(0, 8);

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "tmux " + args[0]);
        return out;
    }

    private String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "t");
    }

    /** The shell's prompt line: "godwit dev@host/db (state)>" with nothing typed after it. */
    static boolean isPrompt(String line) {
        String l = line.stripTrailing();
        return l.startsWith("godwit") && l.endsWith(">");
    }

    private String waitFor(String what, Predicate<String> until) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000; // generous: a loaded 2-core machine starts a JVM slowly
        String s = "";
        while (System.currentTimeMillis() < deadline) {
            s = screen();
            if (until.test(s)) {
                return s;
            }
            Thread.sleep(150);
        }
        fail("waited for " + what + "; the screen shows:\n" + s);
        return s;
    }

    /** sh in a tmux session, running godwit's shell on the project; sh prints GODWIT_EXITED when it leaves. */
    private void startShell(TestProject p) throws Exception {
        Path script = tmp.resolve("godwit.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\nunset NO_COLOR DATABASE_URL\nexport XDG_STATE_HOME='" + tmp.resolve("state") + "'\n"
                + "exec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName() + " --project '" + p.root() + "' \"$@\"\n");
        tmux("new-session", "-d", "-s", "t", "-x", "100", "-y", "30", "sh");
        // the command line shows "GODWIT_%s"; only the printf after godwit has left shows "GODWIT_EXITED"
        keys("sh " + script + "; printf 'GODWIT_%s\\n' EXITED", "Enter");
        waitFor("the shell prompt", s -> s.lines().anyMatch(TimelineTmuxTest::isPrompt));
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private static boolean hasTmux() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void shellTimelineResolveQuitPromptAndSaneTerminal() throws Exception {
        Assumptions.assumeTrue(hasTmux(), "tmux is not installed");
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("project"), db)
                    .add("20240101000000_ok", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_bad", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);\n");
            assertEquals(1, p.run("apply").exitCode());

            startShell(p);
            try {
                keys("timeline", "Enter");
                String opened = waitFor("the timeline", s -> s.contains("Timeline") && s.contains("q back"));
                assertTrue(opened.contains("✘ 20240102000000_bad"), opened);

                keys("/failed", "Enter");
                String selected = waitFor("the failed migration selected", s -> s.contains("▸ ✘ 20240102000000_bad") && s.contains("▶3 INSERT"));
                assertTrue(selected.contains("no_such_table"), selected);
                keys("r");
                waitFor("the reason dialog", s -> s.contains("Reason (kept in the history"));
                keys("typo in the table name", "Enter");
                waitFor("the confirmation", s -> s.contains("[y/N]"));
                keys("y");
                waitFor("the resolve", s -> s.contains("Marked 20240102000000_bad as rolled back"));
                keys("q");
                waitFor("the prompt again", s -> s.lines().anyMatch(TimelineTmuxTest::isPrompt) && !s.contains("q back"));

                keys("status", "Enter");
                String status = waitFor("status", s -> s.contains("1 rolled back"));
                assertTrue(status.contains("↺ 20240102000000_bad"), status);
                assertEquals("1", db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE rolled_back_at IS NOT NULL"
                        + " AND logs LIKE '%resolved as rolled back by % with godwit: typo in the table name%'"));

                keys("exit", "Enter");
                // keys typed before godwit has left would go to its line reader, not to sh
                waitFor("godwit to exit", s -> s.contains("GODWIT_EXITED"));
                keys("clear; stty -a | tr ';' '\\n' | grep -E -w -o -e '-?icanon' -e '-?echo' | sort | tr '\\n' ' '; printf 'STTY_%s\\n' DONE", "Enter");
                String stty = waitFor("stty", s -> s.contains("STTY_DONE")); // only the output says DONE
                assertTrue(stty.contains("echo icanon STTY_DONE"), "the terminal is sane again: " + stty);
            } finally {
                tmux("kill-server");
            }
        }
    }

    @Test
    void shellDriftReportAdoptTimelineDriftKeyAndSaneTerminal() throws Exception {
        Assumptions.assumeTrue(hasTmux(), "tmux is not installed");
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("project"), db).blog();
            assertEquals(0, p.run("apply").exitCode());
            db.execute("ALTER TABLE \"User\" ADD COLUMN nickname VARCHAR(30)");
            db.execute("DROP INDEX \"Post_title_idx\"");
            db.execute("ALTER TABLE \"Post\" ALTER COLUMN title TYPE VARCHAR(200)");

            startShell(p);
            try {
                keys("drift", "Enter");
                String opened = waitFor("the drift report", s -> s.contains(" Drift ") && s.contains("q back"));
                assertTrue(opened.contains("3 differences in 2 tables"), opened);
                assertTrue(opened.contains("+ column nickname varchar(30)"), opened);
                keys("Down", "Tab");
                String revert = waitFor("the revert script of Post", s -> s.contains("[Revert to history]") && s.contains("CREATE INDEX"));
                assertTrue(revert.contains("▸ ▾ ~ table Post"), revert);

                keys("w");
                waitFor("the name dialog", s -> s.contains("Migration name"));
                keys("by hand", "Enter");
                waitFor("the confirmation", s -> s.contains("[y/N]"));
                keys("y");
                waitFor("the adopt", s -> s.contains("_by_hand, marked it applied. Drift now: none."));
                keys("q");
                waitFor("the prompt again", s -> s.lines().anyMatch(TimelineTmuxTest::isPrompt) && !s.contains("q back"));

                keys("timeline", "Enter");
                waitFor("the timeline", s -> s.contains("Timeline") && s.contains("q back"));
                keys("d");
                waitFor("the drift report from the timeline", s -> s.contains(" Drift ") && s.contains("none"));
                keys("q");
                String back = waitFor("the timeline again", s -> s.contains("Timeline") && s.contains("q back"));
                assertTrue(back.contains("_by_hand"), "the adopted migration is in the timeline: " + back);
                keys("q");
                waitFor("the prompt after the timeline", s -> s.lines().anyMatch(TimelineTmuxTest::isPrompt) && !s.contains("q back"));

                keys("exit", "Enter");
                // keys typed before godwit has left would go to its line reader, not to sh
                waitFor("godwit to exit", s -> s.contains("GODWIT_EXITED"));
                keys("clear; stty -a | tr ';' '\\n' | grep -E -w -o -e '-?icanon' -e '-?echo' | sort | tr '\\n' ' '; printf 'STTY_%s\\n' DONE", "Enter");
                String stty = waitFor("stty", s -> s.contains("STTY_DONE")); // only the output says DONE
                assertTrue(stty.contains("echo icanon STTY_DONE"), "the terminal is sane again: " + stty);
            } finally {
                tmux("kill-server");
            }
        }
    }
}
