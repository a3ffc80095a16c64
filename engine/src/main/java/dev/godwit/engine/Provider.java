package dev.godwit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * A database family godwit speaks, named as Prisma names it in schema.prisma and migration_lock.toml. The two
 * that ship have constants; another family is defined by its dialect package (a {@link Family} listed in
 * {@code META-INF/services}), so that adding one needs no change here. Families are compared by identity.
 */
public final class Provider {
    private static final List<Provider> DEFINED = new ArrayList<>();

    public static final Provider POSTGRESQL = define("POSTGRESQL", "postgresql", List.of("postgres"));
    public static final Provider MYSQL = define("MYSQL", "mysql", List.of("mariadb"));

    /**
     * The family assumed where nothing says which (no schema, no URL yet): Prisma's default, and the one godwit
     * can start an embedded server of.
     */
    public static final Provider ASSUMED = POSTGRESQL;

    private static volatile boolean familiesLoaded;

    private final String name;
    private final String prismaName;
    private final List<String> aliases;

    private Provider(String name, String prismaName, List<String> aliases) {
        this.name = name;
        this.prismaName = prismaName;
        this.aliases = List.copyOf(aliases);
    }

    /** A family that a dialect package adds: what its {@link Family} returns. */
    public interface Family {
        Provider provider();
    }

    /**
     * The family called {@code prismaName}, defined on first use: {@code name} is its constant-like name
     * ("COCKROACHDB"), {@code aliases} other names a lock file may give it.
     */
    public static synchronized Provider define(String name, String prismaName, List<String> aliases) {
        for (Provider p : DEFINED) {
            if (p.prismaName.equals(prismaName)) {
                return p;
            }
        }
        Provider p = new Provider(name, prismaName, aliases);
        DEFINED.add(p);
        return p;
    }

    /** Every family godwit speaks: the two that ship, then those the dialect packages on the class path define. */
    public static List<Provider> values() {
        if (!familiesLoaded) {
            synchronized (Provider.class) {
                if (!familiesLoaded) {
                    ServiceLoader.load(Family.class, Family.class.getClassLoader()).forEach(Family::provider);
                    familiesLoaded = true;
                }
            }
        }
        synchronized (Provider.class) {
            return List.copyOf(DEFINED);
        }
    }

    /** The constant-like name: POSTGRESQL, MYSQL. */
    public String name() {
        return name;
    }

    /** The name used by Prisma: {@code provider = "postgresql"}. */
    public String prismaName() {
        return prismaName;
    }

    @Override
    public String toString() {
        return name;
    }

    public static Provider fromPrismaName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Provider p : values()) {
            if (p.prismaName.equals(lower) || p.aliases.contains(lower)) {
                return p;
            }
        }
        throw new GodwitException(ErrorKind.USAGE, "unsupported provider \"" + name + "\"",
                "use " + values().stream().map(p -> "\"" + p.prismaName + "\"").collect(Collectors.joining(" or ")));
    }
}
