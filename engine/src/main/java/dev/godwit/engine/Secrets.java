package dev.godwit.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of anything godwit prints: messages, logs, prompts.
 *
 * <p>Three layers, applied in this order by {@link #mask(String)}:
 * <ol>
 *   <li>literal secrets registered with {@link #register(String)} (every password
 *       {@link DatabaseUrl#parse(String)} sees is registered), replaced wherever they occur;</li>
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
 */
public final class Secrets {
    /** What a hidden secret is replaced by. */
    public static final String MASK = "****";
    /** Registered secrets shorter than this are not masked as literals. */
    public static final int MIN_LENGTH = 3;

    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();
    private static final Pattern URL_START = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern PASSWORD_PAIR =
            Pattern.compile("(?i)(password=)('[^']*'?|\"[^\"]*\"?|[^&;\\s\"']+)");

    private Secrets() {
    }

    /** Remembers a secret so that {@link #mask(String)} hides it wherever it appears. Null and short values are ignored. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH && !secret.equals(MASK)) {
            REGISTERED.add(secret);
        }
    }

    /** Forgets all registered secrets; for tests. */
    static void clearRegistered() {
        REGISTERED.clear();
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
        if (REGISTERED.isEmpty()) {
            return text;
        }
        List<String> secrets = new ArrayList<>(REGISTERED);
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    private static String maskUrlTokens(String text) {
        StringBuilder sb = new StringBuilder();
        Matcher m = URL_START.matcher(text);
        int done = 0;
        while (m.find(done)) {
            int from = m.end();
            int end = from;
            while (end < text.length() && !isTokenBoundary(text.charAt(end))) {
                end++;
            }
            sb.append(text, done, from);
            sb.append(maskUserInfo(text.substring(from, end), 0, end - from));
            done = end;
            if (done >= text.length()) {
                break;
            }
        }
        sb.append(text, Math.min(done, text.length()), text.length());
        return sb.toString();
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

    private static String maskPasswordPairs(String text) {
        Matcher m = PASSWORD_PAIR.matcher(text);
        if (!m.find()) {
            return text;
        }
        return m.replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + MASK));
    }
}
