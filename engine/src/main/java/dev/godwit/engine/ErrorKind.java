package dev.godwit.engine;

/** Classes of failure, each with the stable process exit code documented in the README. */
public enum ErrorKind {
    /** Something went wrong while doing the work: database error, failed migration, I/O. */
    RUNTIME(1),
    /** The command line or the project's files are wrong (bad option, bad URL, bad config). */
    USAGE(2),
    /** The command ran, and the answer is that the user must act: pending, failed or drifted state. */
    ACTION_NEEDED(3),
    /** The database could not be reached or refused us (host, credentials, missing database, lock). */
    CONNECTION(4);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
