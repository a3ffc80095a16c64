package dev.godwit.engine.lint;

import dev.godwit.engine.PerProvider;
import dev.godwit.engine.Provider;

/** The lint rules on the class path, one per database family, loaded once (they hold no state). */
final class LintRulesLoader {
    private static final PerProvider<LintRules> BY_PROVIDER = PerProvider.load(LintRules.class, LintRules::provider);

    private LintRulesLoader() {
    }

    static LintRules of(Provider provider) {
        return BY_PROVIDER.of(provider);
    }
}
