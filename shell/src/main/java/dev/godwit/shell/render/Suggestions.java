package dev.godwit.shell.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean …": the known words closest to a mistyped one (transposed, missing, extra or wrong letters). */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidates, best first; none when nothing is near enough to be a typo. */
    public static List<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, stripDashes(t).length() / 3));
        List<String> near = new ArrayList<>();
        int best = Integer.MAX_VALUE;
        for (String k : known) {
            String c = k.toLowerCase(Locale.ROOT);
            int d = distance(t, c);
            boolean prefix = stripDashes(t).length() >= 2 && c.startsWith(t);
            if (prefix) {
                d = Math.min(d, 1);
            }
            if (d > allowed) {
                continue;
            }
            if (d < best) {
                near.clear();
                best = d;
            }
            if (d == best) {
                near.add(k);
            }
        }
        near.sort(Comparator.naturalOrder());
        return near.size() > 3 ? near.subList(0, 3) : near;
    }

    /** " did you mean `x`?" or " did you mean `x` or `y`?", or "" when nothing is close. */
    public static String didYouMean(String typed, Collection<String> known) {
        List<String> near = closest(typed, known);
        if (near.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; did you mean ");
        for (int i = 0; i < near.size(); i++) {
            if (i > 0) {
                sb.append(i == near.size() - 1 ? " or " : ", ");
            }
            sb.append('`').append(near.get(i)).append('`');
        }
        return sb.append('?').toString();
    }

    private static String stripDashes(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        return s.substring(i);
    }

    /** Optimal string alignment distance: Levenshtein with adjacent transpositions ("stauts" is 1 from "status"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
