package dev.godwit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A child process, timed from outside, with its peak resident memory read from /proc while it runs. */
record Proc(int exit, long wallNs, long peakRssKb, String output) {
    private static final Pattern ELAPSED = Pattern.compile("BENCH (?:elapsed|median)_ns=(\\d+)");

    static Proc run(List<String> command, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("godwit-bench-out-", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            long peak = 0;
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            while (p.isAlive()) {
                peak = Math.max(peak, peakOf(status));
                Thread.sleep(5);
            }
            int exit = p.waitFor();
            long wall = System.nanoTime() - t0;
            return new Proc(exit, wall, peak, Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** VmHWM: the process's peak resident set so far. */
    private static long peakOf(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended between the check and the read.
        }
        return 0;
    }

    /** The time the child measured around its own operation. */
    long innerNs() {
        Matcher m = ELAPSED.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no timing in the child's output:\n" + output);
        }
        return Long.parseLong(m.group(1));
    }

    boolean ok() {
        return exit == 0;
    }
}
