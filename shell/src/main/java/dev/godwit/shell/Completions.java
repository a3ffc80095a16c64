package dev.godwit.shell;

import dev.godwit.shell.render.Out;
import picocli.AutoComplete;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Completion scripts for bash (and zsh through bashcompinit), generated from the command tree.
 * Regenerate with {@code java -cp shell/target/godwit.jar dev.godwit.shell.Completions completions}.
 */
public final class Completions {
    public static final String BASH_FILE = "godwit.bash";

    private Completions() {
    }

    public static String bash() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Out out = new Out(nowhere, nowhere, false);
        return AutoComplete.bash("godwit", Main.commandLine(new GodwitCommand(out, Map.of()), out));
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "completions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(BASH_FILE), bash(), StandardCharsets.UTF_8);
    }
}
