package dev.godwit.engine.prismaconfig;

import dev.godwit.engine.GodwitException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The settings godwit takes from a Prisma config file ({@code prisma.config.ts} and its kin). Paths are
 * absolute (Prisma resolves them against the config file's folder). Each setting is a {@link Setting}: one
 * that only Node could work out is an error when, and only when, godwit needs it, so a config whose
 * {@code datasource.url} is computed still gives godwit its schema path when the URL comes from elsewhere.
 *
 * @param file       the config file
 * @param schema     {@code schema}: a .prisma file or a folder of them
 * @param migrations {@code migrations.path}
 * @param seed       {@code migrations.seed}: the command {@code prisma db seed} runs
 * @param notes      what godwit read but does not use (e.g. {@code views}), for the user to know
 */
public record PrismaConfig(Path file, Setting<Path> schema, Setting<Path> migrations, Setting<String> seed,
                           Setting<String> url, Setting<String> directUrl, Setting<String> shadowDatabaseUrl,
                           List<String> notes) {

    /**
     * One setting: its value (null when the file does not set it, or sets it to undefined as
     * {@code process.env.X} of an unset X is), or the error that reading it gives.
     *
     * @param key where it is in the config object, e.g. {@code datasource.url}
     */
    public record Setting<T>(String key, T value, GodwitException error) {
        static <T> Setting<T> absent(String key) {
            return new Setting<>(key, null, null);
        }

        /** The value, empty when not set. @throws GodwitException when the file gives it in a form godwit cannot read */
        public Optional<T> get() {
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

    /** The migration URL: {@code datasource.directUrl} when the file sets it, else {@code datasource.url}. */
    public Setting<String> migrationUrl() {
        return directUrl.present() ? directUrl : url;
    }
}
