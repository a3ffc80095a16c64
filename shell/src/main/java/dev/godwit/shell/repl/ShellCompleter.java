package dev.godwit.shell.repl;

import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Completion for the shell, from the same picocli command tree that runs the commands:
 * command names, options, and option and argument values. Values that live in the database
 * (migration names, tables) come from the metadata snapshot and never wait for the network.
 */
public final class ShellCompleter implements Completer {
    private static final List<String> SQL_WORDS = List.of("select", "from", "where", "insert", "into", "values", "update",
            "set", "delete", "join", "left", "on", "group", "by", "order", "limit", "count(*)", "explain", "show", "describe");

    private final CommandLine root;
    private final Supplier<Metadata.Snapshot> metadata;
    private final Completers.FileNameCompleter files = new Completers.FileNameCompleter();
    private final Completers.DirectoriesCompleter dirs = new Completers.DirectoriesCompleter(() -> java.nio.file.Path.of("").toAbsolutePath());

    public ShellCompleter(CommandLine root, Supplier<Metadata.Snapshot> metadata) {
        this.root = root;
        this.metadata = metadata;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            commandNames(candidates);
            candidates.add(new Candidate("exit", "exit", "shell", "Leave the shell (or Ctrl-D)", null, null, true));
            return;
        }
        CommandLine sub = root.getSubcommands().get(words.get(0));
        if (sub == null) {
            return;
        }
        CommandSpec spec = sub.getCommandSpec();
        String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        OptionSpec previous = option(spec, words.get(index - 1));
        if (previous != null && previous.arity().max() > 0 && !isFlag(previous)) {
            optionValues(previous, reader, line, candidates);
            return;
        }
        if (current.startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) {
                    continue;
                }
                String descr = o.description().length > 0 ? o.description()[0] : null;
                candidates.add(new Candidate(o.longestName(), o.longestName(), "options", descr, null, null, true));
            }
            return;
        }
        arguments(spec.name(), reader, line, candidates);
    }

    private static boolean isFlag(OptionSpec o) {
        Class<?> t = o.type();
        return t == boolean.class || t == Boolean.class;
    }

    private static OptionSpec option(CommandSpec spec, String word) {
        if (!word.startsWith("-")) {
            return null;
        }
        OptionSpec o = spec.findOption(word);
        return o != null ? o : spec.root().findOption(word);
    }

    private void commandNames(List<Candidate> candidates) {
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandSpec s = e.getValue().getCommandSpec();
            if (!s.name().equals(e.getKey()) || s.usageMessage().hidden()) {
                continue; // aliases: offer the main name only
            }
            String[] d = s.usageMessage().description();
            candidates.add(new Candidate(e.getKey(), e.getKey(), "commands", d.length > 0 ? d[0] : null, null, null, true));
        }
    }

    private void optionValues(OptionSpec o, LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Metadata.Snapshot m = metadata.get();
        switch (o.longestName()) {
            case "--env" -> values(m.environments(), "environments", candidates);
            case "--rolled-back" -> values(m.failed(), "failed migrations", candidates);
            case "--applied" -> values(m.notApplied(), "migrations not applied", candidates);
            case "--project", "--dir" -> dirs.complete(reader, line, candidates);
            case "-f" -> files.complete(reader, line, candidates);
            case "--provider" -> values(List.of("postgresql", "mysql"), "providers", candidates);
            default -> {
                if (o.completionCandidates() != null) {
                    List<String> fixed = new java.util.ArrayList<>();
                    o.completionCandidates().forEach(fixed::add);
                    values(fixed, "values", candidates);
                } else if (o.type() == java.nio.file.Path.class || o.type() == java.io.File.class) {
                    files.complete(reader, line, candidates);
                }
            }
        }
    }

    private void arguments(String command, LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Metadata.Snapshot m = metadata.get();
        switch (command) {
            case "show" -> values(m.migrations(), "migrations", candidates);
            // a failed migration has a record here, which rebase refuses
            case "rebase" -> values(m.notApplied().stream().filter(n -> !m.failed().contains(n)).toList(), "migrations not applied", candidates);
            case "inspect" -> values(m.tables(), "tables", candidates);
            case "use" -> values(m.environments(), "environments", candidates);
            case "project" -> dirs.complete(reader, line, candidates);
            case "help" -> commandNames(candidates);
            case "connect" -> {
                candidates.add(new Candidate("postgresql://", "postgresql://", "URL", null, null, null, false));
                candidates.add(new Candidate("mysql://", "mysql://", "URL", null, null, null, false));
            }
            case "diff", "drift" -> {
                for (String prefix : List.of("url:", "env:", "sql:")) {
                    candidates.add(new Candidate(prefix, prefix, "sources", null, null, null, false));
                }
                for (String e : m.environments()) {
                    candidates.add(new Candidate("env:" + e, "env:" + e, "environments", null, null, null, true));
                }
                candidates.add(new Candidate("migrations", "migrations", "sources", "the migrations folder", null, null, true));
                values(m.tables(), "tables", candidates);
            }
            case "sql" -> {
                values(m.tables(), "tables", candidates);
                values(SQL_WORDS, "SQL", candidates);
            }
            default -> {
            }
        }
    }

    private static void values(List<String> values, String group, List<Candidate> candidates) {
        for (String v : values) {
            candidates.add(new Candidate(v, v, group, null, null, null, true));
        }
    }
}
