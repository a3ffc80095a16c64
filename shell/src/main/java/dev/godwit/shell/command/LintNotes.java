package dev.godwit.shell.command;

import dev.godwit.engine.GodwitException;
import dev.godwit.engine.lint.LintReport;
import dev.godwit.engine.lint.Linter;
import dev.godwit.engine.lint.MigrationLint;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.LintText;

import java.util.List;

/**
 * The lint findings that plan, dev, apply --dry-run and status show beside their own result. A lint that
 * cannot read the sizes never stops those commands: it says so and they go on.
 */
final class LintNotes {
    private LintNotes() {
    }

    /** Lints a planned script against the session's database and prints what stands, on stderr. */
    static List<LintReport> planned(Session session, String label, String script) {
        List<LintReport> reports = lintOrNote(session, () -> MigrationLint.lintSources(List.of(new Linter.Source(label, script)),
                session.target(), session.target().dialect(), LintCommand.settings(session)));
        print(session, reports);
        return reports;
    }

    /** Lints several planned scripts in order (the steps of plan --safe) and prints what stands, on stderr. */
    static List<LintReport> sources(Session session, List<Linter.Source> sources) {
        List<LintReport> reports = lintOrNote(session, () -> MigrationLint.lintSources(sources, session.target(), session.target().dialect(),
                LintCommand.settings(session)));
        print(session, reports);
        return reports;
    }

    /** Lints pending migrations and prints what stands, on stderr. */
    static List<LintReport> pending(Session session, List<LocalMigration> migrations) {
        if (migrations.isEmpty()) {
            return List.of();
        }
        List<LintReport> reports = lintOrNote(session, () -> MigrationLint.lint(migrations, session.target(), session.target().dialect(),
                LintCommand.settings(session)));
        print(session, reports);
        return reports;
    }

    /** One line per pending migration with findings, for status. */
    static void summary(Session session, List<LocalMigration> migrations) {
        List<LintReport> reports = lintOrNote(session, () -> MigrationLint.lint(migrations, session.target(), session.target().dialect(),
                LintCommand.settings(session)));
        for (LintReport r : reports) {
            if (!r.standing().isEmpty()) {
                session.out().println("Lint " + r.migration() + ": " + LintText.counts(r) + " (`godwit lint " + r.migration() + "` for details)");
            }
        }
    }

    private static void print(Session session, List<LintReport> reports) {
        if (reports.stream().allMatch(r -> r.standing().isEmpty())) {
            return;
        }
        session.out().warn("lint: statements that lock or rewrite tables (`godwit lint` to check again; `godwit plan --safe` writes the safe forms):");
        new LintText(session.out(), true).render(reports.stream().filter(r -> !r.standing().isEmpty()).toList(), false);
    }

    private static List<LintReport> lintOrNote(Session session, java.util.function.Supplier<List<LintReport>> lint) {
        try {
            return lint.get();
        } catch (GodwitException e) {
            session.out().note("lint skipped: " + e.getMessage());
            return List.of();
        }
    }
}
