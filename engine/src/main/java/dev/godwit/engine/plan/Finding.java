package dev.godwit.engine.plan;

/**
 * One data-loss finding of a plan. A {@code WARNING} needs consent; an {@code UNEXECUTABLE} step
 * fails on the data the database holds now when {@code blocking}, and is only a caution otherwise
 * (the table is empty today).
 */
public record Finding(Severity severity, String message, boolean blocking) {
    public enum Severity { WARNING, UNEXECUTABLE }

    public static Finding warning(String message) {
        return new Finding(Severity.WARNING, message, false);
    }

    public static Finding unexecutable(String message, boolean blocking) {
        return new Finding(Severity.UNEXECUTABLE, message, blocking);
    }
}
