package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.lint.LintReport;
import dev.godwit.engine.lint.LintSettings;
import dev.godwit.engine.lint.MigrationLint;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.Provider;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.Json;
import dev.godwit.shell.render.LintText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check migrations for statements that lock or rewrite big tables: the lock each takes, what it blocks,",
                "and (connected) the table's live size and row estimate; each finding with its safe form as SQL.",
                "Exits 3 when a finding is an error. Ignore one with `-- godwit-lint-ignore RULE: reason` above the statement."})
public final class LintCommand extends SessionCommand {
    @Parameters(paramLabel = "MIGRATION", arity = "0..*",
            description = "Migrations by folder name, or .sql files / migration folders by path (default: the pending ones).")
    List<String> migrations = new ArrayList<>();

    @Option(names = "--pending", description = "The migrations the database has not applied (the default).")
    boolean pending;

    @Option(names = "--all", description = "Every migration of the folder.")
    boolean all;

    @Option(names = "--offline", description = "Do not connect: no live sizes (severities assume a table of unknown size).")
    boolean offline;

    @Option(names = "--provider", paramLabel = "postgresql|mysql", description = "With --offline outside a project: the SQL's database.")
    String provider;

    @Option(names = "--show-ignored", description = "Also list the findings that ignores silence, with their reasons.")
    boolean showIgnored;

    @Option(names = "--json", description = "Print the findings as JSON.")
    boolean json;

    @Override
    protected int run(Session session) {
        if (pending && (all || !migrations.isEmpty()) || all && !migrations.isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, "give migrations, --pending or --all, not several", "godwit lint --help");
        }
        Provider p = provider != null ? Provider.fromPrismaName(provider) : null;
        List<LocalMigration> selected;
        Target target = null;
        LintSettings settings = settings(session);
        if (!migrations.isEmpty()) {
            selected = named(session, p);
            if (!offline) {
                target = session.target();
            }
        } else if (all || offline) {
            MigrationsFolder folder = session.migrations();
            selected = folder.migrations();
            if (!offline) {
                target = session.target();
            }
        } else {
            target = session.target();
            selected = MigrationLint.pending(session.migrator().status(session.migrations()));
        }
        Dialect dialect = target != null ? target.dialect() : Dialect.of(p != null ? p : provider(session));
        List<LintReport> reports = MigrationLint.lint(selected, target, dialect, settings);
        if (json) {
            session.out().println(Json.write(LintText.json(reports)));
        } else if (reports.isEmpty()) {
            session.out().println(all || !migrations.isEmpty() ? "No migrations to lint." : "No pending migrations to lint.");
        } else {
            new LintText(session.out()).render(reports, showIgnored);
            if (target == null) {
                session.out().note("offline: table sizes unknown, so size-scaled findings are warnings");
            }
        }
        return reports.stream().anyMatch(LintReport::hasErrors) ? 3 : 0;
    }

    /** The project's [lint] and [apply] settings; defaults outside a project. */
    static LintSettings settings(Session session) {
        try {
            return LintSettings.from(session.project().config().safety());
        } catch (GodwitException e) {
            return LintSettings.DEFAULT;
        }
    }

    private static Provider provider(Session session) {
        try {
            return MigrationsFolder.readLockProvider(session.project().migrationsDir()).orElseGet(() -> session.resolvedUrl().url().provider());
        } catch (GodwitException e) {
            throw new GodwitException(ErrorKind.USAGE, "cannot tell which database the SQL is for", "add --provider postgresql or --provider mysql");
        }
    }

    private List<LocalMigration> named(Session session, Provider p) {
        List<LocalMigration> out = new ArrayList<>();
        for (String name : migrations) {
            Path path = Path.of(name);
            Path file = Files.isDirectory(path) ? path.resolve(MigrationsFolder.SCRIPT_FILE) : path;
            if (Files.isRegularFile(file)) {
                out.add(LocalMigration.load(Files.isDirectory(path) ? path.getFileName().toString() : name, file));
                continue;
            }
            MigrationsFolder folder = session.migrations();
            out.add(folder.find(name).orElseThrow(() -> new GodwitException(ErrorKind.USAGE,
                    "no migration named " + name + " in " + folder.dir() + ", and no such file",
                    "`godwit status` lists the migrations; a path to a .sql file works too")));
        }
        return out;
    }
}
