package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.shell.session.Prompter;
import dev.godwit.shell.session.Session;

/**
 * The one guard in front of every command that changes something it cannot take back (reset, push,
 * down, dev, drift --adopt, baseline, seed, sql --write, resolve). Production is a property of the
 * database: a URL that reaches the database of a {@code production = true} environment is production
 * however it was given ({@link ResolvedUrl#production()}).
 * <ul>
 *   <li>Some steps never run on production: {@link #refuseOnProduction}.</li>
 *   <li>On production at a terminal the user types the database name, whatever flag was given: a
 *       {@code --yes} typed out of habit must not be what empties a production database.</li>
 *   <li>In batch mode nobody can answer: the confirming flag (documented per command) goes ahead, its
 *       absence refuses and names it.</li>
 *   <li>Elsewhere a y/N whose default is no, which the flag skips.</li>
 * </ul>
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** True to go ahead. {@code what} completes "This will …". */
    public static boolean ask(Session session, String what, boolean yesFlag) {
        String question = "This will " + what + " on " + session.resolvedUrl().url().display()
                + (session.production() ? " (PRODUCTION)." : ". Go ahead?");
        return confirm(session, "this would " + what, question, yesFlag, "--yes");
    }

    /**
     * The guard itself. {@code refusal} completes a batch refusal ("this would drop …"), {@code question}
     * is what a person at a terminal is asked, {@code flag} is the option that confirms in advance.
     */
    public static boolean confirm(Session session, String refusal, String question, boolean yesFlag, String flag) {
        boolean production = session.production();
        Prompter p = session.prompter();
        if (p == null) {
            if (yesFlag) {
                if (production) {
                    session.out().note("production database (" + session.resolvedUrl().productionReason() + "): going ahead on " + flag);
                }
                return true;
            }
            throw new GodwitException(ErrorKind.USAGE, refusal + (production ? " on a production database ("
                    + session.resolvedUrl().productionReason() + ")" : "") + ", which needs a confirmation, and batch mode never asks",
                    "add " + flag + " to confirm in advance");
        }
        if (yesFlag && !production) {
            return true;
        }
        boolean ok;
        if (production) {
            String db = session.resolvedUrl().url().database();
            ok = p.confirm(question + "\nThis is a production database: " + session.resolvedUrl().productionReason() + ".",
                    db == null ? "yes" : db);
        } else {
            ok = p.confirm(question, null);
        }
        if (!ok) {
            session.out().note("cancelled: nothing was changed");
        }
        return ok;
    }

    /** Only production databases are asked (seed, push, resolve); elsewhere the command is its own consent. */
    public static boolean askOnProduction(Session session, String what, boolean yesFlag) {
        return !session.production() || ask(session, what, yesFlag);
    }

    /**
     * Refuses at once, before anything is read or planned, what {@link #confirm} would refuse later: a
     * production database in batch mode without the confirming flag.
     */
    public static void requireFlagInBatchOnProduction(Session session, String what, boolean yesFlag, String flag) {
        if (!yesFlag && session.prompter() == null && session.production()) {
            throw new GodwitException(ErrorKind.USAGE, "refusing to " + what + " on " + session.resolvedUrl().url().display()
                    + " without " + flag + ": it is a production database (" + session.resolvedUrl().productionReason()
                    + ") and batch mode never asks", "add " + flag + " to confirm in advance");
        }
    }

    /** Steps that never run on a production database, whatever was typed. */
    public static void refuseOnProduction(Session session, String what, String instead) {
        if (session.production()) {
            throw new GodwitException(ErrorKind.USAGE, "refusing to " + what + " on " + session.resolvedUrl().url().display()
                    + ": it is a production database (" + session.resolvedUrl().productionReason() + ")", instead);
        }
    }
}
