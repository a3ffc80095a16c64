package dev.godwit.shell.command;

import dev.godwit.shell.session.CommandRoot;
import dev.godwit.engine.project.UrlResolver;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.repl.Metadata;
import dev.godwit.shell.repl.ShellCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Hidden entry point for shell completion scripts: {@code godwit __complete -- WORD… CURRENT}
 * prints the values that fit the current word, one per line, with the same completer as the
 * interactive shell (so bash offers only failed migrations after {@code resolve --rolled-back}).
 * Gives up quietly after two seconds when the database does not answer.
 */
@Command(name = "__complete", hidden = true)
public final class CompleteCommand implements Callable<Integer> {
    @ParentCommand
    CommandRoot root;

    @Parameters(paramLabel = "WORD", arity = "0..*")
    List<String> words = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--refresh-cache", description = "Write the project's completion cache (.godwit/complete/) and exit.")
    boolean refreshCache;

    @Override
    public Integer call() {
        if (refreshCache) {
            return refreshCache();
        }
        List<String> line = new ArrayList<>(words);
        if (line.isEmpty()) {
            line.add("");
        }
        GlobalOptions options = root.globals().withTarget(root.globals().projectDir(), root.globals().env(), root.globals().url());
        for (int i = 0; i + 1 < line.size() - 1; i++) {
            String w = line.get(i);
            String v = line.get(i + 1);
            switch (w) {
                case "--project" -> options = options.withTarget(Path.of(v), options.env(), options.url());
                case "--env", "-e" -> options = options.withTarget(options.projectDir(), v, null);
                case "--url" -> options = options.withTarget(options.projectDir(), options.env(), v);
                default -> {
                }
            }
        }
        while (line.size() > 1 && line.get(0).startsWith("-")) {
            boolean takesValue = Set.of("--project", "--env", "-e", "--url", "-c", "-f").contains(line.get(0));
            line.remove(0);
            if (takesValue && line.size() > 1) {
                line.remove(0);
            }
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Out quiet = new Out(nowhere, nowhere, false);
        Set<String> values = new LinkedHashSet<>();
        try (Session session = new Session(options, quiet, System.getenv());
             Metadata metadata = new Metadata(session, !databaseConfigured(session, options))) {
            Metadata.Snapshot snapshot = metadata.refresh(Duration.ofSeconds(2));
            ShellCompleter completer = new ShellCompleter(root.freshTree(quiet), () -> snapshot);
            String text = String.join(" ", line);
            ParsedLine parsed = new DefaultParser().parse(text, text.length(), Parser.ParseContext.COMPLETE);
            List<Candidate> candidates = new ArrayList<>();
            try {
                completer.complete(null, parsed, candidates);
            } catch (RuntimeException e) {
                // file completion needs a line reader; bash completes files itself
            }
            String current = line.get(line.size() - 1);
            for (Candidate c : candidates) {
                if (c.value().startsWith(current)) {
                    values.add(c.value());
                }
            }
        } catch (RuntimeException e) {
            // no project or no database: nothing to offer
        }
        values.forEach(v -> root.out().println(v));
        return 0;
    }

    /** For the shell scripts, in the background: reads the database's state (never starting the embedded server) into the cache. */
    private int refreshCache() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Out quiet = new Out(nowhere, nowhere, false);
        GlobalOptions options = root.globals().withTarget(root.globals().projectDir(), root.globals().env(), root.globals().url());
        try (Session session = new Session(options, quiet, System.getenv());
             Metadata metadata = new Metadata(session, !databaseConfigured(session, options))) {
            metadata.refresh(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            // no project: nothing to remember
        }
        return 0;
    }

    /** Completion never starts the embedded server: without a configured URL it reads the project only. */
    private static boolean databaseConfigured(Session session, GlobalOptions options) {
        try {
            return UrlResolver.resolve(session.project(), options.url(), options.env(), System.getenv()).isPresent();
        } catch (RuntimeException e) {
            return options.url() != null;
        }
    }
}
