package dev.godwit.engine.diff;

import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.UnmanagedObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The objects two schemas hold that the differ does not model (triggers, domains, partitions, exclusion
 * constraints, {@code NULLS NOT DISTINCT}, {@code MATCH FULL}, {@code ZEROFILL}, …: a schema's
 * {@link Schema#unmanaged()}) and that are not the same on both sides. A comparison that finds no change
 * in what it models must still say these differ, and a script must say it leaves them out.
 *
 * @param kind  e.g. "domain", "trigger", "unique index NULLS NOT DISTINCT"
 * @param name  its name, "table.name" for objects of a table
 * @param how   "only in the target", "only in the source" or "defined differently"
 */
public record NotCompared(String kind, String name, String how) {
    public static final String ONLY_IN_TARGET = "only in the target";
    public static final String ONLY_IN_SOURCE = "only in the source";
    public static final String DIFFERENT = "defined differently";

    /** What differs between {@code from} and {@code to} among the objects neither models, target's order first. */
    public static List<NotCompared> between(Schema from, Schema to) {
        Map<String, UnmanagedObject> a = byKey(from.unmanaged());
        Map<String, UnmanagedObject> b = byKey(to.unmanaged());
        List<NotCompared> out = new ArrayList<>();
        for (Map.Entry<String, UnmanagedObject> e : b.entrySet()) {
            UnmanagedObject other = a.get(e.getKey());
            if (other == null) {
                out.add(new NotCompared(e.getValue().kind(), e.getValue().name(), ONLY_IN_TARGET));
            } else if (!Objects.equals(other.detail(), e.getValue().detail())) {
                out.add(new NotCompared(e.getValue().kind(), e.getValue().name(), DIFFERENT));
            }
        }
        for (Map.Entry<String, UnmanagedObject> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                out.add(new NotCompared(e.getValue().kind(), e.getValue().name(), ONLY_IN_SOURCE));
            }
        }
        return out;
    }

    /** "domain posint (only in the target)". */
    public String describe() {
        return kind + " " + name + " (" + how + ")";
    }

    private static Map<String, UnmanagedObject> byKey(List<UnmanagedObject> list) {
        return list.stream().collect(Collectors.toMap(u -> u.kind() + "\u0000" + u.name(), Function.identity(), (x, y) -> x,
                java.util.LinkedHashMap::new));
    }
}
