package dev.godwit.shell.app;

import dev.godwit.shell.session.Out;
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
 * Regenerate with {@code java -cp shell/target/godwit.jar dev.godwit.shell.app.Completions completions}.
 */
public final class Completions {
    public static final String BASH_FILE = "godwit.bash";

    private Completions() {
    }

    /** Values that live in the project or the database, asked of {@code godwit __complete}; the rest is picocli's. */
    static final String DYNAMIC = """

            # Values that live in the project or the database (environments, migration and table
            # names) come from `godwit __complete`, which uses the same completer as the shell.
            function _godwit_dynamic() {
              local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
              for ((i = 1; i < COMP_CWORD; i++)); do
                case "${COMP_WORDS[i]}" in
                  --project|--env|-e|--url|-c|-f) ((i++)) ;;
                  -*) ;;
                  *) cmd="${COMP_WORDS[i]}"; break ;;
                esac
              done
              case "$prev" in
                --rolled-back|--applied|--env|-e) ;;
                show|inspect|use|rebase) [[ "$prev" == "$cmd" ]] || { _complete_godwit "$@"; return; } ;;
                *) _complete_godwit "$@"; return ;;
              esac
              local IFS=$'\\n'
              COMPREPLY=( $("${COMP_WORDS[0]}" __complete -- "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null) )
            }
            complete -F _godwit_dynamic -o default godwit
            """;

    public static String bash() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Out out = new Out(nowhere, nowhere, false);
        return AutoComplete.bash("godwit", Main.commandLine(new GodwitCommand(out, Map.of()), out)) + DYNAMIC;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "completions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(BASH_FILE), bash(), StandardCharsets.UTF_8);
    }
}
