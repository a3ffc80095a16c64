package dev.godwit.shell.repl;

import dev.godwit.shell.session.TerminalText;
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
import java.util.Set;
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

    /** Options every command takes; offered only when typed far enough to mean them (`--e` → `--env`). */
    public static final Set<String> GLOBAL_OPTIONS = Set.of("--project", "--env", "-e", "--url", "--verbose", "-v", "--no-color",
            "--help", "-h", "--version", "-V");

    /** psql's backslash commands complete as the godwit commands they stand for (see ShellInput): {@code \d <TAB>} lists tables. */
    private static final Map<String, String> PSQL_COMMANDS = Map.of("\\d", "inspect", "\\d+", "inspect", "\\c", "use",
            "\\connect", "use", "\\?", "help", "\\h", "help");

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        // `godwit status` is typed as hints print it: complete what follows the program name
        if (index > 0 && words.get(0).equals("godwit")) {
            words = words.subList(1, words.size());
            index--;
        }
        // options typed before the command (`--env prod status`) are that command's: skip them and their values
        int command = 0;
        while (command < index && words.get(command).startsWith("-")) {
            OptionSpec o = root.getCommandSpec().findOption(words.get(command));
            command += o != null && o.arity().max() > 0 && !isFlag(o) && !words.get(command).contains("=") ? 2 : 1;
        }
        if (index <= command) {
            String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
            OptionSpec previous = index > 0 ? root.getCommandSpec().findOption(words.get(index - 1)) : null;
            if (previous != null && previous.arity().max() > 0 && !isFlag(previous)) {
                optionValues(previous, reader, line, candidates);
            } else if (current.startsWith("-")) {
                leadingOptions(candidates);
            } else {
                commandNames(candidates);
                if (command == 0) {
                    candidates.add(new Candidate("exit", "exit", "shell", "Leave the shell (or Ctrl-D)", null, null, true));
                    candidates.add(new Candidate("clear", "clear", "shell", "Clear the screen", null, null, true));
                }
            }
            return;
        }
        words = words.subList(command, words.size());
        index -= command;
        // the parser reads a backslash as an escape: take psql's command from the line as typed
        String raw = line.line().stripLeading();
        String name = command == 0 && raw.startsWith("\\") ? raw.split("\\s+", 2)[0] : words.get(0);
        CommandLine sub = root.getSubcommands().get(PSQL_COMMANDS.getOrDefault(name, name));
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
        if (!current.startsWith("-") && positionalsOpen(spec, words.subList(1, index))) {
            int before = candidates.size();
            arguments(spec.name(), reader, line, candidates);
            if (candidates.size() > before || current.length() > 0 || requiresPositional(spec, words.subList(1, index))) {
                return;
            }
        }
        options(spec, current, words.subList(1, index), candidates);
    }

    /** The command's own options not given yet; the global ones only when the typed prefix asks for them. */
    private static void options(CommandSpec spec, String current, List<String> typed, List<Candidate> candidates) {
        boolean ownMatch = false;
        for (OptionSpec o : spec.options()) {
            if (!o.hidden() && !GLOBAL_OPTIONS.contains(o.longestName()) && o.longestName().startsWith(current)) {
                ownMatch = true;
            }
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            boolean global = GLOBAL_OPTIONS.contains(o.longestName());
            if (global && (ownMatch || current.length() < 3)) {
                continue;
            }
            boolean given = java.util.Arrays.stream(o.names()).anyMatch(typed::contains);
            if (given && !o.isMultiValue()) {
                continue;
            }
            String descr = Descriptions.summary(o.description());
            candidates.add(new Candidate(o.longestName(), o.longestName(), "options", descr.isEmpty() ? null : descr, null, null, true));
        }
    }

    /** Before a command: the options that pick where it goes and how it reports, as they also work after it. */
    private void leadingOptions(List<Candidate> candidates) {
        for (OptionSpec o : root.getCommandSpec().options()) {
            String name = o.longestName();
            if (!o.hidden() && GLOBAL_OPTIONS.contains(name) && !List.of("--help", "--version").contains(name)) {
                String descr = Descriptions.summary(o.description());
                candidates.add(new Candidate(name, name, "options", descr.isEmpty() ? null : descr, null, null, true));
            }
        }
        candidates.add(new Candidate("--json", "--json", "options", "Print the outcome as one JSON object", null, null, true));
    }

    /** Whether another positional argument may follow the words typed after the command. */
    private static boolean positionalsOpen(CommandSpec spec, List<String> typed) {
        int max = spec.positionalParameters().stream().mapToInt(p -> p.arity().max()).sum();
        return spec.positionalParameters().isEmpty() || positionalCount(spec, typed) < max;
    }

    private static boolean requiresPositional(CommandSpec spec, List<String> typed) {
        int min = spec.positionalParameters().stream().mapToInt(p -> p.arity().min()).sum();
        return positionalCount(spec, typed) < min;
    }

    private static int positionalCount(CommandSpec spec, List<String> typed) {
        int n = 0;
        for (int i = 0; i < typed.size(); i++) {
            String w = typed.get(i);
            if (w.startsWith("-")) {
                OptionSpec o = option(spec, w);
                if (o != null && o.arity().max() > 0 && !isFlag(o) && !w.contains("=")) {
                    i++;
                }
            } else {
                n++;
            }
        }
        return n;
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
            String d = Descriptions.summary(s.usageMessage().description());
            candidates.add(new Candidate(e.getKey(), e.getKey(), "commands", d.isEmpty() ? null : d, null, null, true));
        }
    }

    private void optionValues(OptionSpec o, LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Metadata.Snapshot m = metadata.get();
        switch (o.longestName()) {
            case "--env" -> values(m.environments(), "environments", candidates);
            case "--rolled-back", "--retry", "--finish", "--undo" -> values(m.failed(), "failed migrations", candidates);
            case "--applied" -> values(m.notApplied(), "migrations not applied", candidates);
            case "--project", "--dir" -> dirs.complete(reader, line, candidates);
            case "-f" -> files.complete(reader, line, candidates);
            case "--provider" -> values(List.of("postgresql", "mysql"), "providers", candidates);
            case "--from", "--to" -> {
                for (String prefix : List.of("url:", "sql:", "schema:", "migrations:")) {
                    candidates.add(new Candidate(prefix, prefix, "sources", null, null, null, false));
                }
                candidates.add(new Candidate("database", "database", "sources", "the database in use", null, null, true));
                candidates.add(new Candidate("migrations", "migrations", "sources", "what the migrations folder describes", null, null, true));
                candidates.add(new Candidate("schema", "schema", "sources", "schema.prisma", null, null, true));
                candidates.add(new Candidate("empty", "empty", "sources", "an empty schema", null, null, true));
                for (String e : m.environments()) {
                    candidates.add(new Candidate("env:" + e, "env:" + e, "environments", null, null, null, true));
                }
            }
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
            case "show", "lint" -> values(m.migrations(), "migrations", candidates);
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
            if (v.equals(TerminalText.oneLine(v))) { // a name from the database with control characters is never offered raw
                candidates.add(new Candidate(v, v, group, null, null, null, true));
            }
        }
    }
}
