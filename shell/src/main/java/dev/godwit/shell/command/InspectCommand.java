package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.session.Out;
import dev.godwit.shell.render.TableText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.stream.Collectors;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Describe a table like psql's \\d: columns, primary key, indexes, foreign keys.",
                "Without TABLE, list every table."})
public final class InspectCommand extends SessionCommand {
    @Parameters(paramLabel = "TABLE", arity = "0..1", description = "Table name.")
    String table;

    /** Reads the schema the session works in through the dialect's inspector. */
    public static Schema readSchema(Session session) {
        // a refused login or a missing database is a connection error (exit 4), as for every command
        return LiveSchema.read(session.target());
    }

    @Override
    protected int run(Session session) {
        Schema schema = readSchema(session);
        Out out = session.out();
        if (table == null) {
            if (schema.tables().isEmpty()) {
                out.println("No tables in " + schema.name() + " (besides _prisma_migrations).");
                return 0;
            }
            TableText tt = new TableText(List.of("Table", "Columns", "Indexes", "Foreign keys"));
            for (Table t : schema.tables()) {
                tt.row(List.of(t.name(), "" + t.columns().size(), "" + t.indexes().size(), "" + t.foreignKeys().size()));
            }
            out.println("Tables in " + (schema.multiSchema() ? String.join(", ", schema.namespaces()) : schema.name()));
            tt.lines().forEach(out::printlnAsIs);
            return 0;
        }
        Table t = schema.table(table).or(() -> schema.tables().stream().filter(x -> x.name().equalsIgnoreCase(table)).findFirst())
                .orElseThrow(() -> new GodwitException(ErrorKind.USAGE, "no table \"" + table + "\" in " + schema.name(),
                        "tables: " + schema.tables().stream().map(Table::name).collect(Collectors.joining(", "))));
        out.println("Table \"" + schema.name() + "." + t.name() + "\"");
        TableText cols = new TableText(List.of("Column", "Type", "Nullable", "Default"));
        for (Column c : t.columns()) {
            cols.row(List.of(c.name(), c.type().toString(), c.nullable() ? "" : "not null", defaultOf(c)));
        }
        cols.lines().forEach(out::printlnAsIs);
        if (t.primaryKey() != null || !t.indexes().isEmpty()) {
            out.println("Indexes:");
            if (t.primaryKey() != null) {
                out.println("    \"" + t.primaryKey().name() + "\" PRIMARY KEY (" + String.join(", ", t.primaryKey().columns()) + ")");
            }
            for (Index i : t.indexes()) {
                out.println("    \"" + i.name() + "\"" + (i.unique() ? " UNIQUE" : "") + (i.method() != null ? " " + i.method() : "")
                        + " (" + i.parts().stream().map(InspectCommand::part).collect(Collectors.joining(", ")) + ")"
                        + (i.predicate() != null ? " WHERE " + i.predicate() : ""));
            }
        }
        if (!t.foreignKeys().isEmpty()) {
            out.println("Foreign keys:");
            for (ForeignKey f : t.foreignKeys()) {
                out.println("    \"" + f.name() + "\" FOREIGN KEY (" + String.join(", ", f.columns()) + ") REFERENCES \""
                        + f.refTable() + "\"(" + String.join(", ", f.refColumns()) + ")"
                        + (f.onDelete() != null ? " ON DELETE " + f.onDelete().sql() : "")
                        + (f.onUpdate() != null ? " ON UPDATE " + f.onUpdate().sql() : ""));
            }
        }
        List<ForeignKey> incoming = schema.tables().stream().flatMap(o -> o.foreignKeys().stream()
                .filter(f -> f.refTable().equals(t.name()))).toList();
        if (!incoming.isEmpty()) {
            out.println("Referenced by:");
            for (Table o : schema.tables()) {
                for (ForeignKey f : o.foreignKeys()) {
                    if (f.refTable().equals(t.name())) {
                        out.println("    TABLE \"" + o.name() + "\" CONSTRAINT \"" + f.name() + "\" FOREIGN KEY ("
                                + String.join(", ", f.columns()) + ")");
                    }
                }
            }
        }
        return 0;
    }

    private static String defaultOf(Column c) {
        if (c.identity() == Identity.IDENTITY_ALWAYS) {
            return "generated always as identity";
        }
        if (c.identity() == Identity.IDENTITY_BY_DEFAULT) {
            return "generated by default as identity";
        }
        if (c.identity() == Identity.SERIAL) {
            return "serial" + (c.defaultValue() != null ? " (" + c.defaultValue() + ")" : "");
        }
        if (c.identity() == Identity.AUTO_INCREMENT) {
            return "auto_increment";
        }
        if (c.generated() != null) {
            return "generated as (" + c.generated() + ")";
        }
        return c.defaultValue() == null ? "" : c.defaultValue();
    }

    private static String part(IndexPart p) {
        String s = p.isExpression() ? "(" + p.expression() + ")" : p.column();
        if (p.length() != null) {
            s += "(" + p.length() + ")";
        }
        return s + (p.descending() ? " DESC" : "");
    }
}
