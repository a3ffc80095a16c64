package dev.godwit.engine.prismaconfig;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.prismaconfig.PrismaConfig.Setting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Finds and reads a Prisma 7 config file without running Node.
 *
 * <p>Where: as Prisma 7.10.1's loader looks, in the project folder only (no walking up):
 * {@code prisma7.config.*}, {@code .config/prisma7.*}, then {@code prisma.config.*}, {@code .config/prisma.*},
 * {@code .config/prisma.config.*}, each with the extensions {@code .js .ts .mjs .cjs .mts .cts} in that order.
 *
 * <p>What: the object of {@code export default} or {@code module.exports}, plain, wrapped in
 * {@code defineConfig(…)}, or with {@code satisfies}/{@code as}; and from it {@code schema},
 * {@code migrations.path}, {@code migrations.seed} and {@code datasource.url}, {@code .directUrl},
 * {@code .shadowDatabaseUrl}. Variables come from the process environment, then from the {@code .env} files the
 * config loads with dotenv (the project's {@code .env} by default).
 */
public final class PrismaConfigReader {
    private static final List<String> EXTENSIONS = List.of(".js", ".ts", ".mjs", ".cjs", ".mts", ".cts");
    private static final List<String> BASENAMES = List.of("prisma7.config", ".config/prisma7", "prisma.config",
            ".config/prisma", ".config/prisma.config");

    private PrismaConfigReader() {
    }

    /** The config file Prisma would load from {@code root}, if any. */
    public static Optional<Path> find(Path root) {
        for (String base : BASENAMES) {
            for (String ext : EXTENSIONS) {
                Path candidate = root.resolve(base + ext);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads {@code file}.
     *
     * @param root       the project folder (where Prisma runs, and where the default .env is)
     * @param processEnv the process environment
     * @param dotEnv     reads a .env file, expanding from the given outer environment (a missing file: empty)
     * @throws GodwitException USAGE naming file:line:column for a config that exports no object
     */
    public static PrismaConfig read(Path file, Path root, Map<String, String> processEnv,
                                    BiFunction<Path, Map<String, String>, Map<String, String>> dotEnv) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.USAGE, "cannot read " + file + ": " + e.getMessage(), null, e);
        }
        return read(text, file, root, processEnv, dotEnv);
    }

    static PrismaConfig read(String text, Path file, Path root, Map<String, String> processEnv,
                             BiFunction<Path, Map<String, String>, Map<String, String>> dotEnv) {
        Where where = new Where(text, file, root);
        JsModule module = JsParser.parse(text);
        if (module.defaultExport() == null) {
            throw new GodwitException(ErrorKind.USAGE, where.name() + ": no `export default` or `module.exports = …` found",
                    "export the config object (export default defineConfig({ … })), or put godwit's settings in godwit.toml");
        }
        String dir = file.toAbsolutePath().getParent().toString().replace('\\', '/');
        Map<String, String> vars = new HashMap<>();
        JsEvaluator plain = new JsEvaluator(module, dir, file.toString(), processEnv::get);
        for (JsModule.DotenvLoad load : module.dotenvLoads()) {
            Object p = load.path() == null ? null : plain.eval(load.path());
            Path envFile = p instanceof String s ? Path.of(JsPaths.resolve(root.toString().replace('\\', '/'), List.of(s)))
                    : root.resolve(".env");
            dotEnv.apply(envFile, processEnv).forEach(vars::putIfAbsent);
        }
        if (module.dotenvLoads().isEmpty()) {
            vars.putAll(dotEnv.apply(root.resolve(".env"), processEnv));
        }
        JsEvaluator eval = new JsEvaluator(module, dir, file.toString(), name -> {
            String v = processEnv.get(name);
            return v != null ? v : vars.get(name);
        });
        Object exported = eval.eval(module.defaultExport());
        if (!(exported instanceof Map<?, ?> config)) {
            throw where.error(exported instanceof JsEvaluator.Unreadable u ? u.offset() : module.defaultExport().offset(),
                    "the default export is " + reason(exported) + ", not a config object", "godwit.toml");
        }
        Setting<String> schema = string(where, config, "schema", "schema", "[project] schema in godwit.toml, or --schema");
        Map<?, ?> migrations = object(where, config, "migrations");
        Setting<String> migrationsPath = string(where, migrations, "migrations.path", "path", "[project] migrations in godwit.toml");
        Setting<String> seed = string(where, migrations, "migrations.seed", "seed", "[project] seed in godwit.toml");
        Map<?, ?> datasource = object(where, config, "datasource");
        List<String> notes = new ArrayList<>();
        for (String key : List.of("views", "typedSql", "tables", "enums")) {
            if (config.containsKey(key)) {
                notes.add(where.name() + ": `" + key + "` is Prisma Client's or Prisma's own setting; godwit does not use it");
            }
        }
        return new PrismaConfig(file, absolute(dir, schema), absolute(dir, migrationsPath), seed,
                url(where, datasource, "url"), url(where, datasource, "directUrl"),
                url(where, datasource, "shadowDatabaseUrl"), notes);
    }

    private static Setting<Path> absolute(String dir, Setting<String> s) {
        String v = s.value();
        return new Setting<>(s.key(), v == null || v.isEmpty() ? null : Path.of(JsPaths.resolve(dir, List.of(v))), s.error());
    }

    private static Map<?, ?> object(Where where, Map<?, ?> parent, String key) {
        Object v = parent.get(key);
        if (v == null || v == JsNode.UNDEFINED || v == JsEvaluator.NULL) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw where.error(v instanceof JsEvaluator.Unreadable u ? u.offset() : 0,
                "`" + key + "` is " + reason(v) + ", not an object", "godwit.toml");
    }

    /** A string setting: an unreadable value becomes the error it gives at its place when it is needed. */
    private static Setting<String> string(Where where, Map<?, ?> parent, String label, String key, String instead) {
        Object v = parent.get(key);
        if (v == null || v == JsNode.UNDEFINED || v == JsEvaluator.NULL) {
            return Setting.absent(label);
        }
        if (v instanceof String s) {
            return new Setting<>(label, s, null);
        }
        if (v instanceof JsEvaluator.UnsetEnv u) {
            return new Setting<>(label, null,
                    where.error(u.offset(), unsetMessage(u), "set " + u.variable() + " in the environment or in .env"));
        }
        int at = v instanceof JsEvaluator.Unreadable u ? u.offset() : 0;
        return new Setting<>(label, null, where.error(at, "cannot read `" + label + "`: it is " + reason(v), instead));
    }

    private static Setting<String> url(Where where, Map<?, ?> datasource, String key) {
        String label = "datasource." + key;
        Object v = datasource.get(key);
        if (v == null || v == JsNode.UNDEFINED || v == JsEvaluator.NULL) {
            return Setting.absent(label);
        }
        if (v instanceof String s) {
            return new Setting<>(label, s.isBlank() ? null : s, null);
        }
        if (v instanceof JsEvaluator.UnsetEnv u) {
            return new Setting<>(label, null, where.error(u.offset(), unsetMessage(u),
                    "set " + u.variable() + " in the environment or in .env, or give the URL with --url or in godwit.toml"));
        }
        int at = v instanceof JsEvaluator.Unreadable u ? u.offset() : 0;
        String instead = key.equals("shadowDatabaseUrl") ? "shadow_url in a godwit.toml [env.NAME] table"
                : "--url, or url in a godwit.toml [env.NAME] table";
        return new Setting<>(label, null, where.error(at, "cannot read `" + label + "`: it is " + reason(v), instead));
    }

    private static String unsetMessage(JsEvaluator.UnsetEnv u) {
        return "env(\"" + u.variable() + "\"): the environment variable " + u.variable()
                + " is not set (Prisma stops here too: \"Cannot resolve environment variable\")";
    }

    private static String reason(Object v) {
        if (v instanceof JsEvaluator.Unreadable u) {
            return u.why();
        }
        return JsEvaluator.describe(v);
    }

    /** Turns offsets into file:line:column. */
    private record Where(String text, Path file, Path root) {
        String name() {
            return root != null && file.toAbsolutePath().startsWith(root.toAbsolutePath())
                    ? root.toAbsolutePath().relativize(file.toAbsolutePath()).toString() : file.toString();
        }

        GodwitException error(int offset, String message, String instead) {
            int line = 1;
            int col = 1;
            for (int k = 0; k < Math.min(offset, text.length()); k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new GodwitException(ErrorKind.USAGE, name() + ":" + line + ":" + col + ": " + message,
                    "godwit reads this file without running Node; give the setting another way: " + instead);
        }
    }
}
