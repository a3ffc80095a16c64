package dev.godwit.engine.plan;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.migrate.Suggestions;

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
 * with the same slug and the same files (so the same checksum).
 */
public final class Rebase {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern FOLDER = Pattern.compile("(\\d{14})_(.+)");

    /** A pending migration that sorts before {@code newerApplied}, which this database already holds. */
    public record OutOfOrder(String name, String newerApplied) {
    }

    private Rebase() {
    }

    /** The local, never applied migrations that sort before an applied one, with the newest applied name. */
    public static List<OutOfOrder> outOfOrder(StatusReport report) {
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

    /**
     * Renames {@code name}'s folder to {@code <new timestamp>_<slug>}; returns the new name, or the old
     * one when it already sorts last. Refused when this database has any record of it.
     */
    public static String rebase(MigrationsFolder folder, StatusReport report, String name, Instant now) {
        LocalMigration local = folder.find(name).orElseThrow(() -> new GodwitException(ErrorKind.USAGE,
                "no migration folder named " + name + " in " + folder.dir(), Suggestions.hint(name, folder)));
        MigrationStatus status = report.migrations().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        if (status.isApplied() || status.failedAttempt().isPresent()) {
            throw new GodwitException(ErrorKind.USAGE, name + " is " + status.state().label() + " in this database; a new name would "
                    + "no longer match its record in _prisma_migrations",
                    "only a migration that no database has applied can be rebased; to change an applied one, plan a new migration");
        }
        Matcher m = FOLDER.matcher(name);
        if (!m.matches()) {
            throw new GodwitException(ErrorKind.USAGE, name + " does not start with a 14-digit timestamp and an underscore",
                    "godwit renames folders named like 20240131120000_add_posts");
        }
        boolean last = folder.migrations().get(folder.migrations().size() - 1).name().equals(name);
        if (last) {
            return name;
        }
        String renamed = STAMP.format(MigrationWriter.after(folder.dir(), now)) + "_" + m.group(2);
        Path from = local.sqlFile().getParent();
        Path to = from.resolveSibling(renamed);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot rename " + from + " to " + to + ": " + e.getMessage());
        }
        return renamed;
    }
}
