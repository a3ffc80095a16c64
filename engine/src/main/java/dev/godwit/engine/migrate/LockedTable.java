package dev.godwit.engine.migrate;

import dev.godwit.engine.migrate.sql.ShapeReader;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.Provider;

/** The table a statement locks, as the linter reads it, to ask who else holds it. */
final class LockedTable {
    private LockedTable() {
    }

    /** The table's name, or null when the statement names none the linter knows (then open transactions are listed). */
    static String of(SqlStatement s, Provider provider) {
        try {
            return ShapeReader.read(s, provider).table();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
