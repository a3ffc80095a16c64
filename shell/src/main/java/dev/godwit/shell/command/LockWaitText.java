package dev.godwit.shell.command;

import dev.godwit.engine.dialect.Blocker;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.shell.render.Durations;

import java.time.Duration;
import java.util.List;

/** What apply says when a statement gave up waiting for a lock: which one, who held the lock, what happens next. */
final class LockWaitText {
    private LockWaitText() {
    }

    static String describe(LocalMigration m, SqlStatement s, int attempt, int attempts, List<Blocker> blockers, Duration retryIn,
                           boolean wholeTransaction) {
        StringBuilder sb = new StringBuilder(m.name()).append(": statement ").append(s.index()).append(" (line ").append(s.line())
                .append(") did not get its lock in time (attempt ").append(attempt).append(" of ").append(attempts).append(")");
        if (blockers.isEmpty()) {
            sb.append("; the session that held it has let go since");
        } else {
            sb.append("; held by ");
            for (int i = 0; i < blockers.size(); i++) {
                sb.append(i == 0 ? "" : "; and ").append(blockers.get(i).describe());
            }
        }
        if (retryIn != null) {
            sb.append(". ").append(wholeTransaction ? "The migration's transaction was rolled back; it runs again from its first statement"
                    : "Nothing of it took effect; it runs again").append(" in ").append(Durations.format(retryIn)).append('.');
        } else {
            sb.append(". No attempt left.");
        }
        return sb.toString();
    }
}
