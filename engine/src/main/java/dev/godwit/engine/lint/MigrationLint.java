package dev.godwit.engine.lint;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.StatusReport;

import java.sql.SQLException;
import java.util.List;

/** Lints migrations of a project: the pending ones of a target, or any given ones, with or without a live database. */
public final class MigrationLint {
    private MigrationLint() {
    }

    /** The local migrations that {@code status} says are still to apply, in order. */
    public static List<LocalMigration> pending(StatusReport status) {
        return status.migrations().stream().filter(m -> m.state().isPending()).map(MigrationStatus::local)
                .flatMap(java.util.Optional::stream).toList();
    }

    /** Lints {@code migrations} in order; with {@code target} (may be null) sizes come from the live database. */
    public static List<LintReport> lint(List<LocalMigration> migrations, Target target, dev.godwit.engine.dialect.Dialect dialect,
                                        LintSettings settings) {
        List<Linter.Source> sources = migrations.stream().map(m -> new Linter.Source(m.name(), m.sql())).toList();
        return lintSources(sources, target, dialect, settings);
    }

    /** Lints SQL texts (a planned migration not yet written) the same way. */
    public static List<LintReport> lintSources(List<Linter.Source> sources, Target target, dev.godwit.engine.dialect.Dialect dialect,
                                               LintSettings settings) {
        Linter linter = new Linter(dialect, settings);
        if (target == null) {
            return linter.lint(sources);
        }
        try {
            return linter.lint(sources, target);
        } catch (SQLException e) {
            throw databaseError(target, e);
        }
    }

    private static GodwitException databaseError(Target target, SQLException e) {
        if (target.dialect().isConnectionLoss(e) || e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return target.dialect().connectionFailure(e, target.display());
        }
        return new GodwitException(ErrorKind.RUNTIME, target.display() + ": reading table sizes for lint: " + e.getMessage(), null, e);
    }
}
