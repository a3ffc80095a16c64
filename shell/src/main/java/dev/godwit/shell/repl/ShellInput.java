package dev.godwit.shell.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a line typed at the shell prompt asks for, before it reaches the command tree: habits
 * from other tools are honoured here. A leading {@code godwit} (as every hint prints it) is
 * dropped, psql's backslash commands become godwit commands, and {@code !cmd} runs a command
 * of the operating system's shell.
 */
public final class ShellInput {
    /** What to do with one line. */
    public sealed interface Action permits Commands, OsCommand, Problem {
    }

    /** Godwit commands, as text for the command splitter. */
    public record Commands(String text) implements Action {
    }

    /** A command for {@code sh -c}. */
    public record OsCommand(String command) implements Action {
    }

    /** A line that cannot be understood, with the reason (one line). */
    public record Problem(String message) implements Action {
    }

    /** psql's backslash commands that mean something here, for `help` and the error on the others. */
    public static final String PSQL_ALIASES = "\\d [TABLE] (inspect), \\dt (inspect), \\c ENV (use), \\l (envs), "
            + "\\? (help), \\! CMD or !CMD (run CMD), \\q (exit)";

    private ShellInput() {
    }

    public static Action read(String line) {
        String s = withoutProgramName(line.strip());
        if (s.startsWith("!")) {
            return new OsCommand(s.substring(1).strip());
        }
        if (s.startsWith("\\")) {
            return backslash(s);
        }
        return new Commands(s);
    }

    /** {@code godwit status} is {@code status}: hints print commands as they are typed in a terminal. */
    static String withoutProgramName(String s) {
        if (s.equals("godwit")) {
            return "help";
        }
        if (s.startsWith("godwit ") || s.startsWith("godwit\t")) {
            return s.substring("godwit".length()).strip();
        }
        return s;
    }

    /** The words of one command with a leading {@code godwit} dropped (each command of a line like {@code a; godwit b}). */
    public static List<String> withoutProgramName(List<String> words) {
        if (!words.isEmpty() && words.get(0).equals("godwit")) {
            List<String> rest = new ArrayList<>(words.subList(1, words.size()));
            if (rest.isEmpty()) {
                rest.add("help");
            }
            return rest;
        }
        return words;
    }

    private static Action backslash(String s) {
        int space = indexOfSpace(s);
        String cmd = (space < 0 ? s : s.substring(0, space)).toLowerCase(Locale.ROOT);
        String arg = space < 0 ? "" : s.substring(space + 1).strip();
        // psql lets a ';' end a backslash command's argument
        if (arg.endsWith(";")) {
            arg = arg.substring(0, arg.length() - 1).strip();
        }
        return switch (cmd) {
            case "\\d", "\\d+", "\\dt", "\\dt+" -> new Commands(arg.isEmpty() || cmd.startsWith("\\dt") ? "inspect" : "inspect " + quote(arg));
            case "\\q", "\\quit" -> new Commands("exit");
            case "\\?", "\\h", "\\help" -> new Commands(arg.isEmpty() ? "help" : "help " + quote(arg));
            case "\\l", "\\l+", "\\list" -> new Commands("envs");
            case "\\c", "\\connect" -> arg.isEmpty() ? new Problem("\\c needs an environment or a URL: \\c ENV or \\c postgresql://…")
                    : new Commands((arg.contains("://") || arg.startsWith("jdbc:") ? "connect " : "use ") + quote(arg));
            case "\\!" -> new OsCommand(arg);
            default -> new Problem("unknown command " + cmd + "; the psql commands godwit knows are " + PSQL_ALIASES);
        };
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Quotes a word for the command splitter when it holds characters the splitter treats specially. */
    private static String quote(String word) {
        if (word.chars().noneMatch(c -> Character.isWhitespace(c) || "'\"\\;#".indexOf(c) >= 0)) {
            return word;
        }
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
