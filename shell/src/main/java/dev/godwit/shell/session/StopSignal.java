package dev.godwit.shell.session;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM (a cancelled CI job) while a one-shot command changes the database: instead of dying
 * with the statement half-way, godwit cancels the running statement and waits a little for the command to
 * record what happened (an apply writes the attempt as cancelled, with what took effect) and report it.
 * The shell handles Ctrl-C itself and needs none of this.
 */
public final class StopSignal {
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    private StopSignal() {
    }

    /** Installs the hook for the time of a command; {@link #remove} it afterwards. */
    public static Thread install(Session session) {
        Thread hook = new Thread(() -> {
            if (session.statements().cancelAll() > 0) {
                session.out().note("stopping: the running statement is cancelled, and the history records what took effect");
            }
            try {
                FINISHED.await(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "godwit-stop");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException alreadyStopping) {
            return null;
        }
        return hook;
    }

    public static void remove(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // the JVM is stopping: the hook runs, and returns once the command has reported
        }
    }

    /** The one-shot command has returned and reported: a stopping JVM may end now. */
    public static void commandFinished() {
        FINISHED.countDown();
    }
}
