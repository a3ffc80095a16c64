package dev.godwit.shell.command;

import dev.godwit.engine.workflow.PullWorkflow;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Read the database into schema.prisma (Prisma's db pull): models, fields, native types, relations, indexes, enums.",
                "The generator and datasource blocks of the existing file are kept. In a schema folder each model goes back into",
                "its file and new ones into introspected.prisma."})
public final class PullCommand extends SessionCommand {
    @Option(names = "--print", description = "Print the schema instead of writing schema.prisma.")
    boolean print;

    @Override
    protected int run(Session session) {
        PullWorkflow pull = new PullWorkflow(Workflows.workspace(session), Workflows.listener(session));
        PullWorkflow.Pull read = pull.read();
        if (print) {
            session.out().print(read.text());
            return 0;
        }
        pull.write(read);
        return 0;
    }
}
