package dev.godwit.engine.prismaconfig;

import dev.godwit.engine.prismaconfig.JsNode.Binary;
import dev.godwit.engine.prismaconfig.JsNode.Call;
import dev.godwit.engine.prismaconfig.JsNode.Literal;
import dev.godwit.engine.prismaconfig.JsNode.Member;
import dev.godwit.engine.prismaconfig.JsNode.Name;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Works out the values of a config file's expressions the way Node would, for the few things a config
 * does: literals, objects, constants, {@code env("X")} and {@code process.env.X} (with {@code ??} and
 * {@code ||} fallbacks), {@code defineConfig(…)}, {@code path.join}/{@code path.resolve} with
 * {@code __dirname} or {@code import.meta.dirname}. What it cannot work out becomes an {@link Unreadable}
 * that remembers where it is and why; only a setting that godwit needs turns it into an error.
 */
final class JsEvaluator {
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A value godwit cannot know without running the file. */
    record Unreadable(int offset, String why) {
    }

    /** {@code env("X")} of an unset variable: Prisma stops loading the config there. */
    record UnsetEnv(int offset, String variable) {
    }

    private record ModuleRef(String module, String name) {
    }

    private record Builtin(String name) {
    }

    private final JsModule module;
    private final String dir;
    private final String file;
    private final UnaryOperator<String> env;
    private final Set<String> evaluating = new HashSet<>();

    /**
     * @param dir  the folder of the config file ({@code __dirname}, and what relative paths are relative to)
     * @param env  looks a variable up (null when unset)
     */
    JsEvaluator(JsModule module, String dir, String file, UnaryOperator<String> env) {
        this.module = module;
        this.dir = dir;
        this.file = file;
        this.env = env;
    }

    Object eval(JsNode n) {
        if (n instanceof Literal l) {
            return l.value() == null ? NULL : l.value();
        }
        if (n instanceof JsNode.Template t) {
            StringBuilder sb = new StringBuilder(t.chunks().get(0));
            for (int k = 0; k < t.parts().size(); k++) {
                Object v = eval(t.parts().get(k));
                if (problem(v)) {
                    return v;
                }
                sb.append(text(v)).append(t.chunks().get(k + 1));
            }
            return sb.toString();
        }
        if (n instanceof JsNode.ObjectLit o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (JsNode.Property p : o.properties()) {
                if (p.key() == null) {
                    Object spread = eval(p.value());
                    if (spread instanceof Map<?, ?> m) {
                        m.forEach((k, v) -> out.put((String) k, v));
                    } else if (problem(spread)) {
                        out.put("...", spread);
                    }
                } else {
                    out.put(p.key(), eval(p.value()));
                }
            }
            return out;
        }
        if (n instanceof JsNode.ArrayLit a) {
            List<Object> out = new ArrayList<>();
            a.items().forEach(item -> out.add(eval(item)));
            return out;
        }
        if (n instanceof Name name) {
            return name(name);
        }
        if (n instanceof Member m) {
            return member(m);
        }
        if (n instanceof Call c) {
            return call(c);
        }
        if (n instanceof Binary b) {
            return binary(b);
        }
        JsNode.Opaque o = (JsNode.Opaque) n;
        return new Unreadable(o.offset(), o.what() + ", which only Node can work out");
    }

    private Object name(Name n) {
        switch (n.name()) {
            case "__dirname":
                return dir;
            case "__filename":
                return file;
            case "import.meta":
                return Map.of("dirname", dir, "filename", file, "url", "file://" + file);
            case "process":
                return new Builtin("process");
            case "require":
                return new Builtin("require");
            default:
                break;
        }
        if (module.constants().containsKey(n.name())) {
            if (!evaluating.add(n.name())) {
                return new Unreadable(n.offset(), "`" + n.name() + "`, which refers to itself");
            }
            try {
                return eval(module.constants().get(n.name()));
            } finally {
                evaluating.remove(n.name());
            }
        }
        JsModule.Import imp = module.imports().get(n.name());
        if (imp != null) {
            return new ModuleRef(imp.bareModule(), imp.name());
        }
        if (n.name().equals("defineConfig") || n.name().equals("env")) {
            return new ModuleRef("prisma/config", n.name());
        }
        return new Unreadable(n.offset(), "`" + n.name() + "`, which this file does not define");
    }

    private Object member(Member m) {
        Object obj = eval(m.object());
        if (problem(obj)) {
            return obj;
        }
        if (obj instanceof Builtin b && b.name().equals("process") && m.name().equals("env")) {
            return new Builtin("process.env");
        }
        if (obj instanceof Builtin b && b.name().equals("process.env")) {
            String v = env.apply(m.name());
            return v == null ? JsNode.UNDEFINED : v;
        }
        if (obj instanceof ModuleRef r && (r.name().equals("*") || r.name().equals("default"))) {
            return new ModuleRef(r.module(), m.name());
        }
        if (obj instanceof Map<?, ?> map) {
            Object v = map.get(m.name());
            return v == null ? JsNode.UNDEFINED : v;
        }
        if (obj instanceof String s && m.name().equals("length")) {
            return (double) s.length();
        }
        return new Unreadable(m.offset(), "`." + m.name() + "` of " + describe(obj));
    }

    private Object call(Call c) {
        Object callee = eval(c.callee());
        if (callee instanceof Unreadable && c.callee() instanceof Name nm) {
            return unreadableCall(c, nm.name());
        }
        if (problem(callee)) {
            return callee;
        }
        List<Object> args = new ArrayList<>();
        for (JsNode a : c.args()) {
            args.add(eval(a));
        }
        if (callee instanceof Builtin b && b.name().equals("require") && args.size() == 1 && args.get(0) instanceof String m) {
            return new ModuleRef(m.startsWith("node:") ? m.substring(5) : m, "*");
        }
        if (callee instanceof ModuleRef r) {
            String fn = r.module() + "." + r.name();
            switch (fn) {
                case "prisma/config.defineConfig", "@prisma/config.defineConfig" -> {
                    return args.isEmpty() ? JsNode.UNDEFINED : args.get(0);
                }
                case "prisma/config.env", "@prisma/config.env" -> {
                    if (args.size() != 1 || !(args.get(0) instanceof String var)) {
                        return args.isEmpty() || !problem(args.get(0))
                                ? new Unreadable(c.offset(), "an env(…) call without a variable name") : args.get(0);
                    }
                    String v = env.apply(var);
                    return v == null || v.isEmpty() ? new UnsetEnv(c.offset(), var) : v;
                }
                case "path.join", "path.resolve", "path.posix.join", "path.posix.resolve" -> {
                    return paths(c, args, r.name().endsWith("resolve"));
                }
                case "path.dirname" -> {
                    return args.size() == 1 && args.get(0) instanceof String p ? JsPaths.dirname(p) : unreadableCall(c, fn);
                }
                case "url.fileURLToPath" -> {
                    return args.size() == 1 && args.get(0) instanceof String u && u.startsWith("file://")
                            ? u.substring("file://".length()) : unreadableCall(c, fn);
                }
                default -> {
                    if (r.module().equals("dotenv")) {
                        return new LinkedHashMap<String, Object>();
                    }
                    return unreadableCall(c, r.name());
                }
            }
        }
        return unreadableCall(c, c.callee() instanceof Name nm ? nm.name() : "a function");
    }

    private Object paths(Call c, List<Object> args, boolean resolve) {
        List<String> parts = new ArrayList<>();
        for (Object a : args) {
            if (problem(a)) {
                return a;
            }
            if (!(a instanceof String s)) {
                return new Unreadable(c.offset(), "a path built from " + describe(a));
            }
            parts.add(s);
        }
        return resolve ? JsPaths.resolve(dir, parts) : JsPaths.join(parts);
    }

    private static Unreadable unreadableCall(Call c, String name) {
        return new Unreadable(c.offset(), "a call to `" + name + "(…)`, which only Node can run");
    }

    private Object binary(Binary b) {
        Object left = eval(b.left());
        if (problem(left)) {
            return left;
        }
        switch (b.op()) {
            case "??" -> {
                return left == JsNode.UNDEFINED || left == NULL ? eval(b.right()) : left;
            }
            case "||" -> {
                return truthy(left) ? left : eval(b.right());
            }
            case "&&" -> {
                return truthy(left) ? eval(b.right()) : left;
            }
            default -> {
                Object right = eval(b.right());
                if (problem(right)) {
                    return right;
                }
                if (left instanceof Double x && right instanceof Double y) {
                    return x + y;
                }
                return text(left) + text(right);
            }
        }
    }

    static boolean problem(Object v) {
        return v instanceof Unreadable || v instanceof UnsetEnv;
    }

    private static boolean truthy(Object v) {
        return !(v == JsNode.UNDEFINED || v == NULL || Boolean.FALSE.equals(v) || "".equals(v)
                || (v instanceof Double d && (d == 0 || d.isNaN())));
    }

    /** A value as JavaScript's String(v) writes it. */
    static String text(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : d.toString();
        }
        if (v instanceof Map<?, ?>) {
            return "[object Object]";
        }
        return String.valueOf(v);
    }

    static String describe(Object v) {
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof List<?>) {
            return "an array";
        }
        if (v instanceof ModuleRef r) {
            return "`" + r.name() + "` from \"" + r.module() + "\"";
        }
        if (v instanceof Builtin b) {
            return "`" + b.name() + "`";
        }
        return String.valueOf(v);
    }
}
