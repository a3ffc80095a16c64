package dev.godwit.shell.session;

import dev.godwit.engine.ConnectionLostException;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.PoolerRoute;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.embedded.EmbeddedServer;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.Provider;
import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.engine.project.UrlResolver;

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
    private GlobalOptions options;
    private final Out out;
    private final Map<String, String> processEnv;
    private Project project;
    private ResolvedUrl resolved;
    private EmbeddedServer embedded;
    private Target target;
    private AutoCloseable pool;
    private final StatementTracker statements = new StatementTracker();
    private Prompter prompter;
    /** Stands in for the terminal's console (tests); null: System.console(). */
    private Prompter console;
    private boolean batch;
    private volatile Exception lastFailure;
    private volatile boolean quietConnectionLoss;
    private org.jline.terminal.Terminal terminal;

    public Session(GlobalOptions options, Out out, Map<String, String> processEnv) {
        this.options = options;
        this.out = out;
        this.processEnv = processEnv;
    }

    public GlobalOptions options() {
        return options;
    }

    /** The process environment the session resolves {@code env:} references in. */
    public Map<String, String> processEnv() {
        return processEnv;
    }

    public Out out() {
        return out;
    }

    public synchronized Project project() {
        if (project == null) {
            project = options.projectDir() != null
                    ? Project.open(options.projectDir())
                    : Project.locate(Path.of("").toAbsolutePath());
        }
        return project;
    }

    /** The database URL and where it came from; starts the embedded server when none is configured. */
    public synchronized ResolvedUrl resolvedUrl() {
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

    public synchronized Target target() {
        if (target == null) {
            // Through a transaction-mode pooler: the direct URL when one is configured, else reads only.
            PoolerRoute route = PoolerRoute.decide(resolvedUrl().url(),
                    () -> UrlResolver.resolveDirect(projectOrNull(), options.env(), processEnv));
            if (route.note() != null) {
                out.note(route.note());
            }
            DatabaseUrl url = route.url();
            DataSource ds;
            if (options.pooled()) {
                var hikari = Connections.pooled(url, 3, route.statementSafe(), route.bareStartup());
                pool = hikari;
                ds = hikari;
            } else {
                ds = route.dataSource();
            }
            target = route.apply(Connections.target(url, statements.wrap(ds)));
            Project p = projectOrNull();
            if (p != null && !p.schemaNamespaces().isEmpty() && dev.godwit.engine.project.UrlForm.of(url.provider()).schemasInDatabase()) {
                target = target.withNamespaces(p.schemaNamespaces());
            }
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

    /** Whether a person can answer a question: in the shell or on a terminal, never in batch runs. */
    public boolean interactive() {
        return prompter() != null;
    }

    /** Batch runs (-c, -f, stdin) never ask, even when started from a terminal. */
    public void setBatch(boolean batch) {
        this.batch = batch;
    }

    /** True when the selected environment is marked production. */
    public boolean production() {
        return resolvedUrl().production();
    }

    /**
     * Switches to other options (another URL, environment or project): what was open is
     * closed, and the new database is reached on first use.
     */
    public synchronized void switchTo(GlobalOptions next) {
        closeResources();
        options = next;
        project = null;
        resolved = null;
        target = null;
    }

    /**
     * Switches only if the other database can be reached: its URL is resolved and a connection
     * opened first, and on any failure the session stays where it was (same options, same pool)
     * and the failure is thrown. Without a configured URL (the embedded server) the switch happens
     * first, since the server only starts for a session that owns it.
     */
    public synchronized void switchIfReachable(GlobalOptions next) {
        Project nextProject;
        try {
            nextProject = next.projectDir() != null ? Project.open(next.projectDir()) : project();
        } catch (GodwitException e) {
            if (next.url() == null) {
                throw e;
            }
            nextProject = null; // a URL needs no project
        }
        Optional<ResolvedUrl> found = UrlResolver.resolve(nextProject, next.url(), next.env(), processEnv);
        if (found.isEmpty()) {
            switchTo(next);
            resolvedUrl();
            return;
        }
        ResolvedUrl r = found.get();
        Optional<Provider> schemaProvider = nextProject != null ? nextProject.schemaProvider() : Optional.empty();
        schemaProvider.filter(p -> p != r.url().provider()).ifPresent(p -> {
            throw new GodwitException(ErrorKind.USAGE, "the project's schema.prisma uses provider \"" + p.prismaName()
                    + "\" but the database URL (" + r.source() + ") is " + r.url().provider().prismaName() + ": " + r.url().masked(),
                    "point godwit at a " + p.prismaName() + " database, or change the datasource provider");
        });
        Target probe = Connections.target(r.url(), Connections.direct(r.url()));
        // A direct connection: a wrong host or port fails at once, not after the pool's timeout.
        try (java.sql.Connection ignored = Connections.direct(r.url()).getConnection()) {
            // reachable
        } catch (java.sql.SQLException e) {
            throw probe.dialect().connectionFailure(e, probe.display());
        }
        switchTo(next);
        project = nextProject;
        resolved = r;
    }

    /**
     * The session one command runs on: this one, or, when the command names another project,
     * environment or URL (e.g. {@code status --env prod} in a script or the shell), a
     * short-lived session for just that command, which the caller closes.
     */
    public Session forCommand(GlobalOptions local) {
        if (local.projectDir() == null && local.env() == null && local.url() == null) {
            return this;
        }
        GlobalOptions m = options.mergedWith(local);
        if (local.url() == null) {
            m = m.withTarget(m.projectDir(), m.env(), null);
        }
        m.setPooled(false);
        Session s = new Session(m, out, processEnv);
        s.setPrompter(prompter);
        s.setConsole(console);
        s.setBatch(batch);
        s.useTerminal(terminal);
        return s;
    }

    /** Whether a database has been reached (or at least chosen) in this session. */
    public synchronized boolean hasTarget() {
        return target != null;
    }

    /** The resolved URL if already known; never connects or starts anything. */
    public synchronized ResolvedUrl resolvedIfKnown() {
        return resolved;
    }

    /** Whether the database comes from the embedded server. */
    public synchronized boolean embedded() {
        return embedded != null;
    }

    /** Statements running on this session's connections, for Ctrl-C. */
    public StatementTracker statements() {
        return statements;
    }

    /**
     * Who answers questions: the shell's user, the console of a one-shot command on a terminal,
     * or nobody (null) in batch mode and without a terminal.
     */
    public Prompter prompter() {
        if (batch) {
            return null;
        }
        if (prompter != null) {
            return prompter; // the interactive shell: someone is there, CI or not
        }
        if (runsInCi()) {
            return null;
        }
        if (console != null) {
            return console;
        }
        java.io.Console system = System.console();
        return system == null ? null : new ConsolePrompter(system);
    }

    /** CI systems often give jobs a pseudo-terminal with nobody at it: with CI set (as they all set it), never ask. */
    private boolean runsInCi() {
        String ci = processEnv.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /** Who answers in place of the console of a one-shot command (tests: a script of answers). */
    public void setConsole(Prompter console) {
        this.console = console;
    }

    public void setPrompter(Prompter prompter) {
        this.prompter = prompter;
    }

    /** The failure of the last command, as reported (the shell looks at it to reconnect). */
    public Exception lastFailure() {
        return lastFailure;
    }

    public void recordFailure(Exception e) {
        lastFailure = e;
    }

    /** While set, a lost connection is recorded but not reported: the shell retries the command. */
    public boolean quietConnectionLoss() {
        return quietConnectionLoss;
    }

    public void setQuietConnectionLoss(boolean quiet) {
        quietConnectionLoss = quiet;
    }

    /** Whether the failure means the connection went away (server restart, killed session, network). */
    public static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionLostException) {
                return true;
            }
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Drops pooled connections so the next use opens fresh ones (after the server restarted). */
    public synchronized void evictConnections() {
        if (pool instanceof com.zaxxer.hikari.HikariDataSource h && h.getHikariPoolMXBean() != null) {
            h.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** The shell's terminal, when this session runs in the shell: full-screen views draw on it between two prompts. */
    public Optional<org.jline.terminal.Terminal> terminal() {
        return Optional.ofNullable(terminal);
    }

    public void useTerminal(org.jline.terminal.Terminal shellTerminal) {
        this.terminal = shellTerminal;
    }

    @Override
    public synchronized void close() {
        closeResources();
    }

    private void closeResources() {
        if (pool != null) {
            try {
                pool.close();
            } catch (Exception ignored) {
                // closing on exit
            }
        }
        pool = null;
        if (embedded != null) {
            embedded.close();
        }
        embedded = null;
    }
}
