package dev.godwit.shell.command;

import picocli.CommandLine;

/** The commands made for the shell, which also run from -c, -f and stdin (and as `godwit COMMAND`). */
public final class ShellCommands {
    private ShellCommands() {
    }

    /** The names, in the order `help` lists them. */
    public static void addTo(CommandLine cli) {
        cli.addSubcommand(new ShowCommand());
        cli.addSubcommand(new HistoryCommand());
        cli.addSubcommand(new InspectCommand());
        cli.addSubcommand(new SqlCommand());
        cli.addSubcommand(new ConnectCommand());
        cli.addSubcommand(new UseCommand());
        cli.addSubcommand(new EnvsCommand());
        cli.addSubcommand(new ProjectCommand());
        cli.addSubcommand(new RefreshCommand());
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        cli.addSubcommand(new CompleteCommand());
    }
}
