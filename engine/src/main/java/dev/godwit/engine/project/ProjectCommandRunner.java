package dev.godwit.engine.project;


import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one of the project's own commands (godwit.toml's {@code generate} and {@code seed}) through
 * the system shell, in the project root, with extra environment variables, and hands each line of
 * its output (stdout and stderr together, in order) to the caller as it comes.
 */
public final class ProjectCommandRunner {
    private ProjectCommandRunner() {
    }

    /** Returns the command's exit code. Standard input is closed, so a command that reads it does not wait for a user. */
    public static int run(String command, Path workDir, Map<String, String> extraEnv, Consumer<String> lines) {
        ProcessBuilder pb = new ProcessBuilder(shell(command)).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(extraEnv);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot start `" + Secrets.mask(command) + "`: " + e.getMessage());
        }
        // The output is read on its own thread so that this one waits interruptibly: an interrupt
        // (Ctrl-C in the shell) stops the command and its children instead of waiting for them.
        Thread reader = new Thread(() -> copyLines(process, lines), "godwit-command-output");
        reader.setDaemon(true);
        // godwit stopped from outside (SIGTERM from a CI cancel, Ctrl-C of a one-shot command) takes the command with it
        Thread stopper = new Thread(() -> stop(process), "godwit-command-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            process.getOutputStream().close();   // no input: a command that reads stdin sees its end instead of hanging
            reader.start();
            int code = process.waitFor();
            reader.join(2000);   // a background child may keep the output open; its exit code is what counts
            return code;
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "running `" + Secrets.mask(command) + "`: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GodwitException(ErrorKind.RUNTIME, "`" + Secrets.mask(command) + "` was interrupted and stopped");
        } finally {
            stop(process);
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it stops the command itself
            }
        }
    }

    private static void stop(Process process) {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private static void copyLines(Process process, Consumer<String> lines) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.accept(line);
            }
        } catch (IOException ignored) {
            // the process was stopped; its exit code tells the rest
        }
    }

    private static List<String> shell(String command) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? List.of("cmd.exe", "/c", command)
                : List.of("sh", "-c", command);
    }
}
