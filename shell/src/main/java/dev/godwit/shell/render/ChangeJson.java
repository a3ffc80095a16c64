package dev.godwit.shell.render;

import dev.godwit.engine.diff.Change;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/** Changes as JSON: the kind, the table, the destructive flag, and the typed change itself. */
public final class ChangeJson {
    private ChangeJson() {
    }

    public static List<Map<String, Object>> changes(List<Change> changes) {
        java.util.function.Predicate<Change> losesData = dev.godwit.engine.diff.Destructive.in(changes);
        return changes.stream().map(c -> change(c, losesData.test(c))).toList();
    }

    private static Map<String, Object> change(Change c, boolean destructive) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.getClass().getSimpleName());
        m.put("table", c.table().orElse(null));
        m.put("destructive", destructive);
        m.put("change", tree(c));
        return m;
    }

    /**
     * Records as maps of their components, recursively. Done by hand rather than by Jackson's bean
     * rules, which would also pick up helpers such as {@code IndexPart.isExpression()} and let them
     * overwrite the component of the same name.
     */
    static Object tree(Object value) {
        if (value instanceof Record r) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    m.put(rc.getName(), tree(rc.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc, e);
                }
            }
            return m;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(ChangeJson::tree).toList();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        return value;
    }
}
