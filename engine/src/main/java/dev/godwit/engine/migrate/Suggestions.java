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
        String best = names.stream().min(Comparator.comparingInt(n -> distance(strip(n), strip(name)))).orElseThrow();
        return "did you mean " + best + "? `godwit status` lists every migration";
    }

    private static String strip(String s) {
        return s.toLowerCase();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
