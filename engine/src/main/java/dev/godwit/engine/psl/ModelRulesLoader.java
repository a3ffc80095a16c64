package dev.godwit.engine.psl;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.Provider;

import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The model rules on the class path, one per database family, loaded once (they hold no state). */
final class ModelRulesLoader {
    private static final Map<Provider, ModelRules> BY_PROVIDER = load();

    private ModelRulesLoader() {
    }

    static ModelRules of(Provider provider) {
        ModelRules r = BY_PROVIDER.get(provider);
        if (r == null) {
            throw new GodwitException(ErrorKind.RUNTIME, "no model rules for " + provider.prismaName() + " on the class path",
                    "a META-INF/services/" + ModelRules.class.getName() + " entry is missing");
        }
        return r;
    }

    private static Map<Provider, ModelRules> load() {
        Map<Provider, ModelRules> out = new EnumMap<>(Provider.class);
        for (ModelRules r : ServiceLoader.load(ModelRules.class, ModelRules.class.getClassLoader())) {
            out.putIfAbsent(r.provider(), r);
        }
        return out;
    }
}
