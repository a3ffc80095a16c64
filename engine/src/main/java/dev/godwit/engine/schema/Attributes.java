package dev.godwit.engine.schema;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Immutable, key-sorted copies of attribute maps, so that equal facts compare and print equal. */
final class Attributes {
    private Attributes() {
    }

    static Map<String, String> copy(Map<String, String> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new TreeMap<>(in));
    }
}
