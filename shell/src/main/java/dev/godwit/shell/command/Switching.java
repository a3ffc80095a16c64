package dev.godwit.shell.command;

import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.session.Session;

/**
 * connect/use/project: reach the new database first, so a mistake shows now and leaves the
 * session where it was (a failed {@code use prod} keeps the working connection).
 */
final class Switching {
    private Switching() {
    }

    static void switchTo(Session session, GlobalOptions next, String what) {
        session.switchIfReachable(next);
        ResolvedUrl r = session.resolvedUrl();
        session.out().println(what + ": " + r.url().display() + (r.production() ? " " + session.out().style(Out.Style.RED_BOLD, "(PRODUCTION)") : ""));
    }
}
