package dev.godwit.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * One implementation of a service per database family, found with {@link ServiceLoader} (listed in
 * {@code META-INF/services} by each dialect package) and loaded once: the package that defines the service
 * names no implementation, so a new family is one more package.
 */
public final class PerProvider<T> {
    private final Class<T> type;
    private final Map<Provider, T> byProvider = new LinkedHashMap<>();

    private PerProvider(Class<T> type) {
        this.type = type;
    }

    /** Loads every implementation of {@code type} on the class path, keyed by the family {@code provider} reads from it. */
    public static <T> PerProvider<T> load(Class<T> type, Function<T, Provider> provider) {
        PerProvider<T> out = new PerProvider<>(type);
        for (T t : ServiceLoader.load(type, type.getClassLoader())) {
            out.byProvider.putIfAbsent(provider.apply(t), t);
        }
        return out;
    }

    /** The implementation for {@code provider}; a missing one is a broken build, said as such. */
    public T of(Provider provider) {
        T t = byProvider.get(provider);
        if (t == null) {
            throw new GodwitException(ErrorKind.RUNTIME, "no " + type.getSimpleName() + " for " + provider.prismaName() + " on the class path",
                    "a META-INF/services/" + type.getName() + " entry is missing");
        }
        return t;
    }
}
