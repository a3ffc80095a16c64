package dev.godwit.engine.dialect;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.Provider;

import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The dialects on the class path, one per database family, loaded once (dialects hold no state). */
final class Dialects {
    private static final Map<Provider, Dialect> BY_PROVIDER = load();

    private Dialects() {
    }

    static Dialect of(Provider provider) {
        Dialect d = BY_PROVIDER.get(provider);
        if (d == null) {
            throw new GodwitException(ErrorKind.RUNTIME, "no dialect for " + provider.prismaName() + " on the class path",
                    "a META-INF/services/" + Dialect.class.getName() + " entry is missing");
        }
        return d;
    }

    private static Map<Provider, Dialect> load() {
        Map<Provider, Dialect> out = new EnumMap<>(Provider.class);
        for (Dialect d : ServiceLoader.load(Dialect.class, Dialect.class.getClassLoader())) {
            out.putIfAbsent(d.provider(), d);
        }
        return out;
    }
}
