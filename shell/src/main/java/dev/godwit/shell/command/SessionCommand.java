package dev.godwit.shell.command;

import dev.godwit.shell.session.CommandRoot;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/**
 * A verb that works on the session. Global options may come before or after
 * the verb; those after it win.
 */
public abstract class SessionCommand implements Callable<Integer> {
    @ParentCommand
    CommandRoot root;

    @Mixin
    GlobalOptions local = new GlobalOptions();

    @Override
    public final Integer call() {
        boolean sharedBefore = root.existingSession() != null;
        Session shared = root.session(local);
        Session session = sharedBefore ? shared.forCommand(local) : shared;
        try {
            return run(session);
        } finally {
            if (session != shared) {
                session.close();
            }
        }
    }

    protected abstract int run(Session session);
}
