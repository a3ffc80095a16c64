package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.shell.session.Prompter;
import dev.godwit.shell.session.Session;

/**
 * Asking before a command changes something it cannot take back. The default answer is no;
 * on a production environment the user types the database name, always, even with --yes
 * (a flag in a recalled command line is not a decision about this database); in batch mode
 * nobody can answer, so the command fails and names the flag that confirms in advance.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** True to go ahead. {@code what} completes "This will …". */
    public static boolean ask(Session session, String what, boolean yesFlag) {
        Prompter p = session.prompter();
        if (yesFlag && (p == null || !session.production())) {
            return true;
        }
        if (p == null) {
            throw new GodwitException(ErrorKind.USAGE, "this would " + what + ", which needs a confirmation, and batch mode never asks",
                    "add --yes to confirm in advance");
        }
        boolean production = session.production();
        String db = session.resolvedUrl().url().database();
        String question = "This will " + what + " on " + session.resolvedUrl().url().display()
                + (production ? " (PRODUCTION)" : "") + "." + (production ? "" : " Go ahead?");
        boolean ok = p.confirm(question, production ? (db == null ? "yes" : db) : null);
        if (!ok) {
            session.out().note("cancelled: nothing was changed");
        }
        return ok;
    }
}
