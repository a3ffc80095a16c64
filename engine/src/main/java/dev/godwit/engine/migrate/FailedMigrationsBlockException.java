package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.util.List;

/** Apply refused because failed migrations are not resolved: which ones, and what took effect of the first. */
public class FailedMigrationsBlockException extends GodwitException {
    private final List<String> migrations;
    private final AttemptLedger firstLedger;

    public FailedMigrationsBlockException(String message, String hint, List<String> migrations, AttemptLedger firstLedger) {
        super(ErrorKind.ACTION_NEEDED, message, hint);
        this.migrations = List.copyOf(migrations);
        this.firstLedger = firstLedger;
    }

    public List<String> migrations() {
        return migrations;
    }

    /** Which statements of the first failed migration took effect. */
    public AttemptLedger firstLedger() {
        return firstLedger;
    }
}
