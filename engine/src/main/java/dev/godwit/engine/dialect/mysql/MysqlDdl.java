package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.dialect.DdlStep;
import dev.godwit.engine.dialect.DdlWriter;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Change.*;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MySQL/MariaDB DDL in the layout of Prisma Migrate's scripts. Enums are column types here,
 * so enum changes arrive as column type changes; sequences do not exist.
 */
public final class MysqlDdl implements DdlWriter {

    static String q(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    private static String list(List<String> names) {
        return names.stream().map(MysqlDdl::q).collect(Collectors.joining(", "));
    }

    @Override
    public List<DdlStep> steps(List<Change> changes) {
        List<DdlStep> steps = new ArrayList<>();
        for (List<Change> group : DdlWriter.group(changes)) {
            Change first = group.get(0);
            if (first instanceof TableAlteration a) {
                steps.add(new DdlStep("AlterTable", List.of(), List.of(alterTable(a.tableName(), group)), group));
            } else {
                steps.add(single(first));
            }
        }
        return steps;
    }

    private DdlStep single(Change change) {
        if (change instanceof CreateTable c) {
            return step("CreateTable", change, createTable(c.definition()));
        }
        if (change instanceof DropTable d) {
            return step("DropTable", change, "DROP TABLE " + q(d.definition().name()) + ";");
        }
        if (change instanceof AddIndex a) {
            return step("CreateIndex", change, createIndex(a.tableName(), a.index()));
        }
        if (change instanceof DropIndex d) {
            return step("DropIndex", change, "DROP INDEX " + q(d.index().name()) + " ON " + q(d.tableName()) + ";");
        }
        if (change instanceof AddForeignKey a) {
            return step("AddForeignKey", change, "ALTER TABLE " + q(a.tableName()) + " ADD CONSTRAINT " + q(a.foreignKey().name())
                    + " " + foreignKey(a.foreignKey()) + ";");
        }
        if (change instanceof DropForeignKey d) {
            return step("DropForeignKey", change, "ALTER TABLE " + q(d.tableName()) + " DROP FOREIGN KEY " + q(d.foreignKey().name()) + ";");
        }
        if (change instanceof CreateView c) {
            return step("CreateView", change, "CREATE VIEW " + q(c.view().name()) + " AS " + c.view().definition() + ";");
        }
        if (change instanceof DropView d) {
            return step("DropView", change, "DROP VIEW " + q(d.view().name()) + ";");
        }
        if (change instanceof RenameTable r) {
            return step("RenameTable", change, "RENAME TABLE " + q(r.definition().name()) + " TO " + q(r.to()) + ";");
        }
        if (change instanceof RenameColumn r) {
            return step("RenameColumn", change, "ALTER TABLE " + q(r.tableName()) + " RENAME COLUMN " + q(r.column().name())
                    + " TO " + q(r.to()) + ";");
        }
        if (change instanceof RenameIndex r) {
            return step("RenameIndex", change, "ALTER TABLE " + q(r.tableName()) + " RENAME INDEX " + q(r.from()) + " TO " + q(r.to()) + ";");
        }
        if (change instanceof RenameForeignKey r) {
            // A foreign key cannot be renamed in place here: it is dropped and added under the new name (its index stays).
            ForeignKey fk = r.foreignKey();
            return new DdlStep("RenameForeignKey", List.of(), List.of(
                    "ALTER TABLE " + q(r.tableName()) + " DROP FOREIGN KEY " + q(fk.name()) + ";",
                    "ALTER TABLE " + q(r.tableName()) + " ADD CONSTRAINT " + q(r.to()) + " " + foreignKey(fk) + ";"), List.of(change));
        }
        throw new IllegalArgumentException("MySQL has no DDL for " + change.getClass().getSimpleName()
                + " (enum types, sequences and named primary keys are PostgreSQL objects)");
    }

    private static DdlStep step(String header, Change change, String sql) {
        return new DdlStep(header, List.of(), List.of(sql), List.of(change));
    }

    /** {@code `name` TYPE [COLLATE] [AS (…) STORED] NOT NULL|NULL [DEFAULT …] [ON UPDATE …] [AUTO_INCREMENT] [COMMENT]}. */
    static String definition(Column c) {
        StringBuilder sb = new StringBuilder(q(c.name())).append(' ').append(MysqlTypes.render(c.type()));
        if (c.collation() != null) {
            sb.append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            // MariaDB takes no NULL/NOT NULL on a generated column
            sb.append(" AS (").append(c.generated()).append(") ").append(c.attributes().getOrDefault("generated", "VIRTUAL"));
        } else {
            sb.append(c.nullable() ? " NULL" : " NOT NULL");
        }
        if (c.defaultValue() != null) {
            sb.append(" DEFAULT ").append(MysqlTypes.renderDefault(c.defaultValue()));
        }
        if (c.attributes().containsKey("on_update")) {
            sb.append(" ON UPDATE ").append(c.attributes().get("on_update"));
        }
        if (c.identity() == Identity.AUTO_INCREMENT) {
            sb.append(" AUTO_INCREMENT");
        }
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(MysqlTypes.literal(c.comment()));
        }
        return sb.toString();
    }

    private static String createTable(Table t) {
        List<String> lines = new ArrayList<>();
        t.columns().forEach(c -> lines.add("    " + definition(c)));
        List<String> constraints = new ArrayList<>();
        if (t.primaryKey() != null) {
            constraints.add("    PRIMARY KEY (" + list(t.primaryKey().columns()) + ")");
        }
        t.checks().forEach(k -> constraints.add("    CONSTRAINT " + q(k.name()) + " CHECK (" + k.expression() + ")"));
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(q(t.name())).append(" (\n").append(String.join(",\n", lines));
        if (!constraints.isEmpty()) {
            sb.append(",\n\n").append(String.join(",\n", constraints));
        }
        sb.append("\n)");
        String engine = t.attributes().get("engine");
        if (engine != null) {
            sb.append(" ENGINE = ").append(engine);
        }
        String collation = t.attributes().get("collation");
        if (collation != null) {
            sb.append(" DEFAULT CHARACTER SET ").append(collation, 0, collation.indexOf('_') > 0 ? collation.indexOf('_') : collation.length())
                    .append(" COLLATE ").append(collation);
        }
        if (t.comment() != null) {
            sb.append(" COMMENT ").append(MysqlTypes.literal(t.comment()));
        }
        return sb.append(';').toString();
    }

    private static String createIndex(String table, Index i) {
        String kind = i.unique() ? "UNIQUE " : switch (i.method()) {
            case "fulltext" -> "FULLTEXT ";
            case "spatial" -> "SPATIAL ";
            default -> "";
        };
        String parts = i.parts().stream().map(MysqlDdl::indexPart).collect(Collectors.joining(", "));
        String using = i.method().equals("hash") ? " USING HASH" : "";
        return "CREATE " + kind + "INDEX " + q(i.name()) + " ON " + q(table) + "(" + parts + ")" + using + ";";
    }

    private static String indexPart(IndexPart p) {
        String s = p.isExpression() ? "(" + p.expression() + ")" : q(p.column());
        if (p.length() != null) {
            s += "(" + p.length() + ")";
        }
        return p.descending() ? s + " DESC" : s;
    }

    private static String foreignKey(ForeignKey fk) {
        return "FOREIGN KEY (" + list(fk.columns()) + ") REFERENCES " + q(fk.refTable()) + "(" + list(fk.refColumns())
                + ") ON DELETE " + fk.onDelete().sql() + " ON UPDATE " + fk.onUpdate().sql();
    }

    private static String alterTable(String table, List<Change> changes) {
        List<String> clauses = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof DropColumn d) {
                clauses.add("DROP COLUMN " + q(d.column().name()));
            } else if (change instanceof AddColumn a) {
                clauses.add("ADD COLUMN " + definition(a.column()));
            } else if (change instanceof AlterColumn a) {
                clauses.add("MODIFY " + definition(a.to()));
            } else if (change instanceof DropPrimaryKey) {
                clauses.add("DROP PRIMARY KEY");
            } else if (change instanceof AddPrimaryKey a) {
                clauses.add("ADD PRIMARY KEY (" + list(a.primaryKey().columns()) + ")");
            } else if (change instanceof DropCheck d) {
                clauses.add("DROP CONSTRAINT " + q(d.check().name()));
            } else if (change instanceof AddCheck a) {
                clauses.add("ADD CONSTRAINT " + q(a.check().name()) + " CHECK (" + a.check().expression() + ")");
            } else if (change instanceof SetTableComment s) {
                clauses.add("COMMENT = " + MysqlTypes.literal(s.to() == null ? "" : s.to()));
            } else {
                throw new IllegalArgumentException("not a table alteration: " + change);
            }
        }
        return "ALTER TABLE " + q(table) + " " + String.join(",\n    ", clauses) + ";";
    }
}
