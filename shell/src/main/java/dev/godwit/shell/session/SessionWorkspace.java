package dev.godwit.shell.session;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.workflow.Workspace;

import java.util.Optional;

/**
 * A session as the engine workflows' workspace: its project and database, reached when a workflow first
 * asks for them. Here rather than beside the commands so the full-screen views can use it too.
 */
public final class SessionWorkspace {
    private SessionWorkspace() {
    }

    public static Workspace of(Session session) {
        return new Workspace() {
            @Override
            public Project project() {
                return session.project();
            }

            @Override
            public DatabaseUrl url() {
                return session.resolvedUrl().url();
            }

            @Override
            public Target target() {
                return session.target();
            }

            @Override
            public Optional<DatabaseUrl> shadowUrl() {
                return session.shadowUrl();
            }
        };
    }
}
