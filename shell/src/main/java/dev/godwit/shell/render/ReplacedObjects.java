package dev.godwit.shell.render;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Change.AddForeignKey;
import dev.godwit.engine.diff.Change.AddIndex;
import dev.godwit.engine.diff.Change.DropForeignKey;
import dev.godwit.engine.diff.Change.DropIndex;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An index or foreign key that is dropped and added again under the same name is one changed object:
 * its line says what differs ({@code ~ index X: UNIQUE constraint → unique index}), never a {@code -}
 * and a {@code +} line that read the same.
 */
final class ReplacedObjects {
    private final Map<String, Change> added = new HashMap<>();
    private final Map<String, Change> dropped = new HashMap<>();

    ReplacedObjects(List<Change> changes) {
        for (Change c : changes) {
            if (c instanceof AddIndex a) {
                added.put("i" + a.tableName() + '\0' + a.index().name(), c);
            } else if (c instanceof DropIndex d) {
                dropped.put("i" + d.tableName() + '\0' + d.index().name(), c);
            } else if (c instanceof AddForeignKey a) {
                added.put("f" + a.tableName() + '\0' + a.foreignKey().name(), c);
            } else if (c instanceof DropForeignKey d) {
                dropped.put("f" + d.tableName() + '\0' + d.foreignKey().name(), c);
            }
        }
        added.keySet().retainAll(dropped.keySet());
        dropped.keySet().retainAll(added.keySet());
    }

    /** Whether {@code c} is the added half of a replaced object (its line comes with the dropped half). */
    boolean isSecondHalf(Change c) {
        return added.containsValue(c);
    }

    /** The one line of a replaced object for its dropped half, or null when {@code c} is no such half. */
    String line(Change c) {
        if (c instanceof DropIndex d && dropped.containsValue(c)) {
            Index after = ((AddIndex) added.get("i" + d.tableName() + '\0' + d.index().name())).index();
            return "~ " + (after.unique() ? "unique index " : "index ") + after.name() + ": " + indexChanges(d.index(), after);
        }
        if (c instanceof DropForeignKey d && dropped.containsValue(c)) {
            ForeignKey after = ((AddForeignKey) added.get("f" + d.tableName() + '\0' + d.foreignKey().name())).foreignKey();
            return "~ foreign key " + after.name() + ": " + foreignKeyChanges(d.foreignKey(), after);
        }
        return null;
    }

    private static String indexChanges(Index a, Index b) {
        List<String> out = new ArrayList<>();
        if (a.unique() != b.unique()) {
            out.add(a.unique() ? "no longer unique" : "now unique");
        }
        if (a.constraint() != b.constraint()) {
            out.add(a.constraint() ? "UNIQUE constraint → unique index" : "unique index → UNIQUE constraint");
        }
        if (!a.parts().equals(b.parts())) {
            out.add("keys (" + parts(a) + ") → (" + parts(b) + ")");
        }
        if (!Objects.equals(a.method(), b.method())) {
            out.add("method " + a.method() + " → " + b.method());
        }
        if (!Objects.equals(a.predicate(), b.predicate())) {
            out.add((a.predicate() == null ? "no WHERE" : "WHERE " + a.predicate()) + " → "
                    + (b.predicate() == null ? "no WHERE" : "WHERE " + b.predicate()));
        }
        if (!a.include().equals(b.include())) {
            out.add(include(a) + " → " + include(b));
        }
        return out.isEmpty() ? "re-created (a change under it needs that)" : String.join(", ", out);
    }

    private static String include(Index i) {
        return i.include().isEmpty() ? "no INCLUDE" : "INCLUDE (" + String.join(", ", i.include()) + ")";
    }

    private static String parts(Index i) {
        return i.parts().stream().map(p -> (p.isExpression() ? p.expression() : p.column()) + (p.descending() ? " DESC" : "")
                + (p.nulls() != null ? " NULLS " + p.nulls() : "") + (p.opclass() != null ? " " + p.opclass() : "")
                + (p.length() != null ? "(" + p.length() + ")" : "")).collect(Collectors.joining(", "));
    }

    private static String foreignKeyChanges(ForeignKey a, ForeignKey b) {
        List<String> out = new ArrayList<>();
        if (!a.columns().equals(b.columns()) || !a.refTable().equals(b.refTable()) || !a.refColumns().equals(b.refColumns())) {
            out.add("(" + String.join(", ", a.columns()) + ") → " + a.refTable() + " (" + String.join(", ", a.refColumns()) + ") becomes ("
                    + String.join(", ", b.columns()) + ") → " + b.refTable() + " (" + String.join(", ", b.refColumns()) + ")");
        }
        if (a.onDelete() != b.onDelete()) {
            out.add("ON DELETE " + a.onDelete() + " → " + b.onDelete());
        }
        if (a.onUpdate() != b.onUpdate()) {
            out.add("ON UPDATE " + a.onUpdate() + " → " + b.onUpdate());
        }
        if (a.deferrable() != b.deferrable()) {
            out.add("deferrable " + a.deferrable() + " → " + b.deferrable());
        }
        return out.isEmpty() ? "re-created around a change of the key it references, " + b.refTable()
                + " (" + String.join(", ", b.refColumns()) + ")" : String.join(", ", out);
    }
}
