package dev.godwit.shell.app;

import dev.godwit.shell.session.Out;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.util.Map;

/** Opens the interactive shell ({@link Shell}) on the system terminal. */
final class Repl {
    private Repl() {
    }

    static int run(GodwitCommand root, Out out, Map<String, String> env) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return new Shell(root, out, env, terminal, Shell.defaultStateDir(env)).run();
        }
    }
}
