package dev.godwit.engine.lint;

import dev.godwit.engine.migrate.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ignores written in a migration, so that each one is in the file a reviewer reads:
 * <pre>
 * -- godwit-lint-ignore index-not-concurrent: the table holds 40 rows and never grows
 * CREATE INDEX …;
 * -- godwit-lint-ignore-file rename-column, drop-column: the app stopped using them in 2.3
 * </pre>
 * The first form applies to the statement that follows it; {@code -ignore-file} to the whole migration.
 * A reason after the colon is required: an ignore without one does not count.
 */
public final class LintIgnores {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "(?:--|#)\\s*godwit-lint-ignore(-file)?\\s+([a-z0-9*-]+(?:\\s*,\\s*[a-z0-9*-]+)*)\\s*(?::\\s*(.*))?$");

    record Directive(int line, boolean wholeFile, List<String> rules, String reason) {
    }

    private final List<Directive> directives;

    private LintIgnores(List<Directive> directives) {
        this.directives = directives;
    }

    public static LintIgnores read(String script) {
        List<Directive> out = new ArrayList<>();
        String[] lines = script.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i].strip());
            if (m.find()) {
                String reason = m.group(3) == null ? "" : m.group(3).strip();
                out.add(new Directive(i + 1, m.group(1) != null, List.of(m.group(2).split("\\s*,\\s*")), reason));
            }
        }
        return new LintIgnores(out);
    }

    /** Ignores written without a reason, as "line N" strings, to be reported. */
    public List<Integer> withoutReason() {
        return directives.stream().filter(d -> d.reason.isEmpty()).map(Directive::line).toList();
    }

    /**
     * The reason a finding of {@code rule} on {@code statement} is ignored, if it is. {@code statements}: the
     * migration's statements, to find which one follows a directive.
     */
    public Optional<String> reason(String rule, int statement, List<SqlStatement> statements) {
        for (Directive d : directives) {
            if (d.reason.isEmpty() || !(d.rules.contains(rule) || d.rules.contains("*"))) {
                continue;
            }
            if (d.wholeFile || statement == 0 || next(d.line, statements) == statement) {
                return Optional.of(d.reason);
            }
        }
        return Optional.empty();
    }

    /** The index of the first statement that starts after {@code line}; a directive on a statement's own first line counts for it. */
    private static int next(int line, List<SqlStatement> statements) {
        for (SqlStatement s : statements) {
            if (s.line() >= line) {
                return s.index();
            }
        }
        return -1;
    }
}
