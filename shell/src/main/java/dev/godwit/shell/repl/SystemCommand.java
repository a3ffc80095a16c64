package dev.godwit.shell.repl;

import dev.godwit.shell.session.Out;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code !CMD} in the shell: runs CMD with the operating system's shell in the current folder.
 * On a real terminal the command gets the terminal itself (so {@code !less file} or {@code !vi}
 * work: the line reader is idle between two prompts); otherwise its output goes through godwit's
 * output, masked like everything godwit prints.
 */
public final class SystemCommand {
    private SystemCommand() {
    }

    public static int run(String command, Out out, boolean ownTerminal) {
        if (command.isBlank()) {
            out.error("! needs a command, e.g. !ls prisma/migrations", null);
            return 2;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        ProcessBuilder pb = windows ? new ProcessBuilder("cmd.exe", "/c", command) : new ProcessBuilder("sh", "-c", command);
        pb.directory(Path.of("").toAbsolutePath().toFile());
        if (ownTerminal) {
            pb.inheritIO();
        } else {
            pb.redirectInput(ProcessBuilder.Redirect.INHERIT).redirectErrorStream(true);
        }
        try {
            Process p = pb.start();
            if (!ownTerminal) {
                try (InputStream in = p.getInputStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (!text.isEmpty()) {
                        out.print(text.endsWith("\n") ? text : text + "\n");
                    }
                }
            }
            int code = p.waitFor();
            if (code != 0) {
                out.note("`" + command + "` exited with " + code);
            }
            return code;
        } catch (IOException e) {
            out.error("cannot run `" + command + "`: " + e.getMessage(), null);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.note("interrupted");
            return 130;
        }
    }
}
