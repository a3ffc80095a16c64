package dev.godwit.shell.app;

import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Prompter;
import dev.godwit.shell.session.Session;

import dev.godwit.shell.command.ApplyCommand;
import dev.godwit.shell.command.BaselineCommand;
import dev.godwit.shell.command.DevCommand;
import dev.godwit.shell.command.DiffCommand;
import dev.godwit.shell.command.DownCommand;
import dev.godwit.shell.command.PlanCommand;
import dev.godwit.shell.command.PullCommand;
import dev.godwit.shell.command.PushCommand;
import dev.godwit.shell.command.RebaseCommand;
import dev.godwit.shell.command.ResetCommand;
import dev.godwit.shell.command.DriftCommand;
import dev.godwit.shell.command.InitCommand;
import dev.godwit.shell.command.LintCommand;
import dev.godwit.shell.command.ResolveCommand;
import dev.godwit.shell.command.SeedCommand;
import dev.godwit.shell.command.StatusCommand;
import dev.godwit.shell.command.TimelineCommand;
import dev.godwit.shell.command.UnlockCommand;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.session.CommandRoot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

@Command(name = "godwit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Schema migrations for PostgreSQL and MySQL, compatible with Prisma Migrate.",
        footer = {"", "Exit codes: 0 success, 1 runtime error, 2 usage error, 3 action needed (pending, failed, drift), 4 connection or lock error.",
                "A batch (-c, -f, stdin) stops at the first command that exits non-zero, names the commands it did not run",
                "and exits with that code; --on-error continue runs them all and still exits with the first failure's code.",
                "status's 3 (pending) does not stop a batch when more commands follow: status; apply; status runs all three."})
public final class GodwitCommand implements Runnable, CommandRoot {
    /**
     * The commands, in the order help lists them, each with its name and aliases. They are added
     * to the tree by {@link Main#commandLine}, not listed in the annotation, so that a run of one
     * command builds picocli's model of that command alone: the model of all of them costs a
     * tenth of a short command's start-up.
     */
    static final List<Entry> COMMANDS = List.of(
            new Entry(List.of("status"), StatusCommand::new),
            new Entry(List.of("apply", "deploy"), ApplyCommand::new),
            new Entry(List.of("resolve"), ResolveCommand::new),
            new Entry(List.of("init"), InitCommand::new),
            new Entry(List.of("diff"), DiffCommand::new),
            new Entry(List.of("drift"), DriftCommand::new),
            new Entry(List.of("plan"), PlanCommand::new),
            new Entry(List.of("dev"), DevCommand::new),
            new Entry(List.of("down"), DownCommand::new),
            new Entry(List.of("rebase"), RebaseCommand::new),
            new Entry(List.of("baseline"), BaselineCommand::new),
            new Entry(List.of("reset"), ResetCommand::new),
            new Entry(List.of("seed"), SeedCommand::new),
            new Entry(List.of("push"), PushCommand::new),
            new Entry(List.of("pull"), PullCommand::new),
            new Entry(List.of("timeline"), TimelineCommand::new),
            new Entry(List.of("lint"), LintCommand::new),
            new Entry(List.of("unlock"), UnlockCommand::new));

    /** A command's names (the first is its own, the rest aliases) and how to make it. */
    record Entry(List<String> names, Supplier<Object> make) {
    }

    @Mixin
    GlobalOptions globals = new GlobalOptions();

    @Option(names = "-c", paramLabel = "COMMANDS", description = "Run commands separated by ';' or newlines, then exit.")
    String commands;

    @Option(names = "-f", paramLabel = "FILE", description = "Run the commands in FILE ('-' for stdin), then exit.")
    Path file;

    /** What a batch does after a command that exits non-zero. */
    public enum OnError { STOP, CONTINUE }

    /** The values of --on-error as they are typed (the enum's names are upper case). */
    static final class OnErrorValues implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("stop", "continue").iterator();
        }
    }

    @Option(names = "--on-error", paramLabel = "stop|continue", defaultValue = "stop", completionCandidates = OnErrorValues.class,
            description = {"In -c/-f/stdin batches, after a command exits non-zero: stop (default; the rest is listed as not run)",
                    "or continue. Either way the exit code is the first failure's."})
    OnError onError = OnError.STOP;

    /** The earlier spelling of --on-error continue, kept for scripts that use it. */
    @Option(names = "--continue-on-error", hidden = true)
    boolean continueOnError;

    private final Out out;
    private final Map<String, String> env;
    private Session session;
    private Prompter prompter;

    public GodwitCommand(Out out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    @Override
    public Session session(GlobalOptions local) {
        if (session == null) {
            session = new Session(globals.mergedWith(local), out, env);
            session.setConsole(prompter);
        }
        return session;
    }

    /** Who answers the questions of this run's session in place of the console (tests). */
    public void answerWith(Prompter prompter) {
        this.prompter = prompter;
    }

    /** A session that outlives single commands (batch scripts, the shell). */
    public void useSession(Session shared) {
        this.session = shared;
    }

    @Override
    public Session existingSession() {
        return session;
    }

    @Override
    public GlobalOptions globals() {
        return globals;
    }

    @Override
    public Out out() {
        return out;
    }

    @Override
    public CommandLine freshTree(Out out) {
        return Main.commandLine(new GodwitCommand(out, Map.of()), out);
    }

    @Override
    public void run() {
        // No command: Main decides between the shell and a batch read from stdin.
    }
}
