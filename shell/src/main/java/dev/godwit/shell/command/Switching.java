package dev.godwit.shell.command;

import dev.godwit.engine.db.Connections;
import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.Out;

import java.sql.Connection;
import java.sql.SQLException;

/** After connect/use/project: reach the new database at once, so a mistake shows now. */
final class Switching {
    private Switching() {
    }

    static void report(Session session, String what) {
        ResolvedUrl r = session.resolvedUrl();
        var target = session.target();
        // A direct connection: a wrong host or port fails at once, not after the pool's timeout.
        try (Connection ignored = Connections.direct(r.url()).getConnection()) {
            session.out().println(what + ": " + r.url().display() + (r.production() ? " " + session.out().style(Out.Style.RED_BOLD, "(PRODUCTION)") : ""));
        } catch (SQLException e) {
            throw target.dialect().connectionFailure(e, target.display());
        }
    }
}
