package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.MigrationLock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** Takes the migration lock, unless the target goes through a pooler that would break it. */
public final class Pooler {
    private Pooler() {
    }

    static MigrationLock lock(Target target, Connection c, Duration timeout) throws SQLException {
        refuseLockThroughPooler(target);
        return target.dialect().lock(c, target.dataSource(), timeout);
    }

    /** Refuses to take the migration lock through a transaction-mode pooler, saying why and what to do instead. */
    public static void refuseLockThroughPooler(Target target) {
        if (target.pooler() != null) {
            throw new GodwitException(ErrorKind.CONNECTION, target.display() + " goes through a connection pooler in transaction mode ("
                    + target.pooler() + "): the migration lock is a session lock, which would be taken on one server backend and "
                    + "released on another, or outlive this run; nothing was applied",
                    "give godwit a URL that reaches the database directly: directUrl in the schema's datasource, "
                            + "direct_url in the godwit.toml environment, or DIRECT_URL; or use the pooler's session mode");
        }
    }
}
