package dev.godwit.shell;

import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.app.Main;
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
 * The fleet screen on a real terminal (tmux): the grid of targets × migrations, the state filter, a target's
 * timeline and back, applying on one target after the confirmation, and the status table below the minimum size.
 * Skipped without tmux.
 */
class FleetScreenTmuxTest {
    @TempDir
    Path tmp;

    private final String socket = "godwit-fleet-test-" + UUID.randomUUID().toString().substring(0, 8);

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "tmux " + args[0]);
        return out;
    }

    private String waitFor(String what, Predicate<String> until) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000; // a loaded 2-core machine starts a JVM slowly
        String s = "";
        while (System.currentTimeMillis() < deadline) {
            s = tmux("capture-pane", "-p", "-t", "t");
            if (until.test(s)) {
                return s;
            }
            Thread.sleep(150);
        }
        fail("waited for " + what + "; the screen shows:\n" + s);
        return s;
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** godwit timeline --fleet in a tmux window of the size given; sh prints GODWIT_EXITED when it leaves. */
    private void start(TestProject p, int columns, int rows) throws Exception {
        Path script = tmp.resolve("godwit.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\nunset NO_COLOR DATABASE_URL\nexport XDG_STATE_HOME='" + tmp.resolve("state") + "'\n"
                + "exec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName() + " --project '" + p.root() + "' \"$@\"\n");
        tmux("new-session", "-d", "-s", "t", "-x", String.valueOf(columns), "-y", String.valueOf(rows), "sh");
        keys("sh " + script + " timeline --fleet tenants; printf 'GODWIT_%s\\n' EXITED", "Enter");
    }

    private static boolean hasTmux() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private TestProject fleet(TestDatabase db) {
        for (String s : new String[]{"tenant_a", "tenant_b", "tenant_c"}) {
            db.execute("CREATE SCHEMA " + s);
        }
        TestProject p = new TestProject(tmp.resolve("p"), db);
        MigrationsDir.write(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[env.dev]\nurl = \""
                + db.url() + "\"\n\n[fleet.tenants]\nschemas = \"tenant\\\\_%\"\n");
        p.add("20240101000001_m1", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n");
        p.add("20240101000002_m2", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n");
        return p;
    }

    @Test
    void theGridFiltersOpensATargetsTimelineAndAppliesOnOneTarget() throws Exception {
        Assumptions.assumeTrue(hasTmux(), "tmux is not installed");
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = fleet(db);
            assertEquals(0, p.run("--url", db.url() + "?schema=tenant_a", "apply").exitCode());
            // tenant_b: m1 recorded applied, then m2 fails there (its table is in the way)
            assertEquals(0, p.run("--url", db.url() + "?schema=tenant_b", "resolve", "--applied", "20240101000001_m1").exitCode());
            db.execute("CREATE TABLE tenant_b.t2 (id int)");
            assertEquals(1, p.run("--url", db.url() + "?schema=tenant_b", "apply").exitCode());

            start(p, 100, 30);
            try {
                String grid = waitFor("the grid", s -> s.contains("Fleet tenants") && s.contains("q back"));
                assertTrue(grid.contains("3 targets × 2 migrations"), grid);
                assertTrue(grid.matches("(?s).*tenant_a +up to date +● ●.*"), grid);
                assertTrue(grid.matches("(?s).*tenant_b +failed +● ✗.*"), grid);
                assertTrue(grid.matches("(?s).*tenant_c +pending 2 +· ·.*"), grid);

                keys("f", "f");
                String failed = waitFor("the failed filter", s -> s.contains("showing failed: 1 targets"));
                assertFalse(failed.contains("tenant_a") || failed.contains("tenant_c"), failed);
                keys("l");
                waitFor("the failed migration's detail", s -> s.contains("20240101000002_m2  failed") && s.contains("already exists"));

                keys("Enter");
                waitFor("tenant_b's timeline", s -> s.contains("Timeline") && s.contains("20240101000002_m2"));
                keys("q");
                waitFor("the grid again", s -> s.contains("Fleet tenants") && s.contains("showing failed"));

                keys("f", "f", "/", "tenant_c", "Enter");
                waitFor("tenant_c alone", s -> s.contains("name contains \"tenant_c\"") && s.contains("▸ tenant_c"));
                keys("r");
                waitFor("the confirmation", s -> s.contains("Apply on tenant_c? [y/N]"));
                keys("y");
                waitFor("the apply", s -> s.contains("tenant_c: applied 2 migration(s).") && s.matches("(?s).*tenant_c +up to date +● ●.*"));
                assertEquals("2", db.scalar("SELECT COUNT(*) FROM tenant_c._prisma_migrations WHERE finished_at IS NOT NULL"));

                keys("q");
                waitFor("godwit to exit", s -> s.contains("GODWIT_EXITED"));
            } finally {
                tmux("kill-server");
            }
        }
    }

    @Test
    void belowItsMinimumSizeTheFleetsStatusIsPrintedInstead() throws Exception {
        Assumptions.assumeTrue(hasTmux(), "tmux is not installed");
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = fleet(db);
            start(p, 70, 20);
            try {
                String text = waitFor("the status table", s -> s.contains("GODWIT_EXITED"));
                assertTrue(text.replace("\n", "").contains("the fleet screen needs 80×24: printed as text"), text);
                assertTrue(text.contains("3 targets: 3 pending"), text);
            } finally {
                tmux("kill-server");
            }
        }
    }
}
