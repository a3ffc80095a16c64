package dev.godwit.engine.dialect.cockroach;

import dev.godwit.engine.Provider;

import java.util.List;

/**
 * A third database family defined in one package of its own, as a new dialect would be: CockroachDB through the
 * PostgreSQL driver. It is on the class path only in the JVM that {@code ThirdFamilyTest} starts.
 */
public final class CockroachFamily implements Provider.Family {
    static final Provider COCKROACHDB = Provider.define("COCKROACHDB", "cockroachdb", List.of());

    @Override
    public Provider provider() {
        return COCKROACHDB;
    }
}
