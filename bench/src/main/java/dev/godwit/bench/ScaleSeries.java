package dev.godwit.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One operation measured at several sizes: per contender and size, the wall times and peak memory
 * of its runs. Renders the medians with the time per unit and the increment between sizes, and
 * judges the growth: an operation is worse than linear when its time per unit, or its increment
 * per unit between consecutive sizes, grows more than 1.5× from the smallest size to the largest.
 * The increment is the sharper test: at a small size the fixed start-up cost inflates the time
 * per unit and can hide a quadratic step; the increment has that cost subtracted. The verdict is
 * judged on the CPU time of the process (steady when other work shares the machine) and on the
 * wall time (which also holds the database server's part of the work); either can flag it.
 */
final class ScaleSeries {
    static final double WORSE_THAN_LINEAR = 1.5;

    private final String operation;
    private final String unit;
    private final Map<String, TreeMap<Integer, List<double[]>>> runs = new LinkedHashMap<>();

    ScaleSeries(String operation, String unit) {
        this.operation = operation;
        this.unit = unit;
    }

    String operation() {
        return operation;
    }

    private static final int WALL = 0;
    private static final int PEAK = 1;
    private static final int CPU = 2;

    void add(String contender, int size, double ms, long peakRssKb, long cpuMs) {
        runs.computeIfAbsent(contender, k -> new TreeMap<>()).computeIfAbsent(size, k -> new ArrayList<>())
                .add(new double[]{ms, peakRssKb / 1024.0, cpuMs});
    }

    boolean has(String contender, int size) {
        return runs.containsKey(contender) && runs.get(contender).containsKey(size);
    }

    double medianMs(String contender, int size) {
        return median(runs.get(contender).get(size), WALL);
    }

    double medianCpuMs(String contender, int size) {
        return median(runs.get(contender).get(size), CPU);
    }

    double peakMiB(String contender, int size) {
        return median(runs.get(contender).get(size), PEAK);
    }

    private double value(String contender, int size, int column) {
        return median(runs.get(contender).get(size), column);
    }

    private static double median(List<double[]> samples, int column) {
        double[] v = samples.stream().mapToDouble(a -> a[column]).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The growth of {@code contender}'s wall time and CPU time, or null with fewer than two sizes measured. */
    Verdict verdict(String contender) {
        Growth wall = growth(contender, WALL);
        Growth cpu = growth(contender, CPU);
        return wall == null ? null : new Verdict(wall, cpu != null && cpu.perUnitSmall() > 0 ? cpu : null);
    }

    /** Wall and CPU growth; worse than linear when either is. */
    record Verdict(Growth wall, Growth cpu) {
        boolean worseThanLinear() {
            return wall.worseThanLinear() || (cpu != null && cpu.worseThanLinear());
        }

        String describe(String unit) {
            String s = "wall " + wall.numbers(unit) + (cpu == null ? "" : "; CPU " + cpu.numbers(unit));
            return s + (worseThanLinear() ? ": WORSE THAN LINEAR" : ": linear or better");
        }
    }

    private Growth growth(String contender, int column) {
        TreeMap<Integer, List<double[]>> bySize = runs.get(contender);
        if (bySize == null || bySize.size() < 2) {
            return null;
        }
        List<Integer> sizes = new ArrayList<>(bySize.keySet());
        int small = sizes.get(0);
        int large = sizes.get(sizes.size() - 1);
        double perUnitSmall = value(contender, small, column) / small;
        double perUnitLarge = value(contender, large, column) / large;
        Double firstStep = null;
        Double lastStep = null;
        if (sizes.size() >= 3) {
            firstStep = step(contender, sizes.get(0), sizes.get(1), column);
            lastStep = step(contender, sizes.get(sizes.size() - 2), sizes.get(sizes.size() - 1), column);
        }
        return new Growth(small, large, perUnitSmall, perUnitLarge, firstStep, lastStep);
    }

    /** Milliseconds per unit added between two sizes. */
    private double step(String contender, int from, int to, int column) {
        return (value(contender, to, column) - value(contender, from, column)) / (to - from);
    }

    /** How the cost per unit moves from the smallest size to the largest. */
    record Growth(int smallSize, int largeSize, double perUnitSmall, double perUnitLarge, Double firstStep, Double lastStep) {
        double perUnitFactor() {
            return perUnitLarge / perUnitSmall;
        }

        /** The last increment over the first; null with fewer than three sizes or a first increment lost in the noise. */
        Double stepFactor() {
            return firstStep == null || firstStep <= 0 ? null : lastStep / firstStep;
        }

        boolean worseThanLinear() {
            Double steps = stepFactor();
            return perUnitFactor() > WORSE_THAN_LINEAR || (steps != null && steps > WORSE_THAN_LINEAR);
        }

        String numbers(String unit) {
            String s = String.format(Locale.ROOT, "%s ms/%s at %,d → %s at %,d (×%.2f)", fmt(perUnitSmall), unit, smallSize,
                    fmt(perUnitLarge), largeSize, perUnitFactor());
            if (stepFactor() != null) {
                s += String.format(Locale.ROOT, ", increment %s → %s (×%.2f)", fmt(firstStep), fmt(lastStep), stepFactor());
            }
            return s;
        }
    }

    /** The series as a table: one row per contender and size; the last column is godwit ÷ the peer at that size, in wall time. */
    String render(String godwit) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nscale: ").append(operation).append(" (unit: ").append(unit).append(")\n");
        if (runs.isEmpty()) {
            return sb.append("(no successful runs)\n").toString();
        }
        sb.append(String.format("| %-44s | %8s | %9s | %9s | %4s | %8s | %12s | %12s | %13s |%n", "contender", "size", "wall ms", "CPU ms",
                "runs", "peak MiB", "CPU ms/unit", "ΔCPU/Δunit", "godwit ÷ this"));
        sb.append("|").append("-".repeat(46)).append("|").append("-".repeat(10)).append("|").append("-".repeat(11)).append("|")
                .append("-".repeat(11)).append("|").append("-".repeat(6)).append("|").append("-".repeat(10)).append("|")
                .append("-".repeat(14)).append("|").append("-".repeat(14)).append("|").append("-".repeat(15)).append("|\n");
        for (var e : runs.entrySet()) {
            Integer previous = null;
            for (var size : e.getValue().entrySet()) {
                int n = size.getKey();
                double ms = medianMs(e.getKey(), n);
                double cpu = medianCpuMs(e.getKey(), n);
                String increment = previous == null ? "" : fmt(step(e.getKey(), previous, n, CPU));
                String ratio = e.getKey().equals(godwit) || !has(godwit, n) ? "—"
                        : String.format(Locale.ROOT, "%.2f×", medianMs(godwit, n) / ms);
                double peak = peakMiB(e.getKey(), n);
                sb.append(String.format(Locale.ROOT, "| %-44s | %,8d | %9s | %9s | %4d | %8s | %12s | %12s | %13s |%n", e.getKey(), n, fmt(ms),
                        fmt(cpu), size.getValue().size(), peak > 0 ? String.format(Locale.ROOT, "%.0f", peak) : "", fmt(cpu / n), increment, ratio));
                previous = n;
            }
        }
        for (String contender : runs.keySet()) {
            Verdict g = verdict(contender);
            if (g != null) {
                sb.append("slope ").append(contender).append(": ").append(g.describe(unit)).append("\n");
            }
        }
        return sb.toString();
    }

    List<String> contenders() {
        return new ArrayList<>(runs.keySet());
    }

    String unit() {
        return unit;
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        return a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : a >= 1 ? String.format(Locale.ROOT, "%.1f", v)
                : a >= 0.01 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
