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
 * puts it, unlike Prisma, which always appends), or re-created when values go away or move.
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
        if (!isSubsequence(prev.values(), next.values())
                || (!hooks.enumValuePositions() && !next.values().subList(0, prev.values().size()).equals(prev.values()))) {
            return List.of(new RecreateEnum(prev, next, usages(prev.name())));
        }
        Set<String> old = new HashSet<>(prev.values());
        List<Change> out = new ArrayList<>();
        List<String> values = next.values();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (old.contains(v)) {
                continue;
            }
            String nextOld = null;
            for (int j = i + 1; j < values.size() && nextOld == null; j++) {
                if (old.contains(values.get(j))) {
                    nextOld = values.get(j);
                }
            }
            out.add(nextOld == null ? new AddEnumValue(prev.name(), v, Position.END, null)
                    : new AddEnumValue(prev.name(), v, Position.BEFORE, nextOld));
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

    private static boolean isSubsequence(List<String> sub, List<String> all) {
        int i = 0;
        for (String v : all) {
            if (i < sub.size() && sub.get(i).equals(v)) {
                i++;
            }
        }
        return i == sub.size();
    }
}
