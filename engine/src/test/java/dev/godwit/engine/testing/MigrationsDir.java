package dev.godwit.engine.testing;

import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.Provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds migrations folders for tests, in Prisma's layout. */
public final class MigrationsDir {
    private final Path dir;
    private final Provider provider;

    public MigrationsDir(Path dir, Provider provider) {
        this.dir = dir;
        this.provider = provider;
        write(dir.resolve(MigrationsFolder.LOCK_FILE), MigrationsFolder.lockFileText(provider));
    }

    public Path dir() {
        return dir;
    }

    public MigrationsDir add(String name, String sql) {
        write(dir.resolve(name).resolve(MigrationsFolder.SCRIPT_FILE), sql);
        return this;
    }

    public MigrationsFolder read() {
        return MigrationsFolder.read(dir, provider);
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
