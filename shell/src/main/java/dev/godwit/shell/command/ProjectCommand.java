package dev.godwit.shell.command;

import dev.godwit.engine.project.Project;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Switch to another project folder (one with prisma/schema.prisma), and its default environment.")
public final class ProjectCommand extends SessionCommand {
    @Parameters(paramLabel = "DIR", description = "Project folder.")
    Path dir;

    @Override
    protected int run(Session session) {
        Project p = Project.open(dir.toAbsolutePath().normalize());
        Switching.switchTo(session, session.options().withTarget(p.root(), null, null), "Project " + p.root() + ", database");
        return 0;
    }
}
