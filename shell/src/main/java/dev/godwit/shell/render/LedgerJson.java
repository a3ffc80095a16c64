package dev.godwit.shell.render;

import dev.godwit.engine.migrate.AttemptLedger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failed attempt's statements as JSON: which took effect, which stopped it, which never ran. */
public final class LedgerJson {
    private LedgerJson() {
    }

    public static Map<String, Object> of(AttemptLedger l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", l.outcome().name().toLowerCase());
        m.put("mode", l.mode() == null ? null : l.mode().name().toLowerCase());
        m.put("known", l.known());
        m.put("source", l.source().name().toLowerCase());
        m.put("total", l.total() == 0 ? null : l.total());
        m.put("nothingTookEffect", l.nothingTookEffect());
        m.put("tookEffect", l.known() ? l.statementsInEffect() : null);
        m.put("stoppedAt", l.stoppedAt() == 0 ? null : l.stoppedAt());
        m.put("stoppedLine", l.stoppedLine() == 0 ? null : l.stoppedLine());
        m.put("stoppedMayHaveTakenEffect", l.stoppedMayHaveTakenEffect());
        List<Integer> never = new ArrayList<>();
        if (l.known()) {
            for (int i = Math.max(l.stoppedAt(), l.tookEffect()) + 1; i <= l.total(); i++) {
                never.add(i);
            }
        }
        m.put("neverRan", l.known() && l.total() > 0 ? never : null);
        m.put("summary", l.describe());
        return m;
    }
}
