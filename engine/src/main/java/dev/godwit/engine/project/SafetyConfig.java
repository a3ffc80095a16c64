package dev.godwit.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safety settings of {@code godwit.toml}:
 * <pre>
 * [lint]
 * ignore = ["rename-column"]                 # or a table: { rename-column = "why it is safe here" }
 * warn_rows = 10000                          # a size-scaled finding is a warning from here …
 * error_rows = 1000000                       # … and an error from here
 * warn_size = "10MB"
 * error_size = "1GB"
 *
 * [apply]
 * lock_timeout_per_statement = "5s"          # PostgreSQL lock_timeout / MySQL lock_wait_timeout per statement
 * retries = 3                                # attempts after a lock time-out, with backoff
 *
 * [plan]
 * safe = true                                # plan writes the safe forms (as plan --safe)
 * </pre>
 */
public record SafetyConfig(Map<String, String> lintIgnore, long warnRows, long errorRows, long warnBytes, long errorBytes,
                           Duration lockTimeoutPerStatement, int retries, boolean safePlans) {
    public static final SafetyConfig DEFAULT = new SafetyConfig(Map.of(), 10_000, 1_000_000, 10L << 20, 1L << 30, null, 0, false);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|k|mb|m|gb|g|tb|t)?");

    public SafetyConfig {
        lintIgnore = Map.copyOf(lintIgnore);
    }

    /** Reads {@code [lint]}, {@code [apply]} or {@code [plan]} into a copy of {@code base}. */
    static SafetyConfig read(String section, JsonNode table, SafetyConfig base, String where, List<String> warnings) {
        SafetyConfig c = base;
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = section + "." + e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "lint.ignore" -> c = new SafetyConfig(ignores(v, key, where), c.warnRows, c.errorRows, c.warnBytes, c.errorBytes,
                        c.lockTimeoutPerStatement, c.retries, c.safePlans);
                case "lint.warn_rows" -> c = new SafetyConfig(c.lintIgnore, count(v, key, where), c.errorRows, c.warnBytes, c.errorBytes,
                        c.lockTimeoutPerStatement, c.retries, c.safePlans);
                case "lint.error_rows" -> c = new SafetyConfig(c.lintIgnore, c.warnRows, count(v, key, where), c.warnBytes, c.errorBytes,
                        c.lockTimeoutPerStatement, c.retries, c.safePlans);
                case "lint.warn_size" -> c = new SafetyConfig(c.lintIgnore, c.warnRows, c.errorRows, size(v, key, where), c.errorBytes,
                        c.lockTimeoutPerStatement, c.retries, c.safePlans);
                case "lint.error_size" -> c = new SafetyConfig(c.lintIgnore, c.warnRows, c.errorRows, c.warnBytes, size(v, key, where),
                        c.lockTimeoutPerStatement, c.retries, c.safePlans);
                case "apply.lock_timeout_per_statement" -> c = new SafetyConfig(c.lintIgnore, c.warnRows, c.errorRows, c.warnBytes, c.errorBytes,
                        duration(v.isNumber() ? v.asText() : v.isTextual() ? v.textValue() : null, key, where), c.retries, c.safePlans);
                case "apply.retries" -> c = new SafetyConfig(c.lintIgnore, c.warnRows, c.errorRows, c.warnBytes, c.errorBytes,
                        c.lockTimeoutPerStatement, (int) count(v, key, where), c.safePlans);
                case "plan.safe" -> {
                    if (!v.isBoolean()) {
                        throw new GodwitException(ErrorKind.USAGE, where + ": " + key + " must be true or false", null);
                    }
                    c = new SafetyConfig(c.lintIgnore, c.warnRows, c.errorRows, c.warnBytes, c.errorBytes,
                            c.lockTimeoutPerStatement, c.retries, v.booleanValue());
                }
                default -> warnings.add(where + ": unknown key \"" + key + "\" (ignored)");
            }
        }
        return c;
    }

    private static Map<String, String> ignores(JsonNode v, String key, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    throw bad(where, key, "an array of rule names, or a table of rule = \"reason\"");
                }
                out.put(item.textValue(), "ignored in " + GodwitConfig.FILE_NAME);
            }
        } else if (v.isObject()) {
            v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText("ignored in " + GodwitConfig.FILE_NAME)));
        } else {
            throw bad(where, key, "an array of rule names, or a table of rule = \"reason\"");
        }
        return out;
    }

    private static long count(JsonNode v, String key, String where) {
        if (!v.canConvertToLong() || v.asLong() < 0) {
            throw bad(where, key, "a whole number, 0 or more");
        }
        return v.asLong();
    }

    private static long size(JsonNode v, String key, String where) {
        if (v.canConvertToLong()) {
            return v.asLong();
        }
        Matcher m = v.isTextual() ? SIZE.matcher(v.textValue().strip().toLowerCase(Locale.ROOT)) : null;
        if (m == null || !m.matches()) {
            throw bad(where, key, "a size such as \"10MB\" or \"1GB\"");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).substring(0, 1);
        int shift = switch (unit) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return (long) (n * (1L << shift));
    }

    /** "5s", "500ms", "2m", or a number of seconds; null when {@code text} is not one (a usage error naming {@code key}). */
    public static Duration duration(String text, String key, String where) {
        Matcher m = text == null ? null : DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw bad(where, key, "a duration such as \"5s\" or \"500ms\"");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long ms = (long) switch (unit) {
            case "ms" -> n;
            case "m", "min" -> n * 60_000;
            default -> n * 1000;
        };
        if (ms <= 0) {
            throw bad(where, key, "a duration above zero");
        }
        return Duration.ofMillis(ms);
    }

    private static GodwitException bad(String where, String key, String expected) {
        return new GodwitException(ErrorKind.USAGE, where + ": " + key + " must be " + expected, null);
    }
}
