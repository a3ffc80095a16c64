package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.psl.PslWriter;
import dev.godwit.engine.schema.Schema;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Read the database into schema.prisma (Prisma's db pull): models, fields, native types, relations, indexes, enums.",
                "The generator and datasource blocks of the existing file are kept."})
public final class PullCommand extends SessionCommand {
    private static final Pattern CONFIG_BLOCK = Pattern.compile("(?ms)^(?:generator|datasource)\\s+\\w+\\s*\\{.*?^\\}");

    @Option(names = "--print", description = "Print the schema instead of writing schema.prisma.")
    boolean print;

    @Override
    protected int run(Session session) {
        Schema live = LiveSchema.read(session.target());
        Provider provider = session.resolvedUrl().url().provider();
        Path file = session.project().schemaFile();
        PslWriter.Pulled pulled = PslWriter.pull(live, provider, header(file, provider));
        String text = pulled.text();
        try {
            Psl.parse(file.getFileName().toString(), text);
        } catch (GodwitException e) {
            session.out().warn("the pulled schema does not pass godwit's checks; review it:\n" + e.getMessage());
        }
        if (!pulled.unrepresented().isEmpty()) {
            session.out().warn("the schema language cannot express these " + pulled.unrepresented().size()
                    + " object(s); plan, dev and push leave them as they are in the database (those of a table are named in a /// comment above its model):\n  - "
                    + String.join("\n  - ", pulled.unrepresented()));
        }
        pulled.notes().forEach(session.out()::warn);
        if (print) {
            session.out().print(text);
            return 0;
        }
        if (Files.isDirectory(file)) {
            throw new GodwitException(ErrorKind.USAGE, "the schema is a folder of .prisma files (" + file + "): pull does not spread models over files",
                    "run `godwit pull --print` and put the models where they belong");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + file + ": " + e.getMessage());
        }
        String manyToMany = pulled.manyToMany().isEmpty() ? "" : ", " + pulled.manyToMany().size() + " implicit many-to-many relation(s)";
        session.out().println("Wrote " + file + ": " + pulled.models() + " model(s), " + pulled.enums() + " enum(s)" + manyToMany
                + " from " + session.target().display() + ".");
        return 0;
    }

    private static String header(Path file, Provider provider) {
        List<String> blocks = new ArrayList<>();
        if (Files.isRegularFile(file) || Files.isDirectory(file)) {
            try {
                Matcher m = CONFIG_BLOCK.matcher(Files.isDirectory(file) ? dev.godwit.engine.psl.SchemaFiles.text(file)
                        : Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    blocks.add(m.group());
                }
            } catch (IOException e) {
                throw new GodwitException(ErrorKind.RUNTIME, "cannot read " + file + ": " + e.getMessage());
            }
        }
        if (blocks.stream().noneMatch(b -> b.startsWith("datasource"))) {
            blocks.add("datasource db {\n  provider = \"" + provider.prismaName() + "\"\n}");
        }
        return String.join("\n\n", blocks);
    }
}
