package dev.godwit.shell.render;

import dev.godwit.shell.session.Out;

import dev.godwit.engine.lint.LintFinding;
import dev.godwit.engine.lint.LintReport;
import dev.godwit.engine.lint.LintSeverity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lint findings as text (for lint, plan, dev, apply --dry-run and status) and as JSON. */
public final class LintText {
    private final Out out;
    private final boolean toStderr;

    /** Findings on stdout (the lint command's result). */
    public LintText(Out out) {
        this(out, false);
    }

    /** {@code toStderr}: beside another result on stdout (plan's script, apply's progress). */
    public LintText(Out out, boolean toStderr) {
        this.out = out;
        this.toStderr = toStderr;
    }

    private void line(String text) {
        if (toStderr) {
            out.message(text);
        } else {
            out.println(text);
        }
    }

    /** A line of SQL: never broken, so that it can be copied as it is (a comment stays a comment). */
    private void sqlLine(String text) {
        if (toStderr) {
            out.messageAsIs(text);
        } else {
            out.printlnAsIs(text);
        }
    }

    /** Every report in full: each finding, its lock, and the safe form. */
    public void render(List<LintReport> reports, boolean showIgnored) {
        for (LintReport r : reports) {
            List<LintFinding> shown = r.findings().stream().filter(f -> showIgnored || !f.ignored()).toList();
            long ignored = r.findings().stream().filter(LintFinding::ignored).count();
            line(out.style(Out.Style.BOLD, r.migration()) + "  " + (shown.isEmpty() ? out.style(Out.Style.GREEN, "no findings")
                    : counts(r)) + (ignored > 0 && !showIgnored ? " (" + ignored + " ignored)" : ""));
            for (LintFinding f : shown) {
                finding(f, "  ");
            }
        }
    }

    /** One finding: severity, rule and place; the message; the lock; the safe form indented. */
    public void finding(LintFinding f, String indent) {
        line(indent + severity(f) + " " + f.rule() + "  " + f.where() + (f.ignored() ? out.style(Out.Style.DIM, "  ignored: " + f.ignoredBecause()) : ""));
        line(indent + "  " + f.message());
        if (f.lock() != null) {
            line(indent + "  " + out.style(Out.Style.DIM, "lock: " + f.lock() + (f.blocks() == null ? "" : " · blocks " + f.blocks())
                    + (f.rewrites() ? " · rewrites the table" : f.scans() ? " · reads the whole table" : "")));
        }
        if (f.safe() != null && !f.ignored()) {
            line(indent + "  " + out.style(Out.Style.CYAN, "safe:"));
            for (String line : f.safe().split("\n")) {
                sqlLine(indent + "    " + line);
            }
        }
    }

    private String severity(LintFinding f) {
        String label = String.format("%-7s", f.severity().name());
        return switch (f.severity()) {
            case ERROR -> out.style(Out.Style.RED_BOLD, label);
            case WARNING -> out.style(Out.Style.YELLOW, label);
            case INFO -> out.style(Out.Style.DIM, label);
        };
    }

    /** "1 error, 2 warnings, 1 note" over the standing findings. */
    public static String counts(LintReport r) {
        return counts(r.standing());
    }

    public static String counts(List<LintFinding> standing) {
        long e = standing.stream().filter(f -> f.severity() == LintSeverity.ERROR).count();
        long w = standing.stream().filter(f -> f.severity() == LintSeverity.WARNING).count();
        long i = standing.stream().filter(f -> f.severity() == LintSeverity.INFO).count();
        StringBuilder sb = new StringBuilder();
        append(sb, e, "error");
        append(sb, w, "warning");
        append(sb, i, "note");
        return sb.length() == 0 ? "no findings" : sb.toString();
    }

    private static void append(StringBuilder sb, long n, String word) {
        if (n > 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(word).append(n == 1 ? "" : "s");
        }
    }

    public static List<Map<String, Object>> json(List<LintReport> reports) {
        return reports.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("migration", r.migration());
            m.put("parsedBy", r.parsedBy());
            m.put("findings", r.findings().stream().map(LintText::json).toList());
            return m;
        }).toList();
    }

    private static Map<String, Object> json(LintFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("severity", f.severity().label());
        m.put("statement", f.statement());
        m.put("line", f.line());
        m.put("table", f.table());
        if (f.size() != null) {
            m.put("tableBytes", f.size().bytes());
            m.put("tableRows", f.size().rows());
        }
        m.put("lock", f.lock());
        m.put("blocks", f.blocks());
        m.put("rewrites", f.rewrites());
        m.put("scans", f.scans());
        m.put("message", f.message());
        m.put("safe", f.safe());
        m.put("ignored", f.ignoredBecause());
        return m;
    }
}
