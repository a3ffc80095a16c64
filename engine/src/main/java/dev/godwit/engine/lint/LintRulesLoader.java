package dev.godwit.engine.lint;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.Provider;

import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The lint rules on the class path, one per database family, loaded once (they hold no state). */
final class LintRulesLoader {
    private static final Map<Provider, LintRules> BY_PROVIDER = load();

    private LintRulesLoader() {
    }

    static LintRules of(Provider provider) {
        LintRules r = BY_PROVIDER.get(provider);
        if (r == null) {
            throw new GodwitException(ErrorKind.RUNTIME, "no lint rules for " + provider.prismaName() + " on the class path",
                    "a META-INF/services/" + LintRules.class.getName() + " entry is missing");
        }
        return r;
    }

    private static Map<Provider, LintRules> load() {
        Map<Provider, LintRules> out = new EnumMap<>(Provider.class);
        for (LintRules r : ServiceLoader.load(LintRules.class, LintRules.class.getClassLoader())) {
            out.putIfAbsent(r.provider(), r);
        }
        return out;
    }
}
