package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.dialect.MigrationLock;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.migrate.sql.SqlStatement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Undoes the last applied migration with the {@code down.sql} beside its {@code migration.sql}, and
 * marks its history rows rolled back. Rolled-back rows are ignored by Prisma and godwit alike, so the
 * migration is pending again and the next apply (or {@code prisma migrate deploy}) runs it anew; the
 * old row stays as a record of what happened.
 */
public final class Rollback {
    public static final String DOWN_FILE = "down.sql";

    /** What would be undone: the migration, its down.sql, and what that script says it cannot restore. */
    public record Candidate(String name, Path downFile, String sql, List<String> cannotRestore) {
        public Candidate {
            cannotRestore = List.copyOf(cannotRestore);
        }
    }

    /** How it went: the statements run and whether they ran in one transaction. */
    public record Result(String name, int statements, ExecutionMode mode) {
    }

    private final Target target;
    private final Dialect dialect;
    private final HistoryTable history;

    public Rollback(Target target) {
        this.target = target;
        this.dialect = target.dialect();
        this.history = new HistoryTable(dialect, target.schema());
    }

    /** The last applied migration (by when it finished) and its down.sql; an error says why there is none. */
    public Candidate lastApplied(MigrationsFolder folder) {
        try (Connection c = connect()) {
            return candidate(folder, rows(c));
        } catch (SQLException e) {
            throw databaseError("reading the migration history", e);
        }
    }

    /**
     * Runs the candidate's down.sql under the migration lock, after checking that it is still the
     * last applied migration. On PostgreSQL the script and the history update share one transaction;
     * where DDL commits by itself (MySQL) statements run one by one and the history is updated last.
     */
    public Result run(MigrationsFolder folder, Candidate expected, Duration lockTimeout) {
        try (Connection c = connect(); MigrationLock ignored = Pooler.lock(target, c, lockTimeout)) {
            List<HistoryRecord> rows = rows(c);
            Candidate now = candidate(folder, rows);
            if (!now.name().equals(expected.name()) || !now.sql().equals(expected.sql())) {
                throw new GodwitException(ErrorKind.ACTION_NEEDED, "the history changed while godwit was asking: the last applied migration is now "
                        + now.name() + ", not " + expected.name() + "; nothing was run", "run `godwit down` again");
            }
            List<HistoryRecord> applied = rows.stream().filter(r -> r.isApplied() && r.migrationName().equals(now.name())).toList();
            List<SqlStatement> statements = SqlSplitter.split(now.sql(), dialect.provider());
            ExecutionMode mode = transactional(statements) ? ExecutionMode.TRANSACTION : ExecutionMode.STATEMENT_BY_STATEMENT;
            if (mode == ExecutionMode.TRANSACTION) {
                runInTransaction(c, now, statements, applied);
            } else {
                String checksum = folder.find(now.name()).map(LocalMigration::checksum).orElse(applied.get(0).checksum());
                runOneByOne(c, now, statements, applied, checksum);
                markRolledBack(c, applied);
            }
            return new Result(now.name(), statements.size(), mode);
        } catch (SQLException e) {
            throw databaseError("undoing " + expected.name(), e);
        }
    }

    private Candidate candidate(MigrationsFolder folder, List<HistoryRecord> rows) {
        List<MigrationStatus> states = StatusCalculator.compute(folder.migrations(), rows);
        states.stream().filter(s -> s.state() == MigrationState.FAILED).findFirst().ifPresent(s -> {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "migration " + s.name() + " failed and is not resolved, so godwit will not undo anything",
                    "resolve it first: `godwit resolve --rolled-back " + s.name() + "` once its partial changes are undone");
        });
        HistoryRecord last = rows.stream().filter(HistoryRecord::isApplied)
                .max(Comparator.comparing(HistoryRecord::finishedAt).thenComparing(HistoryRecord::startedAt)
                        .thenComparing(HistoryRecord::migrationName))
                .orElseThrow(() -> new GodwitException(ErrorKind.USAGE, "nothing to undo: " + target.display() + " has no applied migration",
                        "`godwit status` shows the history"));
        String name = last.migrationName();
        MigrationStatus status = states.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        LocalMigration local = status.local().orElseThrow(() -> new GodwitException(ErrorKind.USAGE,
                "the last applied migration, " + name + ", has no folder in " + folder.dir() + ", so there is no down.sql to run",
                "restore its folder from version control"));
        if (status.state() == MigrationState.EDITED) {
            throw new GodwitException(ErrorKind.ACTION_NEEDED, "the last applied migration, " + name
                    + ", was edited after it was applied; its down.sql may not undo what the database holds",
                    "restore the applied version of " + name + " from version control first");
        }
        Path down = local.sqlFile().resolveSibling(DOWN_FILE);
        if (!Files.isRegularFile(down)) {
            throw new GodwitException(ErrorKind.USAGE, "the last applied migration, " + name + ", has no " + DOWN_FILE + " (" + down + ")",
                    "write the SQL that undoes it into that file, or undo it with a new migration (`godwit plan`)");
        }
        String sql = read(down);
        if (SqlSplitter.split(sql, dialect.provider()).isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, down + " has no statements", "write the SQL that undoes " + name + " into it");
        }
        return new Candidate(name, down, sql, DownWarnings.of(sql));
    }

    private boolean transactional(List<SqlStatement> statements) {
        // the server's version is not asked here: an ADD VALUE in a down.sql runs statement by statement
        // a down.sql with its own BEGIN/COMMIT runs as written: wrapped, its COMMIT would end godwit's transaction half-way
        return dialect.transactionalDdl() && dialect.whyNotTransactional(statements, 0).isEmpty()
                && statements.stream().allMatch(st -> dev.godwit.engine.migrate.sql.TransactionRules.control(st, dialect.provider())
                == dev.godwit.engine.migrate.sql.TransactionRules.Control.NONE);
    }

    private void runInTransaction(Connection c, Candidate down, List<SqlStatement> statements, List<HistoryRecord> applied) throws SQLException {
        c.setAutoCommit(false);
        SqlStatement current = null;
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            for (SqlStatement s : statements) {
                current = s;
                st.execute(s.text());
            }
            current = null;
            markRolledBack(c, applied);
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            if (current == null || dialect.isConnectionLoss(e)) {
                throw e;
            }
            throw failed(down, current, statements.size(), e, "it ran in one transaction, which was rolled back: the database and its history are as they were");
        } finally {
            restoreAutoCommit(c);
        }
    }

    /**
     * One statement at a time, where DDL commits by itself. When a statement fails after others took
     * effect, the database holds neither the migration nor the schema before it, and the history must
     * not keep calling it applied: the applied rows are closed as rolled back and a failed attempt is
     * recorded with what happened, so status reports it (exit 3) and a second down does not run the
     * script again from its first statement.
     */
    private void runOneByOne(Connection c, Candidate down, List<SqlStatement> statements, List<HistoryRecord> applied, String checksum)
            throws SQLException {
        int done = 0;
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            for (SqlStatement s : statements) {
                try {
                    st.execute(s.text());
                } catch (SQLException e) {
                    if (dialect.isConnectionLoss(e)) {
                        throw e;
                    }
                    if (done == 0) {
                        throw failed(down, s, statements.size(), e, "no statement of it took effect; the history still shows "
                                + down.name() + " applied", "fix " + DOWN_FILE + " (or the database) and run `godwit down` again");
                    }
                    recordHalfUndone(c, down, s, statements.size(), done, e, applied, checksum);
                    throw failed(down, s, statements.size(), e, done + " earlier statement(s) took effect and stay in place (this database"
                                    + " commits DDL statement by statement); the history now shows " + down.name() + " as failed",
                            "either finish the undo by hand (statements " + s.index() + " to " + statements.size() + " of " + DOWN_FILE
                                    + ") and run `godwit resolve --rolled-back " + down.name() + "` (it is pending again), or put back what "
                                    + "the first " + done + " statement(s) removed and run `godwit resolve --applied " + down.name() + "`");
                }
                done++;
            }
        }
    }

    private void recordHalfUndone(Connection c, Candidate down, SqlStatement s, int total, int done, SQLException e,
                                  List<HistoryRecord> applied, String checksum) throws SQLException {
        markRolledBack(c, applied);
        String id = history.insertStarted(c, down.name(), checksum);
        history.markFailed(c, id, "godwit down stopped after " + done + " of " + total + " statements of " + DOWN_FILE
                + ": statement " + s.index() + " (line " + s.line() + ") failed: " + FailureLog.databaseMessage(e)
                + "\nThe first " + done + " statement(s) of " + DOWN_FILE + " took effect; the rest did not.", 0);
    }

    private void markRolledBack(Connection c, List<HistoryRecord> applied) throws SQLException {
        for (HistoryRecord r : applied) {
            history.markRolledBack(c, r.id());
            history.appendLogs(c, r.id(), ResolveNote.line("rolled back", "godwit down ran " + DOWN_FILE));
        }
    }

    private GodwitException failed(Candidate down, SqlStatement s, int total, SQLException e, String state) {
        return failed(down, s, total, e, state, "fix " + DOWN_FILE + " (or the database) and run `godwit down` again");
    }

    private GodwitException failed(Candidate down, SqlStatement s, int total, SQLException e, String state, String hint) {
        return new GodwitException(ErrorKind.RUNTIME, down.downFile() + " failed at statement " + s.index() + " of " + total
                + " (line " + s.line() + "):\n  " + s.text().strip().replace("\n", "\n  ") + "\n" + FailureLog.databaseMessage(e) + "\n" + state,
                hint, e);
    }

    private List<HistoryRecord> rows(Connection c) throws SQLException {
        return history.exists(c) ? history.readAll(c) : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a lost connection is reported by the statement that failed
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection may be gone; the server rolls back on its own then
        }
    }

    private Connection connect() {
        return TargetSession.open(target);
    }

    private GodwitException databaseError(String doing, SQLException e) {
        return TargetSession.failure(target, doing, e);
    }
}
