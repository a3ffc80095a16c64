package dev.godwit.shell;

import dev.godwit.shell.app.Completions;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.repl.CompletionCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * The committed completion scripts in real bash, zsh and fish, each in tmux: TAB after a command,
 * an option, {@code --env}, with live names from the project's completion cache, which
 * {@code godwit __complete --refresh-cache} writes from a real database. A missing or stale
 * cache asks godwit for a new one in the background (here a stand-in that leaves a mark).
 * A shell that is not installed is skipped, except in CI ({@code .ci/run} installs them).
 */
class CompletionScriptsTmuxTest {
    @TempDir
    Path tmp;

    private final String socket = "godwit-compl-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stopTmux() throws Exception {
        new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }

    private static boolean installed(String program) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + program).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "tmux " + args[0]);
        return out;
    }

    private String waitFor(String what, Predicate<String> until) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String s = "";
        while (System.currentTimeMillis() < deadline) {
            s = tmux("capture-pane", "-p", "-t", "t");
            if (until.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        fail("waited for " + what + "; the screen shows:\n" + s);
        return s;
    }

    /** The line being edited, after the prompt "$ ". */
    private static String inputLine(String screen) {
        List<String> lines = screen.lines().filter(l -> l.startsWith("$ ") || l.equals("$")).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).substring(1).strip();
    }

    /** Types {@code text}, presses TAB, and waits until the input line is {@code expected}. */
    private void completes(String text, String expected) throws Exception {
        tmux("send-keys", "-t", "t", "-l", text);
        tmux("send-keys", "-t", "t", "Tab");
        waitFor("`" + text + "<TAB>` to become `" + expected + "`", s -> inputLine(s).equals(expected));
        clearLine();
    }

    /** Types {@code text}, presses TAB twice, and waits until every one of {@code listed} is on the screen. */
    private String lists(String text, String... listed) throws Exception {
        tmux("send-keys", "-t", "t", "-l", text);
        tmux("send-keys", "-t", "t", "Tab");
        Thread.sleep(300);
        tmux("send-keys", "-t", "t", "Tab");
        String typed = "$ " + text.stripTrailing(); // tmux drops the trailing blanks of a line
        String s = waitFor("`" + text + "<TAB><TAB>` to list " + String.join(", ", listed),
                screen -> screen.contains(typed) && List.of(listed).stream().allMatch(w -> screen.substring(screen.indexOf(typed)).contains(w)));
        clearLine();
        return s.substring(s.indexOf(typed));
    }

    private void clearLine() throws Exception {
        // end of line, kill back to its start, clear the screen: all three shells bind these keys alike
        tmux("send-keys", "-t", "t", "C-e", "C-u");
        waitFor("an empty input line", s -> inputLine(s).isEmpty());
        tmux("send-keys", "-t", "t", "C-l");
        waitFor("a clear screen", s -> s.lines().filter(l -> !l.isBlank()).count() == 1 && inputLine(s).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void tabAnswersAtEveryPositionFromTheCache(String shell) throws Exception {
        Assumptions.assumeTrue(installed("tmux"), "tmux is not installed");
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed(shell), shell + " is not installed");
        }
        assertTrue(installed(shell), shell + " is not installed (.ci/run installs it)");
        Path completions = Path.of("").toAbsolutePath().getParent().resolve("completions");
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp.resolve("project"), db)
                    .add("20240101000000_ok", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n")
                    .add("20240102000000_bad", "INSERT INTO no_such_table VALUES (1);\n")
                    .add("20240103000000_later", "CREATE TABLE t3 (id INTEGER PRIMARY KEY);\n");
            Files.writeString(p.root().resolve("godwit.toml"),
                    Files.readString(p.root().resolve("godwit.toml")) + "\n[env.prod]\nurl = \"env:GODWIT_PROD_URL\"\n");
            assertEquals(1, p.run("apply").exitCode());
            assertEquals(0, GodwitRun.inProcess("--project", p.root().toString(), "__complete", "--refresh-cache").exitCode());
            Path cache = CompletionCache.file(p.root(), null);
            String cached = Files.readString(cache);
            assertTrue(cached.contains("failed 20240102000000_bad") && cached.contains("applied 20240101000000_ok")
                    && cached.contains("table t1"), cached);

            // godwit on the PATH is a stand-in that notes each background refresh it is asked for
            Path bin = Files.createDirectories(tmp.resolve("bin"));
            Path marks = tmp.resolve("refreshes");
            Files.writeString(bin.resolve("godwit"), "#!/bin/sh\necho \"$*\" >> '" + marks + "'\n");
            bin.resolve("godwit").toFile().setExecutable(true);
            Path home = Files.createDirectories(tmp.resolve("home"));
            String setup = switch (shell) {
                case "bash" -> "source '" + completions.resolve(Completions.BASH_FILE) + "'; bind 'set show-all-if-ambiguous on'; PS1='$ '";
                case "zsh" -> "fpath=('" + completions + "' $fpath); autoload -Uz compinit; compinit -u -D; PS1='$ '";
                default -> "source '" + completions.resolve(Completions.FISH_FILE) + "'; function fish_prompt; echo '$ '; end";
            };
            String start = switch (shell) {
                case "bash" -> "bash --norc --noprofile";
                case "zsh" -> "zsh -f";
                default -> "fish --no-config";
            };
            List<String> session = new ArrayList<>(List.of("new-session", "-d", "-s", "t", "-x", "160", "-y", "40", "-c", p.root().toString(),
                    "env", "-i", "HOME=" + home, "TERM=xterm", "PATH=" + bin + ":/usr/bin:/bin", "GODWIT_COMPLETE_TTL=3600"));
            session.addAll(List.of(start.split(" ")));
            tmux(session.toArray(String[]::new));
            waitFor(shell + " to start", screen -> !screen.isBlank());
            tmux("send-keys", "-t", "t", "-l", setup);
            tmux("send-keys", "-t", "t", "Enter");
            waitFor("the prompt `$ `", screen -> screen.lines().anyMatch(l -> l.equals("$ ") || l.equals("$")));
            clearLine();

            completes("godwit resolve --rolled-back ", "godwit resolve --rolled-back 20240102000000_bad");
            completes("godwit rebase ", "godwit rebase 20240103000000_later");
            completes("godwit inspect t", "godwit inspect t1");
            completes("godwit --env pr", "godwit --env prod");
            completes("godwit apply --dr", "godwit apply --dry-run");
            completes("godwit stat", "godwit status");
            completes("godwit status --en", "godwit status --env");
            String envs = lists("godwit --env ", "dev", "prod");
            assertFalse(envs.contains("exit") || envs.contains("status"), "environments, not commands: " + envs);
            String applied = lists("godwit resolve --applied ", "20240102000000_bad", "20240103000000_later");
            assertFalse(applied.contains("20240101000000_ok"), applied);
            String options = lists("godwit resolve ", "--applied", "--rolled-back");
            assertFalse(options.contains("--url") || options.contains("--version"), options);
            assertFalse(Files.exists(marks), "a fresh cache needs no refresh");

            // A migration folder newer than the cache: TAB answers at once, from the disk, and asks for a refresh.
            Thread.sleep(1100);
            p.add("20240104000000_newer", "SELECT 1;\n");
            completes("godwit show 20240104", "godwit show 20240104000000_newer");
            waitFor("a background refresh", s -> Files.exists(marks));
            assertTrue(Files.readString(marks).contains("__complete --refresh-cache --project " + p.root()), Files.readString(marks));
        }
    }
}
