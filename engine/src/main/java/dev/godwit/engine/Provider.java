package dev.godwit.engine;


/** The database families godwit speaks, named as Prisma names them in schema.prisma and migration_lock.toml. */
public enum Provider {
    POSTGRESQL("postgresql"),
    MYSQL("mysql");

    /**
     * The family assumed where nothing says which (no schema, no URL yet): Prisma's default, and the one godwit
     * can start an embedded server of.
     */
    public static final Provider ASSUMED = POSTGRESQL;

    private final String prismaName;

    Provider(String prismaName) {
        this.prismaName = prismaName;
    }

    /** The name used by Prisma: {@code provider = "postgresql"}. */
    public String prismaName() {
        return prismaName;
    }

    public static Provider fromPrismaName(String name) {
        for (Provider p : values()) {
            if (p.prismaName.equalsIgnoreCase(name)) {
                return p;
            }
        }
        if ("postgres".equalsIgnoreCase(name)) {
            return POSTGRESQL;
        }
        if ("mariadb".equalsIgnoreCase(name)) {
            return MYSQL;
        }
        throw new GodwitException(ErrorKind.USAGE, "unsupported provider \"" + name + "\"",
                "use \"postgresql\" or \"mysql\"");
    }
}
