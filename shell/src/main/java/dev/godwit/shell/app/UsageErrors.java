package dev.godwit.shell.app;

import dev.godwit.shell.render.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command line that does not parse, said the way a person fixes it: the unknown word, the
 * closest known ones, and where the options are listed. In the shell that is one line and
 * the hint is a shell command (`help status`); elsewhere the hint is the batch form.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    /** The error message and the hint (null when the message already says it), for {@code Out.error}. */
    static String[] describe(CommandLine.ParameterException ex, boolean inShell) {
        CommandLine cl = ex.getCommandLine();
        CommandSpec spec = cl.getCommandSpec();
        boolean root = spec.parent() == null;
        String name = root ? "" : spec.qualifiedName().substring(spec.root().name().length()).strip();
        String message = ex.getMessage();
        String suggestion = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            if (word.startsWith("-")) {
                String bare = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                message = root ? "unknown option `" + bare + "`" : "`" + name + "` has no option `" + bare + "`";
                suggestion = Suggestions.didYouMean(bare, optionNames(spec));
                List<String> owners = root ? commandsWithOption(spec, bare) : List.of();
                if (!owners.isEmpty()) {
                    message = "`" + bare + "` is an option of " + (owners.size() > 3 ? "the commands" : String.join(", ", owners))
                            + ", not of godwit itself";
                    suggestion = ": put it after the command, e.g. `" + owners.get(0) + " " + bare + "`";
                }
            } else if (root) {
                message = "unknown command `" + word + "`";
                suggestion = Suggestions.didYouMean(word, commandNames(spec, inShell));
            } else {
                message = "`" + name + "` does not take `" + word + "` here";
            }
        }
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (CommandLine.Model.ArgSpec a : m.getMissing()) {
                missing.add(a instanceof OptionSpec o ? o.longestName() + (o.arity().max() > 0 && o.type() != boolean.class ? " " + o.paramLabel() : "")
                        : a.paramLabel());
            }
            String what = root ? "godwit" : name;
            message = "`" + what + "` needs " + (missing.size() > 1 && message.contains("one of")
                    ? "one of " + String.join(", ", missing) : String.join(" and ", missing));
        } else if (message != null && message.startsWith("Error: ")) {
            message = message.substring("Error: ".length());
        }
        String help = inShell ? (root ? "help" : "help " + name) : (root ? "godwit --help" : "godwit " + name + " --help");
        String where = root ? "lists the commands" : "shows its options";
        if (inShell) {
            return new String[]{message + (suggestion.isEmpty() ? " (`" + help + "` " + where + ")" : suggestion), null};
        }
        return new String[]{message + suggestion, "`" + help + "` " + where};
    }

    /** The commands that have an option {@code name}, in the order of the tree. */
    private static List<String> commandsWithOption(CommandSpec root, String name) {
        List<String> owners = new ArrayList<>();
        root.subcommands().forEach((n, sub) -> {
            CommandSpec s = sub.getCommandSpec();
            if (s.name().equals(n) && !s.usageMessage().hidden() && s.findOption(name) != null) {
                owners.add(n);
            }
        });
        return owners;
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                names.addAll(List.of(o.names()));
            }
        }
        return names;
    }

    private static List<String> commandNames(CommandSpec spec, boolean inShell) {
        List<String> names = new ArrayList<>();
        spec.subcommands().forEach((n, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(n);
            }
        });
        if (inShell) {
            names.addAll(Set.of("exit", "clear"));
        }
        return names;
    }
}
