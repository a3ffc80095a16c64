package dev.godwit.engine.psl;

import dev.godwit.engine.PerProvider;
import dev.godwit.engine.Provider;

/** The model rules on the class path, one per database family, loaded once (they hold no state). */
final class ModelRulesLoader {
    private static final PerProvider<ModelRules> BY_PROVIDER = PerProvider.load(ModelRules.class, ModelRules::provider);

    private ModelRulesLoader() {
    }

    static ModelRules of(Provider provider) {
        return BY_PROVIDER.of(provider);
    }
}
