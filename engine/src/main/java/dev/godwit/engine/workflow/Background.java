package dev.godwit.engine.workflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A read that runs on a second thread while the workflow goes on, so that waiting on the database
 * overlaps work on this side (a new process has two cores and a cold JVM). Only for work with no
 * output and no effect beyond reading: its failure is rethrown, unchanged, where the result is
 * taken, so errors come in the order they would without it.
 */
final class Background<T> {
    private final CompletableFuture<T> future;

    private Background(CompletableFuture<T> future) {
        this.future = future;
    }

    static <T> Background<T> start(String name, Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "godwit-" + name);
        t.setDaemon(true);
        t.start();
        return new Background<>(f);
    }

    /** Waits for the work to end, whatever its outcome: a command leaves nothing running behind it. */
    void settle() {
        try {
            future.handle((r, e) -> null).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // handle() never completes exceptionally
        }
    }

    /** {@link #settle} for each that is not null. */
    static void settleAll(Background<?>... all) {
        for (Background<?> b : all) {
            if (b != null) {
                b.settle();
            }
        }
    }

    T get() {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + e.getMessage(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
