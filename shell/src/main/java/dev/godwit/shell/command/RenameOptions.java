package dev.godwit.shell.command;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --rename} for plan, dev and push: what was renamed, for the engine's plan to keep the data of.
 * At a terminal each other likely rename is offered (default no: drop and add); in batch mode a warning
 * names the option that would keep the data.
 */
public final class RenameOptions {
    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = {"Keep the data of a renamed table (OldTable=NewTable), column (Table.old=new) or PostgreSQL enum (Old=New) "
                    + "instead of dropping and adding it; repeatable. Old names as in the database; new ones as in the database "
                    + "or as model and field names."})
    List<String> renames = new ArrayList<>();
}
