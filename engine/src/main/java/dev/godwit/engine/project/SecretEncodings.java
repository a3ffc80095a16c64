package dev.godwit.engine.project;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The forms a secret takes on its way through URLs, JSON, SQL text and environment variables, so
 * that masking a password also masks it after something re-encoded it: a password given
 * percent-encoded in a JDBC query string reaches a seed's {@code DATABASE_URL} encoded again,
 * perhaps by another encoder, with upper- or lower-case hex.
 */
final class SecretEncodings {
    private SecretEncodings() {
    }

    /** The secret itself and every encoding of it that godwit, a driver or a child process may print. */
    static Set<String> of(String secret) {
        Set<String> out = new LinkedHashSet<>();
        out.add(secret);
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        withBothHexCases(out, form);                              // application/x-www-form-urlencoded: ' ' → '+'
        withBothHexCases(out, form.replace("+", "%20"));           // godwit's own URL encoder
        withBothHexCases(out, percent(secret, "-._~"));             // RFC 3986: only unreserved characters stay
        withBothHexCases(out, percent(secret, "-_.!~*'()"));        // JavaScript encodeURIComponent
        withBothHexCases(out, percent(secret, ""));                 // every character but letters and digits
        out.add(json(secret, false));
        out.add(json(secret, true));
        out.add(secret.replace("'", "''"));                         // inside an SQL or TOML literal
        out.add(secret.replace("\\", "\\\\").replace("'", "\\'"));
        out.add(secret.replace("\\", "\\\\").replace("\"", "\\\""));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        out.add(Base64.getEncoder().encodeToString(bytes));
        out.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        return out;
    }

    private static void withBothHexCases(Set<String> out, String encoded) {
        out.add(encoded);
        out.add(lowerHex(encoded));
    }

    /** Percent-encodes UTF-8 bytes, keeping ASCII letters, digits and the characters in {@code keep}. */
    static String percent(String s, String keep) {
        StringBuilder sb = new StringBuilder(s.length() * 3);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 0x80 && keep.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    /** {@code %2F} → {@code %2f}; nothing else changes. */
    private static String lowerHex(String s) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = sb.indexOf("%"); i >= 0 && i + 2 < sb.length(); i = sb.indexOf("%", i + 1)) {
            sb.setCharAt(i + 1, Character.toLowerCase(sb.charAt(i + 1)));
            sb.setCharAt(i + 2, Character.toLowerCase(sb.charAt(i + 2)));
        }
        return sb.toString();
    }

    /** The body of a JSON string; with {@code asciiOnly} every non-ASCII character as {@code \}{@code uXXXX} and '/' as "\/". */
    private static String json(String s, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '/' -> sb.append(asciiOnly ? "\\/" : "/");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7E)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
