package dev.godwit.engine.plan;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.DiffHooks;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.schema.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A new migration: the changes from the schema the history describes to the desired one, its
 * data-loss findings, the {@code migration.sql} text (findings as Prisma's comment block, then
 * the steps) and the {@code down.sql} text that undoes it.
 */
public record Plan(List<Change> changes, List<Finding> findings, String script, String downScript) {
    public Plan {
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
    }

    /** {@code countsFrom}: the database whose rows the data-loss checks count (null: assume every table holds data). */
    public static Plan build(Schema current, Schema desired, Dialect dialect, Target countsFrom) {
        return build(current, desired, Renames.none(), dialect, countsFrom);
    }

    /** With {@code renames}: renamed things keep their data, and down.sql renames them back. */
    public static Plan build(Schema current, Schema desired, Renames renames, Dialect dialect, Target countsFrom) {
        return build(current, desired, renames, dialect, dialect.diffHooks(), countsFrom);
    }

    /** With the differ's {@code hooks} given (e.g. {@link DiffHooks#reorderingEnums} of the dialect's). */
    public static Plan build(Schema current, Schema desired, Renames renames, Dialect dialect, DiffHooks hooks, Target countsFrom) {
        Schema from = current.withName(desired.name());
        List<Change> changes = renames.diff(from, desired, hooks);
        if (changes.isEmpty()) {
            return new Plan(List.of(), List.of(), "", "");
        }
        List<Finding> findings = DataLossCheck.check(changes, from, countsFrom, renames);
        String body = dialect.ddlWriter().script(changes);
        List<Change> back = renames.inverse().diff(desired, from, hooks);
        String down = header("Warnings", lost(changes)) + dialect.ddlWriter().script(back);
        return new Plan(changes, findings, header("Warnings", findings.stream().map(Finding::message).toList()) + body, down);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).toList();
    }

    /** Unexecutable steps that fail on the rows the database holds now. */
    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocking).toList();
    }

    /** Prisma's comment block: {@code /*}, {@code   Warnings:}, a blank line, one {@code   - } line each, a blank line, the closing line. */
    static String header(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("/*\n  ").append(title).append(":\n\n");
        lines.forEach(l -> sb.append("  - ").append(l).append('\n'));
        return sb.append("\n*/\n").toString();
    }

    /** What running down.sql after migration.sql cannot bring back. */
    private static List<String> lost(List<Change> up) {
        List<String> out = new ArrayList<>();
        for (Change c : up) {
            if (c instanceof Change.DropTable d) {
                out.add("The `" + d.definition().name() + "` table is re-created empty: its rows, dropped by migration.sql, cannot be restored.");
            } else if (c instanceof Change.DropColumn d) {
                out.add("The column `" + d.column().name() + "` on the `" + d.tableName()
                        + "` table is re-created empty: its values, dropped by migration.sql, cannot be restored.");
            } else if (c instanceof Change.AlterColumn a && a.aspects().contains(Change.Aspect.TYPE)) {
                out.add("The column `" + a.to().name() + "` on the `" + a.tableName() + "` table is cast back from `" + a.to().type()
                        + "` to `" + a.from().type() + "`: values changed by the first cast are not restored.");
            } else if (c instanceof Change.RecreateEnum r && r.destructive()) {
                out.add("The enum `" + r.from().name() + "` gets its removed values back, but rows that used them were changed or failed.");
            }
        }
        return out;
    }
}
