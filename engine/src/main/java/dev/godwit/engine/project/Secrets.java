package dev.godwit.engine.project;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps passwords out of anything godwit prints: messages, logs, prompts.
 *
 * <p>Three layers, applied in this order by {@link #mask(String)}:
 * <ol>
 *   <li>literal secrets registered with {@link #register(String)} (every password
 *       {@link DatabaseUrl#parse(String)} sees is registered), replaced wherever they occur, in every
 *       encoding of {@link SecretEncodings} (percent-encoded either way, form-encoded, JSON, base64, …);</li>
 *   <li>the password part of URL user info, {@code scheme://user:secret@host} becomes
 *       {@code scheme://user:****@host};</li>
 *   <li>{@code password=value} pairs (any key ending in {@code password=}, case-insensitive, so
 *       {@code sslpassword=} and {@code PGPASSWORD=} too), where the value runs up to
 *       {@code &}, {@code ;}, whitespace or a quote, or is a quoted string.</li>
 * </ol>
 *
 * <p>Masking errs on the side of hiding too much: in a URL everything from the first {@code :}
 * after {@code ://} to the <em>last</em> {@code @} is hidden, so a password containing an
 * unencoded {@code @} or {@code /} is still hidden whole.
 *
 * <p>Registered secrets shorter than {@value #MIN_LENGTH} characters are ignored: masking every
 * single letter or pair of letters would make output unreadable without protecting anything a
 * guess would not find. The registry is global to the process and thread-safe.
 *
 * <p>Every pass is linear in the length of the text (times the number of registered forms): output
 * of any size, such as a query result with a megabyte-long value, is masked in proportion to its size.
 * No regular expression runs here, so nothing can backtrack.
 */
public final class Secrets {
    /** What a hidden secret is replaced by. */
    public static final String MASK = "****";
    /** Registered secrets shorter than this are not masked as literals. */
    public static final int MIN_LENGTH = 3;

    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();
    /** Every registered form by length, longest first, so a longer form is masked before a shorter one inside it. */
    private static final java.util.concurrent.ConcurrentSkipListMap<Integer, Set<String>> FORMS =
            new java.util.concurrent.ConcurrentSkipListMap<>(Comparator.reverseOrder());

    private Secrets() {
    }

    /** Remembers a secret so that {@link #mask(String)} hides it wherever it appears. Null and short values are ignored. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH && !secret.equals(MASK) && REGISTERED.add(secret)) {
            for (String f : SecretEncodings.of(secret)) {
                if (f.length() >= MIN_LENGTH && !f.equals(MASK)) {
                    FORMS.computeIfAbsent(f.length(), n -> ConcurrentHashMap.newKeySet()).add(f);
                }
            }
        }
    }

    /** Forgets all registered secrets; for tests. */
    static void clearRegistered() {
        REGISTERED.clear();
        FORMS.clear();
    }

    /** Masks passwords in arbitrary text (a message, a log line); URLs are recognised as whitespace-delimited tokens. Null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = maskLiterals(text);
        out = maskUrlTokens(out);
        return maskPasswordPairs(out);
    }

    /**
     * Masks a string that is meant to be a single URL, even a malformed one with whitespace in it:
     * everything between the first {@code :} after {@code ://} (or after the start, when there is no
     * {@code ://}) and the last {@code @} is hidden, as are {@code password=} values and registered secrets.
     */
    public static String maskUrl(String url) {
        if (url == null || url.isEmpty()) {
            return url;
        }
        String out = maskLiterals(url);
        int sep = out.indexOf("://");
        int from = sep < 0 ? 0 : sep + 3;
        out = maskUserInfo(out, from, out.length());
        return maskPasswordPairs(out);
    }

    private static String maskLiterals(String text) {
        String out = text;
        for (Set<String> sameLength : FORMS.values()) {
            for (String f : sameLength) {
                if (out.contains(f)) {
                    out = out.replace(f, MASK);
                }
            }
        }
        return out;
    }

    /**
     * Masks the user info of every {@code scheme://…} token. The scheme is found by walking back from each
     * {@code ://} (never further than the end of the previous token), so a long run of letters costs one
     * look, not one per letter as a pattern search for the scheme would.
     */
    private static String maskUrlTokens(String text) {
        int sep = text.indexOf("://");
        if (sep < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int done = 0;
        while (sep >= 0) {
            int r = sep;
            while (r > done && isSchemeChar(text.charAt(r - 1))) {
                r--;
            }
            while (r < sep && !isLetter(text.charAt(r))) {
                r++;
            }
            if (r == sep) {
                sep = text.indexOf("://", sep + 3); // no scheme before it: not a URL
                continue;
            }
            int from = sep + 3;
            int end = from;
            while (end < text.length() && !isTokenBoundary(text.charAt(end))) {
                end++;
            }
            sb.append(text, done, from);
            sb.append(maskUserInfo(text.substring(from, end), 0, end - from));
            done = end;
            sep = done < text.length() ? text.indexOf("://", done) : -1;
        }
        sb.append(text, done, text.length());
        return sb.toString();
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSchemeChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
    }

    private static boolean isTokenBoundary(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
    }

    /** In {@code s[from, to)}: hides everything between the first ':' and the last '@' (when the ':' comes first). */
    private static String maskUserInfo(String s, int from, int to) {
        int at = s.lastIndexOf('@', to - 1);
        if (at < from) {
            return s;
        }
        int colon = s.indexOf(':', from);
        if (colon < 0 || colon >= at) {
            return s;
        }
        if (colon + 1 == at) {
            return s; // empty password
        }
        return s.substring(0, colon + 1) + MASK + s.substring(at);
    }

    /**
     * {@code …password=value}: the value runs to {@code &}, {@code ;}, white space or a quote, or is a whole
     * quoted string (an unclosed quote hides the rest of the text). The key is found in any ASCII case from
     * its {@code =}, rare in most text, with no lower-cased copy of the text: the cost is one pass, which
     * matters for megabytes of printed SQL.
     */
    private static String maskPasswordPairs(String text) {
        int at = passwordKey(text, 0);
        if (at < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int done = 0;
        while (at >= 0) {
            int v = at + "password=".length();
            int end = valueEnd(text, v);
            sb.append(text, done, v);
            if (end > v) {
                sb.append(MASK);
            }
            done = end;
            at = passwordKey(text, Math.max(done, v));
        }
        sb.append(text, done, text.length());
        return sb.toString();
    }

    /** Where the next {@code password=} (letters in any ASCII case) starts at or after {@code from}; -1 when none does. */
    private static int passwordKey(String text, int from) {
        String key = "password";
        for (int eq = text.indexOf('=', from + key.length()); eq >= 0; eq = text.indexOf('=', eq + 1)) {
            int start = eq - key.length();
            boolean same = true;
            for (int i = 0; i < key.length() && same; i++) {
                char c = text.charAt(start + i);
                same = (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) == key.charAt(i);
            }
            if (same) {
                return start;
            }
        }
        return -1;
    }

    private static int valueEnd(String text, int v) {
        int n = text.length();
        if (v >= n) {
            return v;
        }
        char q = text.charAt(v);
        if (q == '\'' || q == '"') {
            int close = text.indexOf(q, v + 1);
            return close < 0 ? n : close + 1;
        }
        int end = v;
        while (end < n) {
            char c = text.charAt(end);
            if (c == '&' || c == ';' || c == '"' || c == '\'' || Character.isWhitespace(c)) {
                break;
            }
            end++;
        }
        return end;
    }
}
