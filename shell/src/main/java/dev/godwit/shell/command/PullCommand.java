package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.psl.PslWriter;
import dev.godwit.engine.psl.SchemaFiles;
import dev.godwit.engine.psl.SchemaFolderPull;
import dev.godwit.engine.psl.SourceText;
import dev.godwit.engine.schema.Schema;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Read the database into schema.prisma (Prisma's db pull): models, fields, native types, relations, indexes, enums.",
                "The generator and datasource blocks of the existing file are kept. In a schema folder each model goes back into",
                "its file and new ones into introspected.prisma."})
public final class PullCommand extends SessionCommand {
    private static final Pattern VIEW_BLOCK = Pattern.compile("(?ms)^(?:///[^\n]*\n)*view\\s+\\w+\\s*\\{.*?^\\}");
    private static final Pattern CONFIG_BLOCK = Pattern.compile("(?ms)^(?:generator|datasource)\\s+\\w+\\s*\\{.*?^\\}");

    @Option(names = "--print", description = "Print the schema instead of writing schema.prisma.")
    boolean print;

    @Override
    protected int run(Session session) {
        Schema live = LiveSchema.read(session.target());
        Provider provider = session.resolvedUrl().url().provider();
        Path file = session.project().schemaFile();
        PslWriter.Pulled pulled = PslWriter.pull(live, provider, header(file, provider));
        boolean views = pulled.views();
        // with the views preview, the view blocks come from the database; without it, the file's own stay as they are
        String text = views ? pulled.text() : withViews(file, pulled.text());
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
            return writeFolder(session, file, PslWriter.pull(live, provider, "").text(), pulled);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + file + ": " + e.getMessage());
        }
        if (views) {
            writeViewDefinitions(file.getParent(), pulled.viewFiles());
        }
        String manyToMany = pulled.manyToMany().isEmpty() ? "" : ", " + pulled.manyToMany().size() + " implicit many-to-many relation(s)";
        session.out().println("Wrote " + file + ": " + pulled.models() + " model(s), " + pulled.enums() + " enum(s)" + manyToMany
                + " from " + session.target().display() + ".");
        return 0;
    }

    /** A schema folder: each model back into its file, new ones into introspected.prisma (as Prisma 7 does). */
    private static int writeFolder(Session session, Path folder, String body, PslWriter.Pulled pulled) {
        Map<Path, String> before = new LinkedHashMap<>();
        for (SchemaFiles.File f : SchemaFiles.read(folder)) {
            before.put(Path.of(f.name()), f.text());
        }
        Map<Path, String> after = SchemaFolderPull.spread(before, body, folder);
        try {
            Psl.parse(new SourceText(after.entrySet().stream().map(e -> new SchemaFiles.File(e.getKey().toString(), e.getValue())).toList()));
        } catch (GodwitException e) {
            session.out().warn("the pulled schema does not pass godwit's checks; review it:\n" + e.getMessage());
        }
        List<String> written = new ArrayList<>();
        for (Map.Entry<Path, String> e : after.entrySet()) {
            if (e.getValue().equals(before.get(e.getKey()))) {
                continue;
            }
            try {
                Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + e.getKey() + ": " + ex.getMessage());
            }
            written.add(folder.relativize(e.getKey()) + (before.containsKey(e.getKey()) ? "" : " (new)"));
        }
        String manyToMany = pulled.manyToMany().isEmpty() ? "" : ", " + pulled.manyToMany().size() + " implicit many-to-many relation(s)";
        session.out().println((written.isEmpty() ? "No file changed in " + folder : "Wrote " + String.join(", ", written) + " in " + folder)
                + ": " + pulled.models() + " model(s), " + pulled.enums() + " enum(s)" + manyToMany + " from " + session.target().display() + ".");
        return 0;
    }

    /**
     * As Prisma's introspection with the views preview: each view's SELECT into {@code views/<schema>/<name>.sql} beside
     * the schema (the text as the database prints it; Prisma reformats it).
     */
    private static void writeViewDefinitions(Path dir, Map<String, String> files) {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path out = dir.resolve(f.getKey());
            try {
                Files.createDirectories(out.getParent());
                Files.writeString(out, f.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + out + ": " + e.getMessage());
            }
        }
    }

    /** The file's view blocks follow the pulled models: Prisma Migrate does not manage views, and pull never drops them. */
    private static String withViews(Path file, String text) {
        if (!Files.isRegularFile(file)) {
            return text;
        }
        List<String> views = new ArrayList<>();
        try {
            Matcher m = VIEW_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                views.add(m.group().strip());
            }
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot read " + file + ": " + e.getMessage());
        }
        return views.isEmpty() ? text : text.stripTrailing() + "\n\n" + String.join("\n\n", views) + "\n";
    }

    private static String header(Path file, Provider provider) {
        List<String> blocks = new ArrayList<>();
        if (Files.isRegularFile(file) || Files.isDirectory(file)) {
            try {
                Matcher m = CONFIG_BLOCK.matcher(Files.isDirectory(file) ? SchemaFiles.text(file)
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
