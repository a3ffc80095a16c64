package dev.godwit.engine.dialect;

import dev.godwit.engine.PerProvider;
import dev.godwit.engine.Provider;

/** The dialects on the class path, one per database family, loaded once (they hold no state). */
final class Dialects {
    private static final PerProvider<Dialect> BY_PROVIDER = PerProvider.load(Dialect.class, Dialect::provider);

    private Dialects() {
    }

    static Dialect of(Provider provider) {
        return BY_PROVIDER.of(provider);
    }
}
