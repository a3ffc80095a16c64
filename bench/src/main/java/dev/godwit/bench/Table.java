package dev.godwit.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Samples per contender, printed as medians with godwit ÷ peer ratios. */
final class Table {
    private final String title;
    private final String unit;
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();

    Table(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    void add(String contender, double value) {
        samples.computeIfAbsent(contender, k -> new ArrayList<>()).add(value);
    }

    boolean has(String contender) {
        return samples.containsKey(contender);
    }

    double median(String contender) {
        double[] v = samples.get(contender).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Prints the table; the first contender is godwit, the ratio column is it divided by each row. */
    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("\n").append(title).append("\n");
        sb.append(String.format("| %-34s | %12s | %5s | %-28s | %12s |%n", "contender", "median " + unit, "runs", "all runs", "godwit ÷ this"));
        sb.append("|").append("-".repeat(36)).append("|").append("-".repeat(14)).append("|").append("-".repeat(7))
                .append("|").append("-".repeat(30)).append("|").append("-".repeat(14)).append("|\n");
        String first = samples.keySet().iterator().next();
        double base = median(first);
        for (var e : samples.entrySet()) {
            double m = median(e.getKey());
            String all = Arrays.toString(e.getValue().stream().mapToLong(Math::round).toArray());
            if (all.length() > 28) {
                all = all.substring(0, 25) + "…]";
            }
            String ratio = e.getKey().equals(first) ? "—" : String.format("%.2f×", base / m);
            sb.append(String.format("| %-34s | %12s | %5d | %-28s | %12s |%n", e.getKey(), fmt(m), e.getValue().size(), all, ratio));
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
    }
}
