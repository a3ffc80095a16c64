package dev.godwit.shell.command;

import dev.godwit.engine.workflow.Baseline;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.ChangeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Adopt a database without migration history: its schema becomes the first, applied migration.",
                "The SQL is that of `diff --from empty --to database`; the row is what `resolve --applied` writes.",
                "Asks first (default no; on production, type the database name); without a terminal it needs --yes."})
public final class BaselineCommand extends SessionCommand {
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "baseline", description = "Name of the migration (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--create-only", description = "Write the migration without recording it (to edit it, then `godwit resolve --applied NAME`).")
    boolean createOnly;

    @Option(names = {"-y", "--yes"}, description = "Do not ask (needed without a terminal).")
    boolean yes;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the migration lock.")
    int lockTimeoutSeconds;

    @Override
    protected int run(Session session) {
        Baseline.Draft draft = Baseline.draft(session.target(), session.migrations(), name, Instant.now());
        Path dir = session.project().migrationsDir();
        session.out().note("from an empty schema to the database: " + ChangeText.summary(draft.changes()));
        if (!draft.leftOut().isEmpty()) {
            session.out().warn("the baseline leaves out " + draft.leftOut().size() + " object(s) godwit does not manage: "
                    + String.join(", ", draft.leftOut().stream().map(u -> u.kind() + " " + u.name()).toList())
                    + "; a database built from the migrations will lack them unless you add their SQL to migration.sql");
        }
        if (createOnly) {
            Baseline.write(dir, session.resolvedUrl().url().provider(), draft);
            session.out().println("Wrote " + dir.resolve(draft.folder()).resolve("migration.sql") + " (not recorded). Edit it, then "
                    + "`godwit resolve --applied " + draft.folder() + "` records it as applied.");
            return 0;
        }
        Baseline.checkReplays(draft, session.resolvedUrl().url(), session.shadowUrl());
        if (!Confirmation.ask(session, "write " + dir.resolve(draft.folder()).resolve("migration.sql")
                + " from the live schema and record it as applied", yes)) {
            session.out().println("Nothing written.");
            return 3;
        }
        Baseline.record(session.migrator(), dir, session.resolvedUrl().url().provider(), draft, Duration.ofSeconds(lockTimeoutSeconds));
        session.out().println("Wrote " + dir.resolve(draft.folder()).resolve("migration.sql") + " and recorded " + draft.folder()
                + " as applied: the history now starts from what the database holds.");
        session.out().note("`godwit pull` writes schema.prisma from the database, if the project has none yet");
        return 0;
    }
}
