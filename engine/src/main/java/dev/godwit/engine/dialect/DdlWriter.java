package dev.godwit.engine.dialect;

import dev.godwit.engine.diff.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns changes into this database's DDL, in Prisma Migrate's layout. */
public interface DdlWriter {

    List<DdlStep> steps(List<Change> changes);

    /** Every statement, in order. */
    default List<String> statements(List<Change> changes) {
        return steps(changes).stream().flatMap(s -> s.statements().stream()).toList();
    }

    /** The script as a {@code migration.sql} holds it: steps separated by a blank line, one final newline. */
    default String script(List<Change> changes) {
        List<DdlStep> steps = steps(changes);
        return steps.isEmpty() ? "" : steps.stream().map(DdlStep::text).collect(Collectors.joining("\n\n")) + "\n";
    }

    /**
     * Groups the changes the way the scripts show them: consecutive alterations of one table
     * become one group (one ALTER TABLE), consecutive new values of one enum one group; every
     * other change is a group of its own.
     */
    static List<List<Change>> group(List<Change> changes) {
        List<List<Change>> groups = new ArrayList<>();
        List<Change> current = null;
        for (Change c : changes) {
            if (current != null && sameGroup(current.get(0), c)) {
                current.add(c);
            } else {
                current = new ArrayList<>();
                current.add(c);
                groups.add(current);
            }
        }
        return groups;
    }

    private static boolean sameGroup(Change first, Change next) {
        if (first instanceof Change.TableAlteration a && next instanceof Change.TableAlteration b) {
            return a.tableName().equals(b.tableName());
        }
        if (first instanceof Change.AddEnumValue a && next instanceof Change.AddEnumValue b) {
            return a.enumName().equals(b.enumName());
        }
        return false;
    }
}
