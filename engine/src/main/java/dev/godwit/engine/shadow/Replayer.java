package dev.godwit.engine.shadow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.FailureLog;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.PlannedMigration;
import dev.godwit.engine.migrate.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs migrations into a shadow, statement by statement with the same splitter that apply
 * uses. No history rows and no transactions: the shadow is thrown away anyway, and a failure
 * must only say where it happened.
 */
final class Replayer {
    private final Migrator planner;
    private final Connection c;
    private final String shadow;

    Replayer(Target target, Connection c, String shadow) {
        this.planner = new Migrator(target);
        this.c = c;
        this.shadow = shadow;
    }

    void run(LocalMigration m) {
        PlannedMigration plan = planner.plan(m);
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            for (SqlStatement s : plan.statements()) {
                try {
                    st.execute(s.text());
                } catch (SQLException e) {
                    throw new GodwitException(ErrorKind.RUNTIME, "replaying " + m.name() + " into the shadow database failed at statement "
                            + s.index() + " of " + plan.statements().size() + " (line " + s.line() + "): " + FailureLog.databaseMessage(e)
                            + "\n  " + firstLines(s.text()),
                            "the migration does not run on an empty database as it is; fix " + m.sqlFile()
                                    + " (shadow: " + shadow + ")", e);
                }
            }
        } catch (SQLException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "shadow database (" + shadow + "): " + e.getMessage(), null, e);
        }
    }

    private static String firstLines(String sql) {
        String[] lines = sql.strip().split("\n");
        return lines.length <= 3 ? String.join("\n  ", lines) : String.join("\n  ", lines[0], lines[1], lines[2]) + "\n  …";
    }
}
