package dev.godwit.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Samples per contender, printed as medians with godwit ÷ peer ratios and the median peak memory of the runs. */
final class Table {
    private final String title;
    private final String unit;
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private final Map<String, List<Double>> peaks = new LinkedHashMap<>();

    Table(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    void add(String contender, double value) {
        samples.computeIfAbsent(contender, k -> new ArrayList<>()).add(value);
    }

    /** A sample with the peak resident memory of the process that produced it (0: not known). */
    void add(String contender, double value, long peakRssKb) {
        add(contender, value);
        if (peakRssKb > 0) {
            peaks.computeIfAbsent(contender, k -> new ArrayList<>()).add(peakRssKb / 1024.0);
        }
    }

    boolean has(String contender) {
        return samples.containsKey(contender);
    }

    double median(String contender) {
        return median(samples.get(contender));
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Prints the table; the first contender is godwit, the ratio column is it divided by each row. */
    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("\n").append(title).append("\n");
        if (samples.isEmpty()) {
            return sb.append("(no successful runs)\n").toString();
        }
        sb.append(String.format("| %-40s | %12s | %5s | %-28s | %13s | %9s |%n", "contender", "median " + unit, "runs", "all runs",
                "godwit ÷ this", "peak MiB"));
        sb.append("|").append("-".repeat(42)).append("|").append("-".repeat(14)).append("|").append("-".repeat(7))
                .append("|").append("-".repeat(30)).append("|").append("-".repeat(15)).append("|").append("-".repeat(11)).append("|\n");
        String first = samples.keySet().iterator().next();
        double base = median(first);
        for (var e : samples.entrySet()) {
            double m = median(e.getKey());
            String all = Arrays.toString(e.getValue().stream().mapToLong(Math::round).toArray());
            if (all.length() > 28) {
                all = all.substring(0, 25) + "…]";
            }
            String ratio = e.getKey().equals(first) ? "—" : String.format("%.2f×", base / m);
            List<Double> rss = peaks.get(e.getKey());
            String peak = rss == null ? "" : String.format("%.0f", median(rss));
            sb.append(String.format("| %-40s | %12s | %5d | %-28s | %13s | %9s |%n", e.getKey(), fmt(m), e.getValue().size(), all, ratio, peak));
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
    }
}
