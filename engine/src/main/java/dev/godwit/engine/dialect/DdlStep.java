package dev.godwit.engine.dialect;

import dev.godwit.engine.diff.Change;

import java.util.List;

/**
 * One step of a migration script: a Prisma-style header ({@code CreateTable}, {@code AlterTable}, …),
 * optional comment lines, the statements (each ending in {@code ;}) and the changes they carry out.
 */
public record DdlStep(String header, List<String> notes, List<String> statements, List<Change> changes) {
    public DdlStep {
        notes = List.copyOf(notes);
        statements = List.copyOf(statements);
        changes = List.copyOf(changes);
    }

    public boolean destructive() {
        return changes.stream().anyMatch(Change::destructive);
    }

    /** The step as script text: {@code -- Header}, the notes, the statements, one per line. */
    public String text() {
        StringBuilder sb = new StringBuilder("-- ").append(header).append('\n');
        notes.forEach(n -> sb.append(n).append('\n'));
        sb.append(String.join("\n", statements));
        return sb.toString();
    }
}
