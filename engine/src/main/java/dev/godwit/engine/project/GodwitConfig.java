package dev.godwit.engine.project;


import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code godwit.toml}:
 * <pre>
 * [project]
 * schema = "prisma/schema.prisma"     # default
 * migrations = "prisma/migrations"    # default
 * default_env = "dev"                 # optional
 * generate = ["cmd args", …]         # optional: run after dev (code generators)
 * seed = "cmd args"                  # optional: run after reset
 *
 * [env.dev]
 * url = "postgresql://..."            # or "env:DATABASE_URL"; optional
 * shadow_url = "env:SHADOW_URL"       # optional
 * direct_url = "env:DIRECT_URL"       # optional: used when url goes through a pooler in transaction mode
 * production = false                  # default
 * </pre>
 * Unknown keys and tables are errors with the line and the key they probably mean ({@code Production},
 * {@code prodution}, {@code urll}, {@code [envs.x]}): a misspelt {@code production = true} silently ignored
 * would take the production guard away. A UTF-8 byte-order mark is accepted. Values of the wrong type,
 * a {@code default_env} naming no {@code [env.*]} table, a bad {@code env:} reference and invalid TOML are
 * {@link ErrorKind#USAGE} errors naming the file (and, for TOML syntax, line:column).
 */
public final class GodwitConfig {
    public static final String FILE_NAME = "godwit.toml";
    public static final String DEFAULT_SCHEMA = "prisma/schema.prisma";
    public static final String DEFAULT_MIGRATIONS = "prisma/migrations";

    /** Built on first use: a project without godwit.toml never loads Jackson (some 380 classes at start-up). */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    private final Path file;
    private final String schema;
    private final String migrations;
    private final String defaultEnv;
    private final List<String> generate;
    private final String seed;
    private final Map<String, Environment> environments;
    /** The {@code [fleet.*]} tables in file order. */
    private Map<String, FleetConfig> fleets = Map.of();
    private final List<String> warnings;
    /** [lint], [apply] and [plan]: set once by {@link #parse} after construction. */
    private SafetyConfig safety = SafetyConfig.DEFAULT;

    private GodwitConfig(Path file, String schema, String migrations, String defaultEnv, List<String> generate, String seed,
                         Map<String, Environment> environments, List<String> warnings) {
        this.file = file;
        this.schema = schema;
        this.migrations = migrations;
        this.defaultEnv = defaultEnv;
        this.generate = List.copyOf(generate);
        this.seed = seed;
        this.environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        this.warnings = List.copyOf(warnings);
    }

    /** The configuration of a project without godwit.toml: default paths, no environments. */
    public static GodwitConfig defaults() {
        return new GodwitConfig(null, null, null, null, List.of(), null, Map.of(), List.of());
    }

    /** Reads a godwit.toml file. */
    public static GodwitConfig read(Path file) {
        String text;
        try {
            text = dev.godwit.engine.TextFiles.readUtf8(file);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.USAGE, "cannot read " + file + ": " + e.getMessage(), null, e);
        }
        return parse(text, file);
    }

    private static final List<String> TOP_KEYS = List.of("project", "env", "fleet", "lint", "apply", "plan");
    private static final Map<String, List<String>> SAFETY_KEYS = Map.of(
            "lint", List.of("ignore", "warn_rows", "error_rows", "warn_size", "error_size"),
            "apply", List.of("lock_timeout_per_statement", "retries"),
            "plan", List.of("safe"));
    private static final List<String> PROJECT_KEYS = List.of("schema", "migrations", "default_env", "generate", "seed");
    private static final List<String> ENV_KEYS = List.of("url", "shadow_url", "direct_url", "production");

    /** Parses godwit.toml text; {@code file} (may be null) is only used to name the source in messages. */
    public static GodwitConfig parse(String text, Path file) {
        String where = file == null ? FILE_NAME : file.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String source = text;
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(text);
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            String pos = loc == null || loc.getLineNr() < 0 ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new GodwitException(ErrorKind.USAGE, where + pos + ": invalid TOML: " + e.getOriginalMessage(),
                    "fix the syntax of " + where, e);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.USAGE, "cannot read " + where + ": " + e.getMessage(), null, e);
        }
        List<String> warnings = new ArrayList<>();
        String schema = null;
        String migrations = null;
        String defaultEnv = null;
        List<String> generate = List.of();
        String seed = null;
        Map<String, FleetConfig> fleets = new LinkedHashMap<>();
        Map<String, Environment> envs = new LinkedHashMap<>();
        SafetyConfig safety = SafetyConfig.DEFAULT;
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new GodwitConfig(file, schema, migrations, null, generate, seed, envs, warnings);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> top = it.next();
            switch (top.getKey()) {
                case "project" -> {
                    JsonNode p = table(top.getValue(), "[project]", where);
                    for (Iterator<Map.Entry<String, JsonNode>> pi = p.fields(); pi.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = pi.next();
                        String label = "project." + e.getKey();
                        switch (e.getKey()) {
                            case "schema" -> schema = nonEmptyString(e.getValue(), label, where);
                            case "migrations" -> migrations = nonEmptyString(e.getValue(), label, where);
                            case "default_env" -> defaultEnv = nonEmptyString(e.getValue(), label, where);
                            case "generate" -> generate = commands(e.getValue(), label, where);
                            case "seed" -> seed = nonEmptyString(e.getValue(), label, where);
                            default -> throw unknown(where, source, List.of("project"), e.getKey(), PROJECT_KEYS);
                        }
                    }
                }
                case "env" -> {
                    JsonNode envTable = table(top.getValue(), "[env]", where);
                    for (Iterator<Map.Entry<String, JsonNode>> ei = envTable.fields(); ei.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = ei.next();
                        envs.put(e.getKey(), environment(e.getKey(), e.getValue(), where, source));
                    }
                }
                case "fleet" -> {
                    JsonNode fleetTable = table(top.getValue(), "[fleet]", where);
                    for (Iterator<Map.Entry<String, JsonNode>> fi = fleetTable.fields(); fi.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = fi.next();
                        fleets.put(e.getKey(), FleetConfig.read(e.getKey(), e.getValue(), where, warnings));
                    }
                }
                case "lint", "apply", "plan" -> {
                    JsonNode t = table(top.getValue(), "[" + top.getKey() + "]", where);
                    List<String> known = SAFETY_KEYS.get(top.getKey());
                    for (Iterator<Map.Entry<String, JsonNode>> si = t.fields(); si.hasNext(); ) {
                        String key = si.next().getKey();
                        if (!known.contains(key)) {
                            throw unknown(where, source, List.of(top.getKey()), key, known);
                        }
                    }
                    safety = SafetyConfig.read(top.getKey(), t, safety, where, warnings);
                }
                default -> throw unknown(where, source, List.of(), top.getKey(), TOP_KEYS);
            }
        }
        if (defaultEnv != null && !envs.containsKey(defaultEnv)) {
            throw new GodwitException(ErrorKind.USAGE,
                    where + ": project.default_env is \"" + defaultEnv + "\" but there is no [env." + defaultEnv + "]",
                    envs.isEmpty() ? "add an [env." + defaultEnv + "] table"
                            : "known environments: " + String.join(", ", envs.keySet()));
        }
        GodwitConfig config = new GodwitConfig(file, schema, migrations, defaultEnv, generate, seed, envs, warnings);
        config.safety = safety;
        config.fleets = Collections.unmodifiableMap(fleets);
        return config;
    }

    private static Environment environment(String name, JsonNode node, String where, String source) {
        String label = "[env." + name + "]";
        JsonNode t = table(node, label, where);
        String url = null;
        String shadowUrl = null;
        String directUrl = null;
        boolean production = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = "env." + name + "." + e.getKey();
            switch (e.getKey()) {
                case "url" -> url = urlValue(e.getValue(), key, where);
                case "shadow_url" -> shadowUrl = urlValue(e.getValue(), key, where);
                case "direct_url" -> directUrl = urlValue(e.getValue(), key, where);
                case "production" -> {
                    if (!e.getValue().isBoolean()) {
                        throw typeError(where, key, "true or false");
                    }
                    production = e.getValue().booleanValue();
                }
                default -> throw unknown(where, source, List.of("env", name), e.getKey(), ENV_KEYS);
            }
        }
        return new Environment(name, url, shadowUrl, production, directUrl);
    }

    private static String urlValue(JsonNode v, String key, String where) {
        if (!v.isTextual()) {
            throw typeError(where, key, "a string");
        }
        String s = v.textValue().strip();
        if (s.isEmpty()) {
            return null;
        }
        String var = Environment.envVarOf(s);
        if (var != null && !var.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new GodwitException(ErrorKind.USAGE,
                    where + ": " + key + " = \"" + Secrets.maskUrl(s) + "\" does not name a valid environment variable",
                    "write env:NAME, e.g. env:DATABASE_URL");
        }
        return s;
    }

    /** An array of command lines; a single string is taken as one command. */
    private static List<String> commands(JsonNode v, String key, String where) {
        if (v.isTextual()) {
            return List.of(nonEmptyString(v, key, where));
        }
        if (!v.isArray()) {
            throw typeError(where, key, "an array of command strings, e.g. [\"./gradlew generateJooq\"]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            out.add(nonEmptyString(item, key + "[" + out.size() + "]", where));
        }
        return out;
    }

    private static JsonNode table(JsonNode n, String label, String where) {
        if (!n.isObject()) {
            throw typeError(where, label, "a table");
        }
        return n;
    }

    private static String nonEmptyString(JsonNode v, String key, String where) {
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw typeError(where, key, "a non-empty string");
        }
        return v.textValue();
    }

    private static GodwitException typeError(String where, String key, String expected) {
        return new GodwitException(ErrorKind.USAGE, where + ": " + key + " must be " + expected, null);
    }

    private static GodwitException unknown(String where, String text, List<String> table, String key, List<String> known) {
        int line = ConfigKeys.lineOf(text, table, key);
        boolean isTable = table.isEmpty();
        String in = isTable ? "" : " in [" + String.join(".", table) + "]";
        String suggestion = ConfigKeys.suggestion(key, known);
        return new GodwitException(ErrorKind.USAGE, where + (line > 0 ? ":" + line : "") + ": unknown "
                + (isTable ? "table [" + key + "]" : "key \"" + key + "\"" + in) + (suggestion.isEmpty() ? "" : "; " + suggestion),
                "known " + (isTable ? "tables" : "keys" + in) + ": " + String.join(", ", known));
    }

    /** The file this was read from, or null for {@link #defaults()} and text without a file. */
    public Path file() {
        return file;
    }

    /** The schema path as written (relative paths are relative to the project root), else the default. */
    public String schema() {
        return schema == null ? DEFAULT_SCHEMA : schema;
    }

    /** Whether godwit.toml sets {@code project.schema} (it then wins over a Prisma config file). */
    public boolean schemaGiven() {
        return schema != null;
    }

    /** The migrations directory as written (relative paths are relative to the project root), else the default. */
    public String migrations() {
        return migrations == null ? DEFAULT_MIGRATIONS : migrations;
    }

    /** Whether godwit.toml sets {@code project.migrations} (it then wins over a Prisma config file). */
    public boolean migrationsGiven() {
        return migrations != null;
    }

    /** {@code project.default_env}, or null. */
    public String defaultEnv() {
        return defaultEnv;
    }

    /**
     * {@code project.generate}: commands run after {@code dev} (Prisma runs its client generators there).
     * Project-wide only: generated code does not depend on which database it was generated from.
     */
    public List<String> generate() {
        return generate;
    }

    /** {@code project.seed}: the command run after {@code reset} has applied every migration, or null. */
    public String seed() {
        return seed;
    }

    /** The {@code [env.*]} tables in file order; unmodifiable. */
    public Map<String, Environment> environments() {
        return environments;
    }

    /** The [lint], [apply] and [plan] settings (defaults when absent). */
    public SafetyConfig safety() {
        return safety;
    }

    /** The {@code [fleet.*]} tables in file order; unmodifiable. */
    public Map<String, FleetConfig> fleets() {
        return fleets;
    }

    /** Messages about ignored keys and tables, e.g. {@code godwit.toml: unknown key "env.dev.uri" (ignored)}. */
    public List<String> warnings() {
        return warnings;
    }
}
