package dev.godwit.engine.recover;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.ChangeSubjects;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** What an undo step would drop that holds rows now, counted on the live database, for the user to weigh. */
final class DataNotes {
    private DataNotes() {
    }

    /** What the change drops that holds rows now, counted on the live database. */
    static Optional<String> dataNote(Target target, Change c) {
        try {
            if (c instanceof Change.DropTable t) {
                long rows = count(target, "SELECT COUNT(*) FROM " + target.dialect().quoteTable(t.definition().name()));
                return Optional.of("drops the table " + t.definition().name() + " that the migration created"
                        + (rows == 0 ? " (empty)" : ", with the " + rows + (rows == 1 ? " row" : " rows") + " written since"));
            }
            if (c instanceof Change.DropColumn d) {
                String col = target.dialect().quote(d.column().name());
                long rows = count(target, "SELECT COUNT(" + col + ") FROM " + target.dialect().quoteTable(d.tableName()));
                return Optional.of("drops the column " + d.tableName() + "." + d.column().name() + " that the migration added"
                        + (rows == 0 ? " (no values)" : ", with " + rows + (rows == 1 ? " value" : " values") + " in it"));
            }
        } catch (SQLException e) {
            return Optional.of("could not count what " + ChangeSubjects.names(c) + " holds: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static long count(Target target, String sql) throws SQLException {
        try (Connection c = target.dataSource().getConnection()) {
            target.dialect().prepareSession(c, target.schema());
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
