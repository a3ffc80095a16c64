package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

/**
 * One side of {@code diff}: {@code empty}, {@code database}, {@code url:URL}, {@code env:NAME},
 * {@code migrations[:DIR]} or {@code sql:FILE_OR_DIR}.
 */
record DiffSource(Kind kind, String argument) {
    enum Kind { EMPTY, DATABASE, URL, ENV, MIGRATIONS, SQL, SCHEMA }

    static final String FORMS = "empty, database, url:URL, env:NAME, migrations[:DIR], sql:FILE_OR_DIR, schema[:FILE.prisma]";

    static DiffSource parse(String spec) {
        String s = spec.strip();
        if (s.equals("empty")) {
            return new DiffSource(Kind.EMPTY, null);
        }
        if (s.equals("database")) {
            return new DiffSource(Kind.DATABASE, null);
        }
        if (s.equals("migrations")) {
            return new DiffSource(Kind.MIGRATIONS, null);
        }
        if (s.equals("schema")) {
            return new DiffSource(Kind.SCHEMA, null);
        }
        int colon = s.indexOf(':');
        String prefix = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? "" : s.substring(colon + 1);
        Kind kind = switch (prefix) {
            case "url" -> Kind.URL;
            case "env" -> Kind.ENV;
            case "migrations" -> Kind.MIGRATIONS;
            case "sql" -> Kind.SQL;
            case "schema" -> Kind.SCHEMA;
            default -> throw new GodwitException(ErrorKind.USAGE, "unknown diff source \"" + spec + "\"", "sources: " + FORMS);
        };
        if (arg.isBlank()) {
            throw new GodwitException(ErrorKind.USAGE, "diff source \"" + spec + "\" needs a value after the colon", "sources: " + FORMS);
        }
        return new DiffSource(kind, arg);
    }

    boolean needsShadow() {
        return kind == Kind.MIGRATIONS || kind == Kind.SQL;
    }
}
