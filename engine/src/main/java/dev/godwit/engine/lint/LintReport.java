package dev.godwit.engine.lint;

import java.util.List;
import java.util.Optional;

/** The findings on one migration (or one planned script); {@code findings} holds ignored ones too, marked. */
public record LintReport(String migration, String parsedBy, List<LintFinding> findings) {
    public LintReport {
        findings = List.copyOf(findings);
    }

    public List<LintFinding> standing() {
        return findings.stream().filter(f -> !f.ignored()).toList();
    }

    public Optional<LintSeverity> worst() {
        return standing().stream().map(LintFinding::severity).reduce(LintSeverity::max);
    }

    public boolean hasErrors() {
        return worst().orElse(LintSeverity.INFO) == LintSeverity.ERROR;
    }
}
