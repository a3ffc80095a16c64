package dev.godwit.engine.diff;

import dev.godwit.engine.diff.Change.AddEnumValue;
import dev.godwit.engine.diff.Change.CreateEnum;
import dev.godwit.engine.diff.Change.DropEnum;
import dev.godwit.engine.diff.Change.EnumUsage;
import dev.godwit.engine.diff.Change.Position;
import dev.godwit.engine.diff.Change.RecreateEnum;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enum types: created, dropped, grown in place (each new value placed where the target schema
 * puts it, unlike Prisma, which always appends), or re-created when values go away. Existing values
 * listed in another order are left in the database's order (as Prisma does) unless the hooks ask for
 * a reordering, which re-creates the type.
 */
final class EnumDiffer {
    private final Schema from;
    private final Schema to;
    private final DiffHooks hooks;

    EnumDiffer(Schema from, Schema to, DiffHooks hooks) {
        this.from = from;
        this.to = to;
        this.hooks = hooks;
    }

    void diff(List<Change> creates, List<Change> alters, List<Change> drops) {
        Map<String, EnumType> before = Differ.byName(from.enums(), EnumType::name);
        Map<String, EnumType> after = Differ.byName(to.enums(), EnumType::name);
        for (EnumType e : to.enums()) {
            EnumType prev = before.get(e.name());
            if (prev == null) {
                creates.add(new CreateEnum(e));
            } else if (!prev.values().equals(e.values())) {
                alters.addAll(alter(prev, e));
            }
        }
        from.enums().stream().filter(e -> !after.containsKey(e.name())).forEach(e -> drops.add(new DropEnum(e)));
    }

    private List<Change> alter(EnumType prev, EnumType next) {
        Set<String> old = new HashSet<>(prev.values());
        boolean reordered = !kept(prev, next).equals(prev.values());
        if (!next.values().containsAll(prev.values()) || (reordered && hooks.reorderEnumValues())
                || (!reordered && !hooks.enumValuePositions() && !next.values().subList(0, prev.values().size()).equals(prev.values()))) {
            return List.of(new RecreateEnum(prev, next, usages(prev.name())));
        }
        List<Change> out = new ArrayList<>();
        List<String> values = next.values();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (old.contains(v)) {
                continue;
            }
            String nextOld = null;
            for (int j = i + 1; j < values.size() && nextOld == null && !reordered; j++) {
                if (old.contains(values.get(j))) {
                    nextOld = values.get(j);
                }
            }
            // while the old values keep their order a new one goes in its place; else, as Prisma does, at the end
            out.add(nextOld == null ? new AddEnumValue(prev.name(), v, Position.END, null)
                    : new AddEnumValue(prev.name(), v, Position.BEFORE, nextOld));
        }
        return out;
    }

    /** The values of {@code prev} that {@code next} keeps, in {@code next}'s order. */
    private static List<String> kept(EnumType prev, EnumType next) {
        Set<String> old = new HashSet<>(prev.values());
        return next.values().stream().filter(old::contains).toList();
    }

    /**
     * The enums whose existing values {@code to} lists in another order. Unless the hooks ask for it
     * ({@link DiffHooks#reorderEnumValues()}), such a reordering is not planned (Prisma ignores it too):
     * on PostgreSQL it means re-creating the type and rewriting every column that uses it.
     */
    static List<EnumType[]> reordered(Schema from, Schema to) {
        Map<String, EnumType> before = Differ.byName(from.enums(), EnumType::name);
        List<EnumType[]> out = new ArrayList<>();
        for (EnumType e : to.enums()) {
            EnumType prev = before.get(e.name());
            if (prev != null && e.values().containsAll(prev.values()) && !kept(prev, e).equals(prev.values())) {
                out.add(new EnumType[] {prev, e});
            }
        }
        return out;
    }

    private List<EnumUsage> usages(String enumName) {
        List<EnumUsage> out = new ArrayList<>();
        for (Table t : from.tables()) {
            t.columns().stream().filter(c -> enumName.equals(c.type().enumRef()))
                    .forEach(c -> out.add(new EnumUsage(t.name(), c)));
        }
        return out;
    }

}
