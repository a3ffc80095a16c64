package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.dialect.LockHolder;
import dev.godwit.shell.session.Prompter;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = {"Say who holds the migration lock (Prisma's advisory lock, MySQL's GET_LOCK), for how long and whether",
                "that session is idle, and end that session after a confirmation (default no) so that deploys can go on.",
                "Meant for a killed deploy whose connection a pooler keeps open. Without a terminal it needs --yes;",
                "on a production environment it needs the database name typed at a terminal, --yes or not."})
public final class UnlockCommand extends SessionCommand {
    @Option(names = {"-y", "--yes"}, description = "End the holder without asking (not on production).")
    boolean yes;

    @Override
    protected int run(Session session) {
        Optional<LockHolder> holder = session.migrator().lockHolder();
        if (holder.isEmpty()) {
            session.out().println("The migration lock of " + session.target().display() + " is free.");
            return 0;
        }
        LockHolder h = holder.get();
        session.out().println("The migration lock of " + session.target().display() + " is held by " + h.describe() + ".");
        if (!h.idle()) {
            session.out().warn("that session is " + (h.state() == null ? "in an unknown state" : h.state())
                    + ": it may be a deploy at work; ending it stops that deploy (its migration is recorded as failed or cancelled)");
        }
        if (!confirmed(session, h)) {
            return 3;
        }
        boolean free = session.migrator().endLockHolder(h);
        if (!free) {
            throw new GodwitException(ErrorKind.RUNTIME, "asked the server to end " + h.sessionId() + ", but it still holds the lock",
                    "the session may need a moment, or the login may lack the right to end it (PostgreSQL: pg_signal_backend; MySQL: CONNECTION_ADMIN)");
        }
        session.out().println("Ended " + h.sessionId() + ": the migration lock is free. `godwit status` shows what that session left behind.");
        return 0;
    }

    private boolean confirmed(Session session, LockHolder h) {
        Prompter p = session.prompter();
        boolean production = session.production();
        String what = "end " + h.sessionId() + " on " + session.target().display();
        if (production && p == null) {
            throw new GodwitException(ErrorKind.USAGE, "refusing to " + what + ": it is marked production, and ending a session there "
                    + "needs the database name typed at a terminal", "run `godwit unlock` in a terminal (or the godwit shell)");
        }
        if (p == null) {
            if (yes) {
                return true;
            }
            throw new GodwitException(ErrorKind.USAGE, "this would " + what + ", which needs a confirmation, and batch mode never asks",
                    "add --yes to confirm in advance");
        }
        if (yes && !production) {
            return true;
        }
        String db = session.resolvedUrl().url().database();
        boolean ok = p.confirm("This will " + what + (production ? " (PRODUCTION)." : ". Go ahead?"), production ? (db == null ? "yes" : db) : null);
        if (!ok) {
            session.out().note("cancelled: nothing was ended");
        }
        return ok;
    }
}
