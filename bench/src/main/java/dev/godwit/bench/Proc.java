package dev.godwit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process, timed from outside, with its peak resident memory and its CPU time (its own and
 * that of the children it waited for) read from /proc while it runs. The CPU time is the steadier
 * figure on a shared machine: other processes stretch the wall time, hardly the CPU time.
 */
record Proc(int exit, long wallNs, long peakRssKb, String output, long cpuMs) {
    Proc(int exit, long wallNs, long peakRssKb, String output) {
        this(exit, wallNs, peakRssKb, output, 0);
    }

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
            long cpu = 0;
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
            while (p.isAlive()) {
                peak = Math.max(peak, peakOf(status));
                cpu = Math.max(cpu, cpuOf(stat));
                Thread.sleep(5);
            }
            int exit = p.waitFor();
            long wall = System.nanoTime() - t0;
            return new Proc(exit, wall, peak, Files.readString(out, StandardCharsets.UTF_8), cpu);
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

    /**
     * utime + stime + cutime + cstime of /proc/PID/stat in milliseconds (clock ticks of 10 ms, as
     * on Linux x86-64); the last reading is at most one poll before the end.
     */
    private static long cpuOf(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime 14, stime 15, cutime 16, cstime 17
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks * 10;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
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
