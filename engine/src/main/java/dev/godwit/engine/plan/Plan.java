package dev.godwit.engine.plan;

import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.DdlStep;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.DiffHooks;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.schema.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A new migration: the changes from the schema the history describes to the desired one, as planned
 * statements (each with its SQL, findings and reverse), and the steps of {@code down.sql}, which undoes
 * it as a whole. The scripts are rendered from these: {@code migration.sql} is the findings as Prisma's
 * comment block, then the statements; {@code down.sql} is what it cannot bring back, then its steps.
 *
 * @param changes      every change, in order
 * @param findings     the data-loss findings of every change, in order (each statement has its own too)
 * @param statements   the statements that carry them out
 * @param downSteps    the steps of {@code down.sql}: the schema planned back from the desired one (renames renamed back)
 * @param downWarnings what running {@code down.sql} after {@code migration.sql} cannot bring back
 */
public record Plan(List<Change> changes, List<Finding> findings, List<PlannedStatement> statements, List<DdlStep> downSteps,
                   List<String> downWarnings) {
    public Plan {
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        statements = List.copyOf(statements);
        downSteps = List.copyOf(downSteps);
        downWarnings = List.copyOf(downWarnings);
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
            return new Plan(List.of(), List.of(), List.of(), List.of(), List.of());
        }
        List<List<Finding>> findings = DataLossCheck.checkEach(changes, from, countsFrom, renames);
        // by identity first (two equal changes keep their own findings), by value for a step that rebuilt its change
        Map<Change, List<Finding>> findingsOf = new IdentityHashMap<>();
        Map<Change, List<Finding>> byValue = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            findingsOf.put(changes.get(i), findings.get(i));
            byValue.putIfAbsent(changes.get(i), findings.get(i));
        }
        List<PlannedStatement> statements = new ArrayList<>();
        for (DdlStep step : dialect.ddlWriter().steps(changes)) {
            statements.add(planned(step, findingsOf, byValue));
        }
        List<Change> back = renames.inverse().diff(desired, from, hooks);
        return new Plan(changes, findings.stream().flatMap(List::stream).toList(), statements, dialect.ddlWriter().steps(back),
                changes.stream().flatMap(c -> lost(c).stream()).toList());
    }

    private static PlannedStatement planned(DdlStep step, Map<Change, List<Finding>> findingsOf, Map<Change, List<Finding>> byValue) {
        List<Finding> findings = new ArrayList<>();
        List<Change> reverse = new ArrayList<>();
        List<String> notReversible = new ArrayList<>();
        for (Change c : step.changes()) {
            findings.addAll(findingsOf.containsKey(c) ? findingsOf.get(c) : byValue.getOrDefault(c, List.of()));
            Optional<Change> r = c.reverse();
            if (r.isPresent()) {
                reverse.add(0, r.get());
            } else {
                notReversible.add(c instanceof Change.AddEnumValue v
                        ? "the value " + v.value() + " cannot be taken out of the enum " + v.enumName() + " again without re-creating the type"
                        : "nothing undoes " + c.getClass().getSimpleName());
            }
            lost(c).ifPresent(notReversible::add);
        }
        return new PlannedStatement(step, findings, reverse, notReversible);
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

    /** {@code migration.sql}: the findings as Prisma's comment block, then the statements separated by a blank line. */
    public String script() {
        return header("Warnings", findings.stream().map(Finding::message).toList())
                + render(statements.stream().map(PlannedStatement::step).toList());
    }

    /** {@code down.sql}: what it cannot bring back, then its steps; empty when the plan is. */
    public String downScript() {
        return header("Warnings", downWarnings) + render(downSteps);
    }

    /** Steps as a script holds them: separated by a blank line, one final newline (as {@code DdlWriter.script}). */
    private static String render(List<DdlStep> steps) {
        return steps.isEmpty() ? "" : steps.stream().map(DdlStep::text).collect(Collectors.joining("\n\n")) + "\n";
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

    /** What running down.sql after migration.sql cannot bring back of a change. */
    private static Optional<String> lost(Change c) {
        if (c instanceof Change.DropTable d) {
            return Optional.of("The `" + d.definition().name() + "` table is re-created empty: its rows, dropped by migration.sql, cannot be restored.");
        } else if (c instanceof Change.DropColumn d) {
            return Optional.of("The column `" + d.column().name() + "` on the `" + d.tableName()
                    + "` table is re-created empty: its values, dropped by migration.sql, cannot be restored.");
        } else if (c instanceof Change.AlterColumn a && a.aspects().contains(Change.Aspect.TYPE)) {
            return Optional.of("The column `" + a.to().name() + "` on the `" + a.tableName() + "` table is cast back from `" + a.to().type()
                    + "` to `" + a.from().type() + "`: values changed by the first cast are not restored.");
        } else if (c instanceof Change.RecreateEnum r && r.destructive()) {
            return Optional.of("The enum `" + r.from().name() + "` gets its removed values back, but rows that used them were changed or failed.");
        }
        return Optional.empty();
    }
}
