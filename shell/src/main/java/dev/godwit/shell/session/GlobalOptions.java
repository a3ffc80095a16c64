package dev.godwit.shell.session;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {
    @Option(names = "--project", paramLabel = "DIR", description = "Project folder (default: found by walking up from the current folder).")
    Path project;

    @Option(names = {"-e", "--env"}, paramLabel = "NAME", description = "Environment from godwit.toml ([env.NAME]).")
    String env;

    @Option(names = "--url", paramLabel = "URL", description = "Database URL (overrides every other source).")
    String url;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces and more detail on errors.")
    boolean verbose;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    boolean pooled;

    /** These options overridden by any that {@code later} sets. */
    public GlobalOptions mergedWith(GlobalOptions later) {
        GlobalOptions m = new GlobalOptions();
        m.project = later.project != null ? later.project : project;
        m.env = later.env != null ? later.env : env;
        m.url = later.url != null ? later.url : url;
        m.verbose = verbose || later.verbose;
        m.noColor = noColor || later.noColor;
        m.pooled = pooled || later.pooled;
        return m;
    }

    /** A copy pointing elsewhere: another project, environment or URL (nulls fall back to the defaults). */
    public GlobalOptions withTarget(Path projectDir, String envName, String databaseUrl) {
        GlobalOptions m = mergedWith(new GlobalOptions());
        m.project = projectDir;
        m.env = envName;
        m.url = databaseUrl;
        return m;
    }

    public Path projectDir() {
        return project;
    }

    public String env() {
        return env;
    }

    public String url() {
        return url;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean noColor() {
        return noColor;
    }

    /** Long sessions (the shell) keep a small pool; one-shot commands connect directly. */
    public boolean pooled() {
        return pooled;
    }

    public void setPooled(boolean pooled) {
        this.pooled = pooled;
    }
}
