package dev.godwit.engine.lint;

import java.util.Map;

/**
 * A project's lint settings: the size thresholds, the rules it ignores everywhere (rule → reason, from
 * godwit.toml), and whether apply sets a per-statement lock timeout by default.
 */
public record LintSettings(Thresholds thresholds, Map<String, String> ignored, boolean applySetsLockTimeout) {
    public static final LintSettings DEFAULT = new LintSettings(Thresholds.DEFAULT, Map.of(), false);

    public LintSettings {
        ignored = Map.copyOf(ignored);
    }

    public LintSettings withApplySetsLockTimeout(boolean value) {
        return new LintSettings(thresholds, ignored, value);
    }

    /** The project's settings from godwit.toml's [lint] and [apply] tables. */
    public static LintSettings from(dev.godwit.engine.project.SafetyConfig c) {
        return new LintSettings(new Thresholds(c.warnRows(), c.warnBytes(), c.errorRows(), c.errorBytes()), c.lintIgnore(),
                c.lockTimeoutPerStatement() != null);
    }
}
