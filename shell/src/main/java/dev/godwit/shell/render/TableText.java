package dev.godwit.shell.render;

import java.util.ArrayList;
import java.util.List;

/** A plain aligned table like psql prints: header, rule, rows. Nulls show as empty cells. */
public final class TableText {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TableText(List<String> header) {
        this.header = List.copyOf(header);
    }

    public TableText row(List<String> cells) {
        rows.add(cells);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public List<String> lines() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < w.length && i < r.size(); i++) {
                w[i] = Math.max(w[i], cell(r.get(i)).length());
            }
        }
        List<String> out = new ArrayList<>();
        out.add(line(header, w));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "-" : "+-").append("-".repeat(w[i])).append('-');
        }
        out.add(rule.toString());
        for (List<String> r : rows) {
            out.add(line(r, w));
        }
        return out;
    }

    private static String line(List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() ? cell(cells.get(i)) : "";
            sb.append(i == 0 ? " " : "| ").append(c).append(" ".repeat(w[i] - c.length())).append(' ');
        }
        return sb.toString().stripTrailing();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
