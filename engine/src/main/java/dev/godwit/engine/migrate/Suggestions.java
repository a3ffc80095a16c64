package dev.godwit.engine.migrate;

import java.util.Comparator;
import java.util.List;

/** "Did you mean" hints for mistyped migration names. */
public final class Suggestions {
    private Suggestions() {
    }

    public static String hint(String name, MigrationsFolder folder) {
        List<String> names = folder.migrations().stream().map(LocalMigration::name).toList();
        if (names.isEmpty()) {
            return "the migrations folder is empty";
        }
        String best = names.stream().min(Comparator.comparingInt(n -> dev.godwit.engine.EditDistance.between(strip(n), strip(name)))).orElseThrow();
        return "did you mean " + best + "? `godwit status` lists every migration";
    }

    private static String strip(String s) {
        return s.toLowerCase();
    }
}
