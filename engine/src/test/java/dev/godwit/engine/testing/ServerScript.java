package dev.godwit.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the scripts under {@code scripts/test-servers/} that start and stop a real server for the tests
 * (a Galera cluster, a PgBouncer), run as {@code SCRIPT up|down DIR} with its settings in the environment.
 * The script's output goes to {@code DIR.log}, which the "up failed" message names.
 */
final class ServerScript {
    private final Path script;
    private final Map<String, String> env;
    private final Path dir;

    private ServerScript(Path script, Map<String, String> env, Path dir) {
        this.script = script;
        this.env = Map.copyOf(env);
        this.dir = dir;
    }

    /** The script {@code scripts/test-servers/NAME}, found in the first folder above the working directory that has it. */
    static ServerScript named(String name, Map<String, String> env, Path dir) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("scripts/test-servers").resolve(name);
            if (Files.isExecutable(s)) {
                return new ServerScript(s, env, dir);
            }
        }
        throw new IllegalStateException("scripts/test-servers/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /** Runs {@code up}; on failure runs {@code down} and throws; on success stops the server when the JVM ends. */
    void upUntilExit(int upSeconds, int downSeconds) {
        int rc = run("up", upSeconds);
        if (rc != 0) {
            run("down", downSeconds);
            throw new IllegalStateException(script + " up failed (exit " + rc + "; its output is in " + dir + ".log)");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run("down", downSeconds)));
    }

    /** The script's exit code, or -1 when it could not start or ran past {@code seconds}. */
    int run(String command, int seconds) {
        ProcessBuilder pb = new ProcessBuilder(script.toString(), command, dir.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(dir + ".log").toFile()));
        try {
            Process p = pb.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
