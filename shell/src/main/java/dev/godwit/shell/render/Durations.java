package dev.godwit.shell.render;

import java.time.Duration;

public final class Durations {
    private Durations() {
    }

    /** "12 ms", "3.4 s", "2 min 05 s". */
    public static String format(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format("%.1f s", ms / 1000.0);
        }
        return String.format("%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
