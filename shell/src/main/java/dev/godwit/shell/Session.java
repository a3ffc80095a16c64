package dev.godwit.shell;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.embedded.EmbeddedServer;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.project.Provider;
import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.engine.project.UrlResolver;
import dev.godwit.shell.render.Out;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of godwit works with: the project, the database and how to
 * reach it. Everything is found lazily, so commands that need no database
 * never connect, and the embedded server starts only when it is needed.
 */
public final class Session implements AutoCloseable {
    private final GlobalOptions options;
    private final Out out;
    private final Map<String, String> processEnv;
    private Project project;
    private ResolvedUrl resolved;
    private EmbeddedServer embedded;
    private Target target;
    private AutoCloseable pool;

    public Session(GlobalOptions options, Out out, Map<String, String> processEnv) {
        this.options = options;
        this.out = out;
        this.processEnv = processEnv;
    }

    public GlobalOptions options() {
        return options;
    }

    public Out out() {
        return out;
    }

    public Project project() {
        if (project == null) {
            project = options.projectDir() != null
                    ? Project.open(options.projectDir())
                    : Project.locate(Path.of("").toAbsolutePath());
        }
        return project;
    }

    /** The database URL and where it came from; starts the embedded server when none is configured. */
    public ResolvedUrl resolvedUrl() {
        if (resolved == null) {
            Optional<ResolvedUrl> found = UrlResolver.resolve(projectOrNull(), options.url(), options.env(), processEnv);
            if (found.isPresent()) {
                resolved = found.get();
            } else {
                Project p = project();
                embedded = EmbeddedServer.start(p.root());
                out.note("no database configured: using an embedded PostgreSQL 17 (data in "
                        + p.root().relativize(embedded.dataDir()) + ", stopped when godwit exits)");
                resolved = new ResolvedUrl(embedded.url(), "embedded PostgreSQL", null);
            }
            checkProvider(resolved.url());
        }
        return resolved;
    }

    private void checkProvider(DatabaseUrl url) {
        Project p = projectOrNull();
        if (p == null) {
            return;
        }
        Optional<Provider> schemaProvider = p.schemaProvider();
        if (schemaProvider.isPresent() && schemaProvider.get() != url.provider()) {
            throw new GodwitException(ErrorKind.USAGE, "the project's schema.prisma uses provider \"" + schemaProvider.get().prismaName()
                    + "\" but the database URL (" + resolved.source() + ") is " + url.provider().prismaName() + ": " + url.masked(),
                    "point godwit at a " + schemaProvider.get().prismaName() + " database, or change the datasource provider");
        }
    }

    private Project projectOrNull() {
        try {
            return project();
        } catch (GodwitException e) {
            if (options.url() != null) {
                return null;
            }
            throw e;
        }
    }

    public Target target() {
        if (target == null) {
            DatabaseUrl url = resolvedUrl().url();
            DataSource ds;
            if (options.pooled()) {
                var hikari = Connections.pooled(url, 2);
                pool = hikari;
                ds = hikari;
            } else {
                ds = Connections.direct(url);
            }
            target = Connections.target(url, ds);
        }
        return target;
    }

    public Migrator migrator() {
        return new Migrator(target());
    }

    /** The project's migrations folder, checked against the provider in use. */
    public MigrationsFolder migrations() {
        Project p = project();
        Provider provider = p.schemaProvider().orElseGet(() -> resolvedUrl().url().provider());
        MigrationsFolder folder = MigrationsFolder.read(p.migrationsDir(), provider);
        folder.warnings().forEach(out::warn);
        return folder;
    }

    /** The configured shadow database URL (environment shadow_url, or the datasource's shadowDatabaseUrl), if any. */
    public Optional<DatabaseUrl> shadowUrl() {
        return UrlResolver.resolveShadow(projectOrNull(), null, options.env(), processEnv);
    }

    /** The database URL of another environment of the project ({@code env:NAME} sources). */
    public DatabaseUrl environmentUrl(String envName) {
        return UrlResolver.resolve(project(), null, envName, processEnv).map(ResolvedUrl::url)
                .orElseThrow(() -> new GodwitException(ErrorKind.USAGE, "environment \"" + envName + "\" has no database URL",
                        "add url = \"…\" to [env." + envName + "] in godwit.toml"));
    }

    /** Whether a person can answer a question: only with a terminal, never in batch runs. */
    public boolean interactive() {
        return System.console() != null;
    }

    /** True when the selected environment is marked production. */
    public boolean production() {
        return resolvedUrl().production();
    }

    @Override
    public void close() {
        if (pool != null) {
            try {
                pool.close();
            } catch (Exception ignored) {
                // closing on exit
            }
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
