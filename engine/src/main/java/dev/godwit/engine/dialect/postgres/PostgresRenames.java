package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.diff.Change.RenameColumn;
import dev.godwit.engine.diff.Change.RenameTable;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.QualifiedName;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.godwit.engine.dialect.postgres.PostgresDdl.q;
import static dev.godwit.engine.dialect.postgres.PostgresDdl.qn;

/**
 * Renaming a table or column on PostgreSQL. The sequence behind a serial or identity column is
 * named after its table and column ({@code T_id_seq}) and does not follow a rename by itself;
 * it is renamed too, so the database ends up as one created from the new names would be.
 */
final class PostgresRenames {
    /** PostgreSQL's identifier limit in bytes (NAMEDATALEN - 1). */
    private static final int MAX_NAME = 63;

    private PostgresRenames() {
    }

    static List<String> table(RenameTable r) {
        String from = r.definition().name();
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + qn(from) + " RENAME TO " + q(QualifiedName.local(r.to())) + ";");
        for (Column c : r.definition().columns()) {
            if (ownsSequence(c)) {
                out.add(renameSequence(sequenceName(from, c.name()), sequenceName(r.to(), c.name())));
            }
        }
        return out;
    }

    static List<String> column(RenameColumn r) {
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + qn(r.tableName()) + " RENAME COLUMN " + q(r.column().name()) + " TO " + q(r.to()) + ";");
        if (ownsSequence(r.column())) {
            out.add(renameSequence(sequenceName(r.tableName(), r.column().name()), sequenceName(r.tableName(), r.to())));
        }
        return out;
    }

    private static boolean ownsSequence(Column c) {
        return c.identity() == Identity.SERIAL || c.identity() == Identity.IDENTITY_ALWAYS || c.identity() == Identity.IDENTITY_BY_DEFAULT;
    }

    /**
     * IF EXISTS: a sequence whose table was renamed by hand keeps its old name, which godwit cannot
     * know when it writes the script; such a sequence is left as it is (its name is not part of the schema).
     */
    private static String renameSequence(String from, String to) {
        return "ALTER SEQUENCE IF EXISTS " + qn(from) + " RENAME TO " + q(QualifiedName.local(to)) + ";";
    }

    /**
     * The name PostgreSQL gives the sequence of {@code table.column}: {@code table_column_seq},
     * the longer of the two parts shortened first until the whole fits in 63 bytes.
     */
    static String sequenceName(String table, String column) {
        byte[] t = QualifiedName.local(table).getBytes(StandardCharsets.UTF_8);
        byte[] c = column.getBytes(StandardCharsets.UTF_8);
        int available = MAX_NAME - "_".length() - "_seq".length();
        int tn = t.length;
        int cn = c.length;
        while (tn + cn > available) {
            if (tn > cn) {
                tn--;
            } else {
                cn--;
            }
        }
        return QualifiedName.of(QualifiedName.namespace(table), clip(t, tn) + "_" + clip(c, cn) + "_seq");
    }

    /** The first {@code n} bytes, not splitting a character. */
    private static String clip(byte[] bytes, int n) {
        int end = n;
        while (end > 0 && end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
