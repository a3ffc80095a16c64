package dev.godwit.engine.db;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads what a target database holds now. */
public final class LiveSchema {
    private LiveSchema() {
    }

    public static Schema read(Target target) {
        Connection c;
        try {
            c = target.dataSource().getConnection();
        } catch (SQLException e) {
            throw target.dialect().connectionFailure(e, target.display());
        }
        try (c) {
            target.dialect().prepareSession(c, target.schema());
            return target.dialect().inspector().inspect(c, target.schema(), target.namespaces());
        } catch (SQLException e) {
            if (target.dialect().isConnectionLoss(e)) {
                throw target.dialect().connectionFailure(e, target.display());
            }
            throw new GodwitException(ErrorKind.RUNTIME, target.display() + ": reading the schema: " + e.getMessage(), null, e);
        }
    }
}
