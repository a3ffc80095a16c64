package dev.godwit.shell.session;

import picocli.CommandLine;

/**
 * The top of the command tree as the commands see it: the run's session and options, and a fresh
 * tree for completion. The application implements it, so commands never name the layer above them.
 */
public interface CommandRoot {

    /** The session for this run, created on first use with the global options merged. */
    Session session(GlobalOptions local);

    /** The session already in use (batch scripts, the shell), or null. */
    Session existingSession();

    GlobalOptions globals();

    Out out();

    /** A new command tree that writes to {@code out}, for completing words without running anything. */
    CommandLine freshTree(Out out);
}
