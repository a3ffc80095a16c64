package dev.godwit.engine.schema;

/**
 * The name of a table, enum, view or sequence of a database that spreads over several schemas
 * (Prisma's {@code schemas = [...]} with {@code @@schema}): {@code schema.name}, as people write it.
 * A model of one schema (a {@link Schema} without {@link Schema#namespaces()}) keeps plain names, so only
 * a multi-schema model is read this way; there, the schema name is what comes before the first dot.
 */
public final class QualifiedName {
    private QualifiedName() {
    }

    public static String of(String namespace, String name) {
        return namespace == null ? name : namespace + '.' + name;
    }

    /** The schema part of a qualified name, or null for a plain one. */
    public static String namespace(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? null : qualified.substring(0, dot);
    }

    /** The name without its schema. */
    public static String local(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }
}
