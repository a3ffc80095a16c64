package dev.godwit.engine.migrate;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The name of a new migration's folder, as Prisma writes it: {@code <YYYYMMDDHHMMSS>_<slug>}. */
public final class MigrationFolderName {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private MigrationFolderName() {
    }

    /** The timestamp of {@code now} and {@code name} in Prisma's style: lower case, underscores. */
    public static String of(String name, Instant now) {
        String slug = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, "\"" + name + "\" is not usable as a migration name",
                    "use letters and digits, e.g. --adopt hotfix_index");
        }
        return STAMP.format(now) + "_" + slug;
    }
}
