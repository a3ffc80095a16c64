package dev.godwit.engine.dialect.cockroach;

/** Lints as for PostgreSQL. */
public final class CockroachLintRules implements dev.godwit.engine.lint.LintRules {
    /** PostgreSQL's, asked on each use: this family's services load while PostgreSQL's do. */
    private static dev.godwit.engine.lint.LintRules base() {
        return dev.godwit.engine.lint.LintRules.of(dev.godwit.engine.Provider.POSTGRESQL);
    }

    @Override
    public dev.godwit.engine.Provider provider() {
        return CockroachFamily.COCKROACHDB;
    }

    @Override
    public java.util.List<dev.godwit.engine.lint.Hazard> hazards(dev.godwit.engine.migrate.sql.StatementShape a0, java.util.List<dev.godwit.engine.migrate.sql.StatementShape> a1, dev.godwit.engine.lint.LintContext a2) {
        return base().hazards(a0, a1, a2);
    }

    @Override
    public java.util.List<dev.godwit.engine.lint.Hazard> migrationHazards(java.util.List<dev.godwit.engine.migrate.sql.StatementShape> a0, dev.godwit.engine.lint.LintContext a1) {
        return base().migrationHazards(a0, a1);
    }

    @Override
    public java.util.Map<String, dev.godwit.engine.lint.LiveTable> liveTables(java.sql.Connection a0, String a1, java.util.Collection<String> a2) throws java.sql.SQLException {
        return base().liveTables(a0, a1, a2);
    }

    @Override
    public dev.godwit.engine.lint.SafeForm safeForm(dev.godwit.engine.migrate.sql.StatementShape a0, java.util.List<dev.godwit.engine.migrate.sql.StatementShape> a1) {
        return base().safeForm(a0, a1);
    }

    @Override
    public dev.godwit.engine.lint.ServerFacts server(java.sql.Connection a0) throws java.sql.SQLException {
        return base().server(a0);
    }
}
