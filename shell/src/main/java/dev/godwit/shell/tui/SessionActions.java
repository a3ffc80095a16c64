package dev.godwit.shell.tui;

import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.project.Provider;
import dev.godwit.shell.Session;

/**
 * The timeline's actions on a real session. The folder is read here rather than
 * through {@code Session.migrations()}, which prints warnings: on a full screen
 * they would land in the middle of the picture.
 */
final class SessionActions implements TimelineScreen.Actions {
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
}
