package dev.godwit.engine.dialect;

/** A held migration lock; closing releases it. */
public interface MigrationLock extends AutoCloseable {
    @Override
    void close();
}
