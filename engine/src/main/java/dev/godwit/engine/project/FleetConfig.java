package dev.godwit.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One {@code [fleet.NAME]} table of godwit.toml: where the targets come from, and how a fleet apply runs by default.
 * <pre>
 * [fleet.tenants]
 * urls = ["postgresql://…/a", "env:TENANT_B_URL"]   # a list of URLs
 * file = "tenants.txt"                             # one URL or schema name a line (# comments)
 * query = "SELECT schema_name FROM tenants"        # URLs or schema names, against control_url
 * control_url = "env:CONTROL_URL"                  # default: the environment's url
 * schemas = "tenant_%"                             # schema-per-tenant: a LIKE pattern in one database
 * url = "env:APP_URL"                              # the database of schema names (default: the environment's url)
 * parallel = 4                                     # defaults for apply --fleet
 * canary = 1
 * max_failures = 1
 * </pre>
 * The sources add up, in that order; a target named twice is an error.
 */
public record FleetConfig(String name, List<String> urls, String file, String query, String controlUrl, String schemas,
                          String url, int parallel, int canary, int maxFailures) {

    public FleetConfig {
        urls = List.copyOf(urls);
    }

    public static FleetConfig read(String name, JsonNode t, String where, List<String> warnings) {
        if (!t.isObject()) {
            throw typeError(where, "[fleet." + name + "]", "a table");
        }
        List<String> urls = new ArrayList<>();
        String file = null;
        String query = null;
        String controlUrl = null;
        String schemas = null;
        String url = null;
        int parallel = 4;
        int canary = 0;
        int maxFailures = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = "fleet." + name + "." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "urls" -> {
                    if (!v.isArray()) {
                        throw typeError(where, key, "an array of URLs");
                    }
                    for (JsonNode item : v) {
                        urls.add(string(item, key, where));
                    }
                }
                case "file" -> file = string(v, key, where);
                case "query" -> query = string(v, key, where);
                case "control_url" -> controlUrl = string(v, key, where);
                case "schemas" -> schemas = string(v, key, where);
                case "url" -> url = string(v, key, where);
                case "parallel" -> parallel = positive(v, key, where, 1);
                case "canary" -> canary = positive(v, key, where, 0);
                case "max_failures" -> maxFailures = positive(v, key, where, 1);
                default -> throw new GodwitException(ErrorKind.USAGE, where + ": unknown key \"" + key + "\"",
                        "a [fleet.NAME] table takes: urls, file, query, control_url, schemas, url, parallel, canary, max_failures");
            }
        }
        if (urls.isEmpty() && file == null && query == null && schemas == null) {
            throw new GodwitException(ErrorKind.USAGE, where + ": [fleet." + name + "] names no targets",
                    "add urls = [...], file = \"…\", query = \"…\" or schemas = \"pattern%\"");
        }
        return new FleetConfig(name, urls, file, query, controlUrl, schemas, url, parallel, canary, maxFailures);
    }

    private static String string(JsonNode v, String key, String where) {
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw typeError(where, key, "a non-empty string");
        }
        return v.textValue().strip();
    }

    private static int positive(JsonNode v, String key, String where, int min) {
        if (!v.isInt() || v.intValue() < min) {
            throw typeError(where, key, "a whole number of at least " + min);
        }
        return v.intValue();
    }

    private static GodwitException typeError(String where, String key, String expected) {
        return new GodwitException(ErrorKind.USAGE, where + ": " + key + " must be " + expected, null);
    }
}
