package dev.godwit.engine.prismaconfig;

import dev.godwit.engine.GodwitException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The settings godwit takes from a Prisma config file ({@code prisma.config.ts} and its kin). Paths are
 * absolute (Prisma resolves them against the config file's folder); null when the file does not set them.
 * The datasource URLs are {@link Url}s: a URL that only Node could work out is an error when, and only
 * when, godwit needs it.
 *
 * @param file      the config file
 * @param schema    {@code schema}: a .prisma file or a folder of them
 * @param migrations {@code migrations.path}
 * @param seed      {@code migrations.seed}: the command {@code prisma db seed} runs
 * @param notes     what godwit read but does not use (e.g. {@code views.path}), for the user to know
 */
public record PrismaConfig(Path file, Path schema, Path migrations, String seed, Url url, Url directUrl,
                           Url shadowDatabaseUrl, List<String> notes) {

    /**
     * One datasource URL setting: its value (null when the file does not set it or it is undefined, as
     * {@code process.env.X} of an unset X is) or the error that reading it gives.
     */
    public record Url(String key, String value, GodwitException error) {
        static Url absent(String key) {
            return new Url(key, null, null);
        }

        /** The URL, empty when not set. @throws GodwitException when the file gives it in a form godwit cannot read */
        public Optional<String> get() {
            if (error != null) {
                throw error;
            }
            return Optional.ofNullable(value);
        }

        /** Whether the file sets this key at all (in any form). */
        public boolean present() {
            return value != null || error != null;
        }
    }

    /** The file's name as messages show it, relative to {@code root} when it is inside. */
    public String displayName(Path root) {
        return root != null && file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }
}
