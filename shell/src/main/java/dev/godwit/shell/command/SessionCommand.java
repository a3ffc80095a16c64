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
        // In a batch or the shell the session is shared; options typed before the command name
        // (`--env prod status`) belong to this command as much as those after it.
        Session session = sharedBefore ? shared.forCommand(root.globals().mergedWith(local)) : shared;
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
