package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.Unrepresented;
import dev.godwit.engine.schema.Schema;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.ChangeJson;
import dev.godwit.shell.render.ChangeText;
import dev.godwit.shell.render.Json;
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

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two schemas and show what turns the first into the second.",
                "SOURCE: empty | database (the project's) | url:URL | env:NAME | migrations[:DIR] | sql:FILE_OR_DIR | schema[:FILE.prisma].",
                "Migrations and SQL files are replayed into a shadow database and read back."})
public final class DiffCommand extends SessionCommand {
    @Option(names = "--from", paramLabel = "SOURCE", required = true, description = "The schema to start from.")
    String from;

    @Option(names = "--to", paramLabel = "SOURCE", required = true, description = "The schema to arrive at.")
    String to;

    @Option(names = "--script", description = "Print the SQL that turns --from into --to.")
    boolean script;

    @Option(names = "--json", description = "Print the typed changes as JSON.")
    boolean json;

    @Option(names = "--exit-code", description = "Exit 0 when there is no difference, 2 when there are differences, 1 on error.")
    boolean exitCode;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path output;

    @Override
    protected int run(Session session) {
        if (!exitCode) {
            return compare(session);
        }
        try {
            return compare(session);
        } catch (GodwitException e) {
            // --exit-code promises 1 for every error, so that 2 always means "differences".
            session.out().error(e.getMessage(), e.hint());
            return 1;
        }
    }

    private int compare(Session session) {
        DiffSource fromSource = DiffSource.parse(from);
        DiffSource toSource = DiffSource.parse(to);
        SchemaLoader loader = new SchemaLoader(session);
        SchemaLoader.Loaded a = loader.load(fromSource);
        SchemaLoader.Loaded b = loader.load(toSource);
        Provider provider = provider(session, a, b);
        Dialect dialect = Dialect.of(provider);
        String name = a.schema() != null ? a.schema().name() : b.schema() != null ? b.schema().name() : "public";
        // Sides live under different names (a shadow database, another environment); only content counts.
        Schema fromSchema = a.schema() == null ? Schema.empty(name) : a.schema().withName(name);
        Schema toSchema = b.schema() == null ? Schema.empty(name) : b.schema().withName(name);
        // A schema file cannot say everything a database holds (partial and expression indexes, check
        // constraints, UNIQUE constraints rather than unique indexes, …): compared with a database or a
        // history, it leaves those as the other side has them, as plan does.
        if (toSource.kind() == DiffSource.Kind.SCHEMA && fromSource.kind() != DiffSource.Kind.SCHEMA && a.schema() != null) {
            toSchema = Unrepresented.keep(fromSchema, toSchema, provider);
        } else if (fromSource.kind() == DiffSource.Kind.SCHEMA && toSource.kind() != DiffSource.Kind.SCHEMA && b.schema() != null) {
            fromSchema = Unrepresented.keep(toSchema, fromSchema, provider);
        }
        for (String r : Differ.enumReorderings(fromSchema, toSchema)) {
            session.out().note(r + " (an order of values is not a difference godwit plans)");
        }
        List<Change> changes = Differ.diff(fromSchema, toSchema, dialect.diffHooks());
        // a schema file says nothing about triggers, domains and the like: it leaves them as they are, as plan does
        boolean schemaFile = toSource.kind() == DiffSource.Kind.SCHEMA || fromSource.kind() == DiffSource.Kind.SCHEMA;
        List<dev.godwit.engine.diff.NotCompared> notCompared = schemaFile ? List.of()
                : dev.godwit.engine.diff.NotCompared.between(fromSchema, toSchema);
        emit(session, render(changes, notCompared, dialect, a, b));
        if (!notCompared.isEmpty()) {
            // never "no differences" about what was not compared: name it, and count it as a difference
            session.out().warn("not compared (godwit does not model these objects, and they differ; "
                    + (script ? "the script leaves them out" : "compare them by hand") + "):\n  - "
                    + String.join("\n  - ", notCompared.stream().map(dev.godwit.engine.diff.NotCompared::describe).toList()));
        }
        return exitCode && !(changes.isEmpty() && notCompared.isEmpty()) ? 2 : 0;
    }

    private static Provider provider(Session session, SchemaLoader.Loaded a, SchemaLoader.Loaded b) {
        if (a.provider() != null && b.provider() != null && a.provider() != b.provider()) {
            throw new GodwitException(ErrorKind.USAGE, "cannot compare a " + a.provider().prismaName() + " schema with a "
                    + b.provider().prismaName() + " one", "compare schemas of the same kind of database");
        }
        if (a.provider() != null) {
            return a.provider();
        }
        return b.provider() != null ? b.provider() : session.resolvedUrl().url().provider();
    }

    private String render(List<Change> changes, List<dev.godwit.engine.diff.NotCompared> notCompared, Dialect dialect,
                          SchemaLoader.Loaded a, SchemaLoader.Loaded b) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", a.label());
            m.put("to", b.label());
            m.put("differences", changes.size());
            m.put("changes", ChangeJson.changes(changes));
            m.put("script", dialect.ddlWriter().script(changes));
            m.put("notCompared", notCompared.stream().map(n -> Map.of("kind", n.kind(), "name", n.name(), "how", n.how())).toList());
            return Json.write(m) + "\n";
        }
        if (script) {
            String sql = dialect.ddlWriter().script(changes);
            StringBuilder head = new StringBuilder();
            if (!notCompared.isEmpty()) {
                head.append("-- Left out: godwit does not model these objects, which differ between the two sides;\n")
                        .append("-- write their SQL by hand (a column of a domain type fails until the domain exists):\n");
                notCompared.forEach(n -> head.append("--   ").append(n.describe()).append('\n'));
                head.append('\n');
            }
            return head + (sql.isEmpty() ? "-- This is an empty migration.\n" : sql);
        }
        List<String> lines = new ArrayList<>();
        lines.add("From " + a.label() + " to " + b.label() + ": " + (changes.isEmpty() && !notCompared.isEmpty()
                ? "no differences in what godwit compares, but " + notCompared.size() + " object(s) it does not model differ"
                : ChangeText.summary(changes)));
        notCompared.forEach(n -> lines.add("  ? " + n.describe() + ": not compared"));
        lines.addAll(ChangeText.lines(changes));
        return String.join("\n", lines) + "\n";
    }

    private void emit(Session session, String text) {
        if (output == null) {
            session.out().print(text);
            return;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            session.out().note("wrote " + output);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write " + output + ": " + e.getMessage());
        }
    }
}
