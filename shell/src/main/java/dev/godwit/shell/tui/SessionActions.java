package dev.godwit.shell.tui;

import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.Provider;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.drift.DriftAdoption;
import dev.godwit.engine.drift.DriftCheck;
import dev.godwit.engine.drift.DriftReport;
import dev.godwit.shell.session.Session;

import java.time.Instant;
import java.util.List;

/**
 * The timeline's actions on a real session. The folder is read here rather than
 * through {@code Session.migrations()}, which prints warnings: on a full screen
 * they would land in the middle of the picture.
 */
final class SessionActions implements TimelineScreen.Actions, DriftScreen.Actions {
    private final Session session;

    SessionActions(Session session) {
        this.session = session;
    }

    Provider provider() {
        Project p = session.project();
        return p.schemaProvider().orElseGet(() -> session.resolvedUrl().url().provider());
    }

    private MigrationsFolder folder() {
        return MigrationsFolder.read(session.project().migrationsDir(), provider());
    }

    @Override
    public StatusReport reload() {
        return session.migrator().status(folder());
    }

    @Override
    public void resolveRolledBack(String name, String reason) {
        session.migrator().resolveRolledBack(folder(), name, reason, Migrator.DEFAULT_LOCK_TIMEOUT);
    }

    @Override
    public void resolveApplied(String name, String reason) {
        session.migrator().resolveApplied(folder(), name, reason, Migrator.DEFAULT_LOCK_TIMEOUT);
    }

    @Override
    public DriftScreen.Actions drift() {
        return this;
    }

    @Override
    public DriftReport check() {
        return DriftCheck.run(session.target(), session.resolvedUrl().url(), session.shadowUrl(), folder());
    }

    @Override
    public String adopt(String name, Instant at, DriftReport report) {
        return DriftAdoption.adopt(session.migrator(), session.project().migrationsDir(), provider(), name, report.adoptScript(),
                at, Migrator.DEFAULT_LOCK_TIMEOUT);
    }

    @Override
    public String script(List<Change> changes) {
        return session.target().dialect().ddlWriter().script(changes);
    }

    /** Colours unless NO_COLOR, --no-color or TERM=dumb; production and the database name from the session. */
    static TimelineScreen.Options options(Session session) {
        boolean color = !session.options().noColor() && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        return new TimelineScreen.Options(color, session.production(), session.resolvedUrl().url().database());
    }
}
