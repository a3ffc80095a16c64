package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.Provider;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.psl.PslWriter;
import dev.godwit.engine.psl.SchemaFiles;
import dev.godwit.engine.psl.SchemaFolderPull;
import dev.godwit.engine.psl.SourceText;
import dev.godwit.engine.schema.Schema;

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

/**
 * Prisma's {@code db pull}: the database read into schema language ({@link #read}), then written over the
 * project's schema.prisma ({@link #write}), keeping its generator and datasource blocks and its views; in a
 * schema folder each model goes back into its file and new ones into introspected.prisma.
 */
public final class PullWorkflow {
    private static final Pattern VIEW_BLOCK = Pattern.compile("(?ms)^(?:///[^\n]*\n)*view\\s+\\w+\\s*\\{.*?^\\}");
    private static final Pattern CONFIG_BLOCK = Pattern.compile("(?ms)^(?:generator|datasource)\\s+\\w+\\s*\\{.*?^\\}");

    private final Workspace workspace;
    private final Listener listener;

    public PullWorkflow(Workspace workspace, Listener listener) {
        this.workspace = workspace;
        this.listener = listener;
    }

    /** What was read: the schema file's new text, and what the writer found. */
    public record Pull(Path file, String text, Schema live, Provider provider, PslWriter.Pulled pulled) {
    }

    /** Reads the database into schema text; what does not pass godwit's checks or cannot be expressed is told as warnings. */
    public Pull read() {
        Schema live = LiveSchema.read(workspace.target());
        Provider provider = workspace.url().provider();
        Path file = workspace.project().schemaFile();
        PslWriter.Pulled pulled = PslWriter.pull(live, provider, header(file, provider));
        // with the views preview, the view blocks come from the database; without it, the file's own stay as they are
        String text = pulled.views() ? pulled.text() : withViews(file, pulled.text());
        try {
            Psl.parse(file.getFileName().toString(), text);
        } catch (GodwitException e) {
            listener.warn("the pulled schema does not pass godwit's checks; review it:\n" + e.getMessage());
        }
        if (!pulled.unrepresented().isEmpty()) {
            listener.warn("the schema language cannot express these " + pulled.unrepresented().size()
                    + " object(s); plan, dev and push leave them as they are in the database (those of a table are named in a /// comment above its model):\n  - "
                    + String.join("\n  - ", pulled.unrepresented()));
        }
        pulled.notes().forEach(listener::warn);
        return new Pull(file, text, live, provider, pulled);
    }

    /** Writes what {@link #read} returned into the schema file or folder. */
    public void write(Pull pull) {
        Path file = pull.file();
        PslWriter.Pulled pulled = pull.pulled();
        if (Files.isDirectory(file)) {
            // the generator and datasource blocks of the pulled text are left out by the spread: the folder's own stay
            writeFolder(file, pulled.text(), pulled);
            if (pulled.views()) {
                writeViewDefinitions(file, pulled.viewFiles());
            }
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pull.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + file + ": " + e.getMessage());
        }
        if (pulled.views()) {
            writeViewDefinitions(file.getParent(), pulled.viewFiles());
        }
        String manyToMany = pulled.manyToMany().isEmpty() ? "" : ", " + pulled.manyToMany().size() + " implicit many-to-many relation(s)";
        listener.step("Wrote " + file + ": " + pulled.models() + " model(s), " + pulled.enums() + " enum(s)" + manyToMany
                + " from " + workspace.target().display() + ".");
    }

    /**
     * A schema folder: each model back into its file, new ones into introspected.prisma (as Prisma 7 does); with the
     * views preview the view blocks are placed the same way, and their SQL goes to {@code views/} inside the folder,
     * which is Prisma's schema root for a folder.
     */
    private void writeFolder(Path folder, String body, PslWriter.Pulled pulled) {
        Map<Path, String> before = new LinkedHashMap<>();
        for (SchemaFiles.File f : SchemaFiles.read(folder)) {
            before.put(Path.of(f.name()), f.text());
        }
        Map<Path, String> after = SchemaFolderPull.spread(before, body, folder, pulled.views());
        try {
            Psl.parse(new SourceText(after.entrySet().stream().map(e -> new SchemaFiles.File(e.getKey().toString(), e.getValue())).toList()));
        } catch (GodwitException e) {
            listener.warn("the pulled schema does not pass godwit's checks; review it:\n" + e.getMessage());
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
        listener.step((written.isEmpty() ? "No file changed in " + folder : "Wrote " + String.join(", ", written) + " in " + folder)
                + ": " + pulled.models() + " model(s), " + pulled.enums() + " enum(s)" + manyToMany + " from " + workspace.target().display() + ".");
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
