package dev.godwit.engine.lint;

/** How much a finding matters: INFO is worth knowing, WARNING needs a look, ERROR would hurt a busy database. */
public enum LintSeverity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public LintSeverity max(LintSeverity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
