package dev.godwit.shell.command;

import picocli.CommandLine.Option;

/** Options that turn a command into a fleet command: which fleet, and how many targets at a time. */
public class FleetOptions {
    @Option(names = "--fleet", paramLabel = "NAME", description = "Work on every target of the fleet NAME of godwit.toml ([fleet.NAME]).")
    String fleet;

    @Option(names = "--parallel", paramLabel = "N", description = "With --fleet: how many targets at a time (default: the fleet's parallel, else 4).")
    Integer parallel;

    boolean active() {
        return fleet != null;
    }

    /** apply's further fleet options. */
    public static final class Apply extends FleetOptions {
        @Option(names = "--canary", paramLabel = "K", description = "With --fleet: apply to the first K targets first; a failure among them stops the run.")
        Integer canary;

        @Option(names = "--max-failures", paramLabel = "F", description = "With --fleet: start no new target after F failures (default: the fleet's, else 1).")
        Integer maxFailures;

        @Option(names = "--resume", description = "With --fleet: continue the last run, skipping the targets it left up to date.")
        boolean resume;
    }
}
