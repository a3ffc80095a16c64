package dev.godwit.shell.repl;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Which values fit an option or a command's argument, named for the completion scripts:
 * {@code env}, {@code failed}, {@code notapplied}, {@code rebase}, {@code migration},
 * {@code table}, {@code dir}, {@code file}, {@code command}, {@code source} (diff's sides),
 * {@code words:a,b} (a fixed list), {@code none} (free text), or "" (a flag, no value).
 */
public final class CompletionKinds {
    private CompletionKinds() {
    }

    public static String option(OptionSpec o) {
        if (o.arity().max() == 0 || o.type() == boolean.class || o.type() == Boolean.class) {
            return "";
        }
        return switch (o.longestName()) {
            case "--env" -> "env";
            case "--rolled-back", "--retry", "--finish", "--undo" -> "failed";
            case "--applied" -> "notapplied";
            case "--project", "--dir" -> "dir";
            case "-f" -> "file";
            case "--provider" -> "words:postgresql,mysql";
            case "--from", "--to" -> "source";
            default -> {
                if (o.completionCandidates() != null) {
                    List<String> fixed = new ArrayList<>();
                    o.completionCandidates().forEach(fixed::add);
                    yield "words:" + String.join(",", fixed);
                }
                yield o.type() == java.nio.file.Path.class || o.type() == java.io.File.class ? "file" : "none";
            }
        };
    }

    /** What the command's positional arguments are; "" when it has none. */
    public static String argument(CommandSpec spec) {
        return switch (spec.name()) {
            case "show", "lint" -> "migration";
            case "rebase" -> "rebase";
            case "inspect" -> "table";
            case "use" -> "env";
            case "project" -> "dir";
            case "help" -> "command";
            default -> {
                if (spec.positionalParameters().isEmpty()) {
                    yield "";
                }
                Class<?> t = spec.positionalParameters().get(0).type();
                yield t == java.nio.file.Path.class || t == java.io.File.class ? "file" : "none";
            }
        };
    }

    /** How many positional arguments the command takes at most (a list counts as many). */
    public static int argumentCount(CommandSpec spec) {
        return Math.min(99, spec.positionalParameters().stream().mapToInt(p -> p.arity().max()).sum());
    }
}
