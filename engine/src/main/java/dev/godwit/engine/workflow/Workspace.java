package dev.godwit.engine.workflow;

import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.Provider;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a workflow works on: the project (schema.prisma, the migrations folder) and the database. Each part
 * is asked for when a workflow first needs it, so a front end may open the database lazily and an error
 * in the project comes before any connection.
 */
public interface Workspace {
    Project project();

    /** The database's URL (its provider decides the dialect). */
    DatabaseUrl url();

    /** The database to read and change. */
    Target target();

    /** A configured shadow database; empty to use a temporary database on the server. */
    Optional<DatabaseUrl> shadowUrl();

    /** Where replayed schemas of the history are kept between runs. */
    default Path cacheDir() {
        return project().root().resolve(".godwit").resolve("cache");
    }

    /** The migrations folder, read for schema.prisma's provider (else the database's); its warnings go to {@code listener}. */
    default MigrationsFolder migrations(Listener listener) {
        Project p = project();
        Provider provider = p.schemaProvider().orElseGet(() -> url().provider());
        MigrationsFolder folder = MigrationsFolder.read(p.migrationsDir(), provider);
        folder.warnings().forEach(listener::warn);
        return folder;
    }

    /** A project and a database reached directly (no pool), with no configured shadow database. */
    static Workspace of(Project project, DatabaseUrl url) {
        return new Workspace() {
            private Target target;

            @Override
            public Project project() {
                return project;
            }

            @Override
            public DatabaseUrl url() {
                return url;
            }

            @Override
            public synchronized Target target() {
                if (target == null) {
                    target = Connections.target(url, Connections.direct(url));
                }
                return target;
            }

            @Override
            public Optional<DatabaseUrl> shadowUrl() {
                return Optional.empty();
            }
        };
    }
}
