package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.dialect.DdlStep;
import dev.godwit.engine.dialect.DdlWriter;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Change.*;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.QualifiedName;
import dev.godwit.engine.schema.Sequence;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL DDL in the layout of Prisma Migrate's scripts. */
public final class PostgresDdl implements DdlWriter {

    private static final List<String> MANY_ENUM_VALUES_NOTE = List.of(
            "-- This migration adds more than one value to an enum.",
            "-- With PostgreSQL versions 11 and earlier, this is not possible",
            "-- in a single migration. This can be worked around by creating",
            "-- multiple migrations, each migration adding only one value to",
            "-- the enum.",
            "", "");

    private final PostgresColumnSql columns = new PostgresColumnSql();

    static String q(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * A table, enum, view or sequence name: {@code "auth"."User"} for a {@link QualifiedName} of a multi-schema
     * model, {@code "User"} otherwise.
     */
    static String qn(String name) {
        String namespace = QualifiedName.namespace(name);
        return namespace == null ? q(name) : q(namespace) + "." + q(QualifiedName.local(name));
    }

    /** An index of a table: it lives in the table's schema. */
    static String qIndex(String table, String index) {
        return qn(QualifiedName.of(QualifiedName.namespace(table), index));
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String list(List<String> names, String separator) {
        return names.stream().map(PostgresDdl::q).collect(Collectors.joining(separator));
    }

    @Override
    public List<DdlStep> steps(List<Change> changes) {
        List<DdlStep> steps = new ArrayList<>();
        for (List<Change> group : DdlWriter.group(changes)) {
            Change first = group.get(0);
            if (first instanceof TableAlteration a) {
                steps.add(new DdlStep("AlterTable", List.of(), columns.alterTable(a.tableName(), group), group));
            } else if (first instanceof AddEnumValue) {
                List<String> sql = group.stream().map(c -> addEnumValue((AddEnumValue) c)).toList();
                steps.add(new DdlStep("AlterEnum", group.size() > 1 ? MANY_ENUM_VALUES_NOTE : List.of(), sql, group));
            } else {
                steps.add(single(first));
            }
        }
        return steps;
    }

    private DdlStep single(Change change) {
        if (change instanceof CreateSchema c) {
            return step("CreateSchema", change, List.of("CREATE SCHEMA IF NOT EXISTS " + q(c.name()) + ";"));
        }
        if (change instanceof CreateTable c) {
            return step("CreateTable", change, createTable(c.definition()));
        }
        if (change instanceof DropTable d) {
            return step("DropTable", change, List.of("DROP TABLE " + qn(d.definition().name()) + ";"));
        }
        if (change instanceof AddIndex a) {
            return step("CreateIndex", change, List.of(createIndex(a.tableName(), a.index())));
        }
        if (change instanceof DropIndex d) {
            return step("DropIndex", change, List.of(d.index().constraint()
                    ? "ALTER TABLE " + qn(d.tableName()) + " DROP CONSTRAINT " + q(d.index().name()) + ";"
                    : "DROP INDEX " + qIndex(d.tableName(), d.index().name()) + ";"));
        }
        if (change instanceof AddForeignKey a) {
            return step("AddForeignKey", change, List.of("ALTER TABLE " + qn(a.tableName()) + " ADD CONSTRAINT "
                    + q(a.foreignKey().name()) + " " + foreignKey(a.foreignKey()) + ";"));
        }
        if (change instanceof DropForeignKey d) {
            return step("DropForeignKey", change, List.of("ALTER TABLE " + qn(d.tableName())
                    + " DROP CONSTRAINT " + q(d.foreignKey().name()) + ";"));
        }
        if (change instanceof CreateEnum c) {
            return step("CreateEnum", change, List.of("CREATE TYPE " + qn(c.enumType().name()) + " AS ENUM ("
                    + c.enumType().values().stream().map(PostgresDdl::literal).collect(Collectors.joining(", ")) + ");"));
        }
        if (change instanceof DropEnum d) {
            return step("DropEnum", change, List.of("DROP TYPE " + qn(d.enumType().name()) + ";"));
        }
        if (change instanceof RecreateEnum r) {
            return step("AlterEnum", change, PostgresEnumRecreation.statements(r, columns));
        }
        if (change instanceof CreateView c) {
            return step("CreateView", change, List.of(createView(c.view())));
        }
        if (change instanceof DropView d) {
            return step("DropView", change, List.of("DROP " + (d.view().materialized() ? "MATERIALIZED " : "")
                    + "VIEW " + qn(d.view().name()) + ";"));
        }
        if (change instanceof CreateSequence c) {
            return step("CreateSequence", change, List.of("CREATE SEQUENCE " + qn(c.sequence().name())
                    + sequenceOptions(c.sequence()) + ";"));
        }
        if (change instanceof AlterSequence a) {
            return step("AlterSequence", change, List.of("ALTER SEQUENCE " + qn(a.to().name())
                    + sequenceOptions(a.to()) + ";"));
        }
        if (change instanceof DropSequence d) {
            return step("DropSequence", change, List.of("DROP SEQUENCE " + qn(d.sequence().name()) + ";"));
        }
        if (change instanceof AddEnumValue a) {
            return step("AlterEnum", change, List.of(addEnumValue(a)));
        }
        if (change instanceof RenameTable r) {
            return step("RenameTable", change, PostgresRenames.table(r));
        }
        if (change instanceof RenameColumn r) {
            return step("RenameColumn", change, PostgresRenames.column(r));
        }
        if (change instanceof RenameIndex r) {
            return step("RenameIndex", change, List.of("ALTER INDEX " + qIndex(r.tableName(), r.from()) + " RENAME TO " + q(r.to()) + ";"));
        }
        if (change instanceof RenamePrimaryKey r) {
            return step("RenamePrimaryKey", change, List.of("ALTER TABLE " + qn(r.tableName()) + " RENAME CONSTRAINT "
                    + q(r.from()) + " TO " + q(r.to()) + ";"));
        }
        if (change instanceof RenameForeignKey r) {
            return step("RenameForeignKey", change, List.of("ALTER TABLE " + qn(r.tableName()) + " RENAME CONSTRAINT "
                    + q(r.foreignKey().name()) + " TO " + q(r.to()) + ";"));
        }
        if (change instanceof RenameEnum r) {
            return step("RenameEnum", change, List.of("ALTER TYPE " + qn(r.from()) + " RENAME TO " + q(QualifiedName.local(r.to())) + ";"));
        }
        if (change instanceof TableAlteration a) {
            return step("AlterTable", change, columns.alterTable(a.tableName(), List.of(change)));
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    private static DdlStep step(String header, Change change, List<String> sql) {
        return new DdlStep(header, List.of(), sql, List.of(change));
    }

    private List<String> createTable(Table t) {
        List<String> lines = new ArrayList<>();
        t.columns().forEach(c -> lines.add("    " + columns.definition(t.name(), c)));
        List<String> constraints = new ArrayList<>();
        if (t.primaryKey() != null) {
            constraints.add("    CONSTRAINT " + q(t.primaryKey().name()) + " PRIMARY KEY (" + list(t.primaryKey().columns(), ",") + ")");
        }
        t.checks().forEach(k -> constraints.add("    CONSTRAINT " + q(k.name()) + " CHECK (" + k.expression() + ")"));
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(qn(t.name())).append(" (\n");
        sb.append(String.join(",\n", lines));
        if (!constraints.isEmpty()) {
            sb.append(",\n\n").append(String.join(",\n", constraints));
        }
        sb.append("\n);");
        List<String> out = new ArrayList<>();
        out.add(sb.toString());
        if (t.comment() != null) {
            out.add("COMMENT ON TABLE " + qn(t.name()) + " IS " + literal(t.comment()) + ";");
        }
        t.columns().stream().filter(c -> c.comment() != null).forEach(c -> out.add(
                "COMMENT ON COLUMN " + qn(t.name()) + "." + q(c.name()) + " IS " + literal(c.comment()) + ";"));
        return out;
    }

    static String createIndex(String table, Index i) {
        if (i.constraint()) {
            return "ALTER TABLE " + qn(table) + " ADD CONSTRAINT " + q(i.name()) + " UNIQUE (" + list(i.columnNames(), ", ") + ")"
                    + (i.include().isEmpty() ? "" : " INCLUDE (" + list(i.include(), ", ") + ")") + ";";
        }
        StringBuilder sb = new StringBuilder("CREATE ");
        if (i.unique()) {
            sb.append("UNIQUE ");
        }
        sb.append("INDEX ").append(q(i.name())).append(" ON ").append(qn(table));
        if (!"btree".equals(i.method())) {
            sb.append(" USING ").append(i.method().toUpperCase(java.util.Locale.ROOT)).append(' ');
        }
        sb.append('(').append(i.parts().stream().map(PostgresDdl::indexPart).collect(Collectors.joining(", "))).append(')');
        if (!i.include().isEmpty()) {
            sb.append(" INCLUDE (").append(list(i.include(), ", ")).append(')');
        }
        if (i.predicate() != null) {
            sb.append(" WHERE ").append(i.predicate());
        }
        return sb.append(';').toString();
    }

    private static String indexPart(IndexPart p) {
        StringBuilder sb = new StringBuilder(p.isExpression() ? "(" + p.expression() + ")" : q(p.column()));
        if (p.opclass() != null) {
            sb.append(' ').append(p.opclass());
        }
        if (p.descending()) {
            sb.append(" DESC");
        }
        if (p.nulls() != null) {
            sb.append(" NULLS ").append(p.nulls());
        }
        return sb.toString();
    }

    static String foreignKey(ForeignKey fk) {
        String sql = "FOREIGN KEY (" + list(fk.columns(), ", ") + ") REFERENCES " + qn(fk.refTable()) + "(" + list(fk.refColumns(), ", ")
                + ") ON DELETE " + fk.onDelete().sql() + " ON UPDATE " + fk.onUpdate().sql();
        return switch (fk.deferrable()) {
            case NOT -> sql;
            case IMMEDIATE -> sql + " DEFERRABLE INITIALLY IMMEDIATE";
            case DEFERRED -> sql + " DEFERRABLE INITIALLY DEFERRED";
        };
    }

    private static String addEnumValue(AddEnumValue a) {
        String sql = "ALTER TYPE " + qn(a.enumName()) + " ADD VALUE " + literal(a.value());
        return switch (a.position()) {
            case END -> sql + ";";
            case BEFORE -> sql + " BEFORE " + literal(a.neighbour()) + ";";
            case AFTER -> sql + " AFTER " + literal(a.neighbour()) + ";";
        };
    }

    private static String createView(View v) {
        String def = v.definition().strip();
        if (def.endsWith(";")) {
            def = def.substring(0, def.length() - 1);
        }
        return "CREATE " + (v.materialized() ? "MATERIALIZED " : "") + "VIEW " + qn(v.name()) + " AS\n" + def + ";";
    }

    private static String sequenceOptions(Sequence s) {
        return " AS " + s.type() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max()
                + " START WITH " + s.start() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }
}
