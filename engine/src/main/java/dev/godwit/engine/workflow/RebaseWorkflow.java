package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.migrate.Suggestions;
import dev.godwit.engine.plan.MigrationWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a history linear when teammates' migrations arrive with later timestamps than a local
 * migration nobody has applied yet: the local folder gets a new timestamp after the newest one,
 * with the same slug and the same files (so the same checksum). Nothing is asked: the renamed migrations
 * were applied nowhere this database knows of.
 */
public final class RebaseWorkflow {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern FOLDER = Pattern.compile("(\\d{14})_(.+)");

    /** A pending migration that sorts before {@code newerApplied}, which this database already holds. */
    public record OutOfOrder(String name, String newerApplied) {
    }

    private final Workspace workspace;
    private final Listener listener;

    public RebaseWorkflow(Workspace workspace, Listener listener) {
        this.workspace = workspace;
        this.listener = listener;
    }

    /** The local, never applied migrations that sort before an applied one, with the newest applied name. */
    static List<OutOfOrder> outOfOrder(StatusReport report) {
        Optional<String> newest = report.migrations().stream().filter(MigrationStatus::isApplied).map(MigrationStatus::name)
                .max(String::compareTo);
        List<OutOfOrder> out = new ArrayList<>();
        for (MigrationStatus s : report.migrations()) {
            if (s.state() == MigrationState.OUT_OF_ORDER && newest.isPresent()) {
                out.add(new OutOfOrder(s.name(), newest.get()));
            }
        }
        return out;
    }

    /** A folder renamed by a rebase. */
    public record Renamed(String from, String to) {
    }

    /**
     * Moves the request's migration to the end of the history: its folder, and those of the unapplied local
     * migrations that sort after it (they may build on it, so they keep their order behind it), get new
     * timestamps after the newest migration, in the folder or in this database's history. The slugs and files
     * stay, so the checksums do too. No changes when there is nothing to move past; blocked when this database
     * has any record of the migration.
     */
    public RebaseOutcome rebase(RebaseRequest request) {
        MigrationsFolder folder = workspace.migrations(listener);
        StatusReport report = new Migrator(workspace.target()).status(folder);
        String name = request.migration();
        if (folder.find(name).isEmpty()) {
            return new RebaseOutcome.Blocked("no migration folder named " + name + " in " + folder.dir(), Suggestions.hint(name, folder));
        }
        MigrationStatus status = report.migrations().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        if (hasRecord(status)) {
            return new RebaseOutcome.Blocked(name + " is " + status.state().label() + " in this database; a new name would "
                    + "no longer match its record in _prisma_migrations",
                    "only a migration that no database has applied can be rebased; to change an applied one, plan a new migration");
        }
        if (!FOLDER.matcher(name).matches()) {
            return new RebaseOutcome.Blocked(name + " does not start with a 14-digit timestamp and an underscore",
                    "godwit renames folders named like 20240131120000_add_posts");
        }
        List<MigrationStatus> after = report.migrations().stream().filter(s -> s.name().compareTo(name) > 0).sorted(
                java.util.Comparator.comparing(MigrationStatus::name)).toList();
        if (after.stream().noneMatch(RebaseWorkflow::hasRecord)) {
            return new RebaseOutcome.NoChanges(name); // nothing this database holds sorts after it
        }
        List<String> moving = new ArrayList<>();
        moving.add(name);
        after.stream().filter(s -> !hasRecord(s) && folder.find(s.name()).isPresent()).map(MigrationStatus::name).forEach(moving::add);
        for (String n : moving) {
            if (!FOLDER.matcher(n).matches()) {
                return new RebaseOutcome.Blocked(n + " sorts after " + name + " and has to move with it, but does not start with "
                        + "a 14-digit timestamp and an underscore", "rename it by hand, keeping it after " + name);
            }
        }
        Instant next = MigrationWriter.after(folder.dir(), request.now());
        Instant newestRecord = report.migrations().stream().filter(RebaseWorkflow::hasRecord).map(s -> stamp(s.name())).flatMap(Optional::stream)
                .max(Instant::compareTo).orElse(next);
        if (!next.isAfter(newestRecord)) {
            next = newestRecord.plusSeconds(1);
        }
        List<Renamed> out = new ArrayList<>();
        for (String n : moving) {
            Matcher m = FOLDER.matcher(n);
            m.matches();
            String renamed = STAMP.format(next) + "_" + m.group(2);
            Path from = folder.find(n).orElseThrow().sqlFile().getParent();
            Path to = from.resolveSibling(renamed);
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new GodwitException(ErrorKind.RUNTIME, "cannot rename " + from + " to " + to + ": " + e.getMessage()
                        + (out.isEmpty() ? "" : " (already renamed: " + out + ")"));
            }
            out.add(new Renamed(n, renamed));
            listener.step("Renamed " + n + " to " + renamed + "; its SQL and checksum are unchanged.");
            next = next.plusSeconds(1);
        }
        return new RebaseOutcome.Ready(out);
    }

    /** Applied, failed, rolled back or applied elsewhere and missing here: any row in this database. */
    private static boolean hasRecord(MigrationStatus s) {
        return !s.attempts().isEmpty();
    }

    private static Optional<Instant> stamp(String name) {
        Matcher m = FOLDER.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
