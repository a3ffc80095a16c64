package dev.godwit.engine.project;

/**
 * Masks passwords in a command line as typed, before anything keeps it (the shell's history): the line
 * may be malformed, half-quoted or never run, so nothing here relies on parsing it as the command would.
 * It hides more than {@link Secrets#mask(String)} does, since a history line is worth less than a secret:
 * <ul>
 *   <li>in {@code scheme://user:secret@host}, everything from the first {@code :} after {@code ://} to the
 *       <em>last</em> {@code @} of the line, quotes and spaces included ({@code pa'ss}, {@code "pa ss"});</li>
 *   <li>the value of any key ending in {@code password}, {@code passwd} or {@code pwd} followed by {@code =}
 *       (spaces allowed around it, as in libpq's {@code key = value} strings) or by a JSON {@code :}: a quoted
 *       value to its closing quote (doubled quotes and backslash escapes inside), an unquoted one to white
 *       space or {@code &} (quotes included);</li>
 *   <li>options that carry a password: {@code --password X}, {@code --password=X}, {@code -p X} and
 *       {@code -pX};</li>
 *   <li>then whatever {@link Secrets#mask(String)} hides (registered passwords in all their encodings).</li>
 * </ul>
 * Linear in the length of the line.
 */
public final class CommandLineSecrets {
    private static final String[] KEYS = {"password", "passwd", "pwd"};

    private CommandLineSecrets() {
    }

    public static String mask(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String out = maskUserInfo(line);
        out = maskKeyValues(out);
        out = maskOptions(out);
        return Secrets.mask(out);
    }

    private static String maskUserInfo(String s) {
        int sep = s.indexOf("://");
        if (sep < 0) {
            return s;
        }
        int at = s.lastIndexOf('@');
        int colon = s.indexOf(':', sep + 3);
        if (colon < 0) {
            return s;
        }
        if (at < 0 || colon >= at) {
            return maskPortThatIsNoPort(s, sep + 3, colon);
        }
        if (colon + 1 == at) {
            return s;
        }
        return s.substring(0, colon + 1) + Secrets.MASK + s.substring(at);
    }

    /** {@code scheme://user:secret} with no {@code @}: what follows the ':' is hidden unless it is a port number. */
    private static String maskPortThatIsNoPort(String s, int hostStart, int colon) {
        if (hostStart < s.length() && s.charAt(hostStart) == '[') {
            return s; // an IPv6 address
        }
        for (int i = hostStart; i < colon; i++) {
            if (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '/') {
                return s; // the ':' is not in this URL's authority
            }
        }
        int end = colon + 1;
        boolean digits = true;
        while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0 && !Character.isWhitespace(s.charAt(end))) {
            digits &= Character.isDigit(s.charAt(end));
            end++;
        }
        if (digits || end == colon + 1) {
            return s;
        }
        return s.substring(0, colon + 1) + Secrets.MASK + s.substring(end);
    }

    private static String maskKeyValues(String s) {
        String lower = asciiLower(s);
        StringBuilder sb = new StringBuilder(s.length());
        int done = 0;
        int i = 0;
        while (i < s.length()) {
            int keyEnd = keyEndAt(lower, i);
            if (keyEnd < 0) {
                i++;
                continue;
            }
            int p = keyEnd;
            if (p < s.length() && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
                p++; // "password": …
            }
            p = skipBlanks(s, p);
            if (p >= s.length() || (s.charAt(p) != '=' && s.charAt(p) != ':')) {
                i = keyEnd;
                continue;
            }
            int v = skipBlanks(s, p + 1);
            int end = valueEnd(s, v);
            if (end > v) {
                sb.append(s, done, v).append(Secrets.MASK);
                done = end;
            }
            i = Math.max(end, p + 1);
        }
        sb.append(s, done, s.length());
        return sb.toString();
    }

    /** Where a password key that starts at {@code i} ends, or -1. */
    private static int keyEndAt(String lower, int i) {
        for (String k : KEYS) {
            if (lower.startsWith(k, i)) {
                return i + k.length();
            }
        }
        return -1;
    }

    private static int skipBlanks(String s, int p) {
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    /** The end of a value at {@code v}: a quoted one past its closing quote, else at white space or '&'. */
    static int valueEnd(String s, int v) {
        int n = s.length();
        if (v >= n) {
            return v;
        }
        char q = s.charAt(v);
        if (q == '\'' || q == '"') {
            int p = v + 1;
            while (p < n) {
                char c = s.charAt(p);
                if (c == '\\') {
                    p += 2;
                } else if (c == q && p + 1 < n && s.charAt(p + 1) == q) {
                    p += 2;
                } else if (c == q) {
                    return p + 1;
                } else {
                    p++;
                }
            }
            return n;
        }
        int p = v;
        while (p < n && s.charAt(p) != '&' && !Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** {@code --password X}, {@code --password=X}, {@code -p X}, {@code -pX}: the value is hidden. */
    private static String maskOptions(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            boolean tokenStart = i == 0 || Character.isWhitespace(s.charAt(i - 1));
            int valueStart = -1;
            if (tokenStart && s.startsWith("--password", i)) {
                int p = i + "--password".length();
                if (p < n && s.charAt(p) == '=') {
                    valueStart = p + 1;
                } else if (p < n && Character.isWhitespace(s.charAt(p))) {
                    valueStart = skipBlanks(s, p);
                }
            } else if (tokenStart && s.startsWith("-p", i) && i + 2 < n) {
                char c = s.charAt(i + 2);
                valueStart = Character.isWhitespace(c) ? skipBlanks(s, i + 2) : i + 2;
            }
            if (valueStart < 0 || valueStart >= n) {
                sb.append(s.charAt(i));
                i++;
                continue;
            }
            int end = valueEnd(s, valueStart);
            sb.append(s, i, valueStart);
            if (end > valueStart && !s.startsWith(Secrets.MASK, valueStart)) {
                sb.append(Secrets.MASK);
            } else {
                sb.append(s, valueStart, end);
            }
            i = Math.max(end, valueStart);
        }
        return sb.toString();
    }

    private static String asciiLower(String text) {
        char[] cs = text.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            if (cs[i] >= 'A' && cs[i] <= 'Z') {
                cs[i] = (char) (cs[i] + 32);
            }
        }
        return new String(cs);
    }
}
