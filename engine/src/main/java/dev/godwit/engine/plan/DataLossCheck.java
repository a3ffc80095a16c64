package dev.godwit.engine.plan;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prisma's data-loss checks, with live counts from the target database: rows of dropped
 * tables, values of dropped or cast columns, NULLs in columns made required, rows of tables
 * that get a required column without default. Tables missing from the database (pending
 * migrations) count as empty.
 */
public final class DataLossCheck {
    private final Target target;
    private final Dialect dialect;
    /** Changes after a rename use the new names; the database (and {@code current}) still has the old ones. */
    private final Renames renames;

    private DataLossCheck(Target target, Renames renames) {
        this.target = target;
        this.dialect = target == null ? null : target.dialect();
        this.renames = renames;
    }

    /** {@code current} is the schema the changes start from; {@code target} may be null (no counts: everything counts as holding data). */
    public static List<Finding> check(List<Change> changes, Schema current, Target target) {
        return check(changes, current, target, Renames.none());
    }

    /** As {@link #check(List, Schema, Target)}, for changes planned with {@code renames} (which lose nothing themselves). */
    public static List<Finding> check(List<Change> changes, Schema current, Target target, Renames renames) {
        return checkEach(changes, current, target, renames).stream().flatMap(List::stream).toList();
    }

    /** As {@link #check(List, Schema, Target, Renames)}, the findings of each change apart: one list per change, in order. */
    public static List<List<Finding>> checkEach(List<Change> changes, Schema current, Target target, Renames renames) {
        if (target == null) {
            return new DataLossCheck(null, renames).run(changes, current, null);
        }
        try (Connection c = target.dataSource().getConnection()) {
            c.setAutoCommit(true);
            target.dialect().prepareSession(c, target.schema());
            return new DataLossCheck(target, renames).run(changes, current, c);
        } catch (SQLException e) {
            throw target.dialect().connectionFailure(e, target.display());
        }
    }

    private List<List<Finding>> run(List<Change> changes, Schema current, Connection c) {
        List<List<Finding>> each = new ArrayList<>();
        Set<String> pkTables = new HashSet<>();
        // Looked up once per change: a set, not Schema.table's scan, or a plan adding unique indexes
        // to a schema of thousands of tables costs changes × tables.
        Set<String> existing = current.tables().stream().map(Table::name).collect(Collectors.toCollection(HashSet::new));
        for (Change ch : changes) {
            List<Finding> out = new ArrayList<>();
            each.add(out);
            if (ch instanceof Change.DropTable d) {
                long rows = count(c, "SELECT COUNT(*) FROM " + table(d.definition().name()));
                if (rows > 0) {
                    out.add(Finding.warning("You are about to drop the `" + d.definition().name() + "` table, which is not empty ("
                            + rows + " row" + (rows == 1 ? "" : "s") + ")."));
                }
            } else if (ch instanceof Change.DropColumn d) {
                // after a rename the dropped column has its new name in the plan and its old one in the database
                long n = count(c, "SELECT COUNT(" + q(renames.originalColumn(d.tableName(), d.column().name())) + ") FROM " + table(d.tableName()));
                if (n > 0) {
                    out.add(Finding.warning("You are about to drop the column `" + d.column().name() + "` on the `" + d.tableName()
                            + "` table, which still contains " + n + " non-null value" + (n == 1 ? "" : "s") + "."));
                }
            } else if (ch instanceof Change.AddColumn a) {
                if (a.destructive()) {
                    long rows = count(c, "SELECT COUNT(*) FROM " + table(a.tableName()));
                    out.add(Finding.unexecutable("Added the required column `" + a.column().name() + "` to the `" + a.tableName()
                            + "` table without a default value. This is not possible if the table is not empty.", rows > 0));
                }
            } else if (ch instanceof Change.AlterColumn a) {
                alter(a, c, out);
            } else if (ch instanceof Change.AddIndex a) {
                if (a.index().unique() && existing.contains(renames.originalTable(a.tableName()))) {
                    String cols = a.index().parts().stream().map(p -> p.column() != null ? p.column() : p.expression())
                            .collect(Collectors.joining(","));
                    out.add(Finding.warning("A unique constraint covering the columns `[" + cols + "]` on the table `" + a.tableName()
                            + "` will be added. If there are existing duplicate values, this will fail."));
                }
            } else if (ch instanceof Change.AddPrimaryKey p) {
                primaryKey(p.tableName(), existing, pkTables, out);
            } else if (ch instanceof Change.DropPrimaryKey p) {
                primaryKey(p.tableName(), existing, pkTables, out);
            } else if (ch instanceof Change.RecreateEnum r) {
                List<String> removed = r.from().values().stream().filter(v -> !r.to().values().contains(v)).toList();
                if (!removed.isEmpty()) {
                    out.add(Finding.warning("The values [" + String.join(",", removed) + "] on the enum `" + r.from().name()
                            + "` will be removed. If these variants are still used in the database, this will fail."));
                }
            }
        }
        return each;
    }

    private void alter(Change.AlterColumn a, Connection c, List<Finding> out) {
        String col = a.to().name();
        String oldCol = q(renames.originalColumn(a.tableName(), col));
        if (a.aspects().contains(Change.Aspect.TYPE)) {
            List<String> removed = a.from().type().enumValues().stream().filter(v -> !a.to().type().enumValues().contains(v)).toList();
            long n = count(c, "SELECT COUNT(" + oldCol + ") FROM " + table(a.tableName()));
            if (!a.from().type().enumValues().isEmpty() && !removed.isEmpty()) {
                out.add(Finding.warning("The values [" + String.join(",", removed) + "] on the enum `" + a.tableName() + "_" + col
                        + "` will be removed. If these variants are still used in the database, this will fail."));
            } else if (n > 0) {
                out.add(Finding.warning("You are about to alter the column `" + col + "` on the `" + a.tableName() + "` table, which contains "
                        + n + " non-null value" + (n == 1 ? "" : "s") + ". The data in that column will be cast from `" + a.from().type()
                        + "` to `" + a.to().type() + "`."));
            }
        }
        if (a.aspects().contains(Change.Aspect.NULLABILITY) && !a.to().nullable()) {
            long nulls = count(c, "SELECT COUNT(*) FROM " + table(a.tableName()) + " WHERE " + oldCol + " IS NULL");
            if (nulls > 0) {
                out.add(Finding.unexecutable("Made the column `" + col + "` on table `" + a.tableName() + "` required, but there are "
                        + nulls + " existing NULL value" + (nulls == 1 ? "" : "s") + ".", true));
            }
        }
    }

    private void primaryKey(String table, Set<String> existing, Set<String> seen, List<Finding> out) {
        if (existing.contains(renames.originalTable(table)) && seen.add(table)) {
            out.add(Finding.warning("The primary key for the `" + table
                    + "` table will be changed. If it partially fails, the table could be left without primary key constraint."));
        }
    }

    /** A table as the database names it now, quoted. */
    private String table(String name) {
        String original = renames.originalTable(name);
        return dialect == null ? original : dialect.quoteTable(original);
    }

    private String q(String ident) {
        return dialect == null ? ident : dialect.quote(ident);
    }

    /**
     * The count, or 1 ("holds data") when it cannot be known: without a database, or when the query
     * fails for any reason other than the table or column not being there yet (pending migrations
     * create them, and a table that does not exist holds nothing). A warning too many is better than
     * a silent loss.
     */
    private static long count(Connection c, String sql) {
        if (c == null) {
            return 1;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return notThereYet(e) ? 0 : 1;
        }
    }

    /** PostgreSQL 42P01/42703, MySQL 1146/1054: no such table or column. */
    private static boolean notThereYet(SQLException e) {
        String state = e.getSQLState();
        return "42P01".equals(state) || "42703".equals(state) || e.getErrorCode() == 1146 || e.getErrorCode() == 1054;
    }
}
