package dev.godwit.shell.command;

import dev.godwit.engine.lint.Linter;
import dev.godwit.engine.lint.SafePlan;
import dev.godwit.engine.plan.MigrationWriter;
import dev.godwit.engine.plan.Plan;
import dev.godwit.shell.session.Session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** plan --safe: the plan in its safe forms, printed or written as a sequence of migrations. */
final class SafePlanWriter {
    private SafePlanWriter() {
    }

    /** Whether plan writes safe forms: the option when given, else godwit.toml's [plan] safe. */
    static boolean wanted(Session session, Boolean option) {
        if (option != null) {
            return option;
        }
        try {
            return session.project().config().safety().safePlans();
        } catch (dev.godwit.engine.GodwitException e) {
            return false;
        }
    }

    /** Prints or writes the safe sequence; returns false when nothing needed a safe form (the plan goes on as usual). */
    static boolean run(Session session, Plan plan, String name) {
        SafePlan safe = SafePlan.of(plan.script(), session.target().dialect());
        if (!safe.rewritten(plan.script())) {
            session.out().note("--safe: every statement is already in a safe form");
            return false;
        }
        List<Linter.Source> sources = new ArrayList<>();
        int n = safe.steps().size();
        if (name == null) {
            for (int i = 0; i < n; i++) {
                SafePlan.Step s = safe.steps().get(i);
                session.out().println("-- godwit plan --safe: migration " + (i + 1) + " of " + n + (s.suffix().isEmpty() ? "" : " (" + s.suffix().substring(1) + ")"));
                session.out().print(s.script());
                session.out().println("");
                sources.add(new Linter.Source("migration " + (i + 1) + " of " + n, s.script()));
            }
            LintNotes.sources(session, sources);
            session.out().note(n + " migrations; nothing written: add --name NAME to write them");
            return true;
        }
        Path dir = session.project().migrationsDir();
        for (int i = 0; i < n; i++) {
            SafePlan.Step s = safe.steps().get(i);
            // down.sql undoes the whole plan: it goes with the first migration of the sequence
            String written = MigrationWriter.write(dir, session.resolvedUrl().url().provider(), name + s.suffix(), Instant.now(), s.script(),
                    i == 0 ? plan.downScript() : "");
            session.out().println("Wrote " + dir.resolve(written).resolve("migration.sql") + (i == 0 && !plan.downScript().isBlank() ? " and down.sql" : ""));
            sources.add(new Linter.Source(written, s.script()));
        }
        LintNotes.sources(session, sources);
        if (safe.steps().get(n - 1).script().contains("<value>")) {
            session.out().note("the last migration adds NOT NULL after a fill: write the UPDATE it describes (or fill the column otherwise) before applying it");
        }
        return true;
    }
}
