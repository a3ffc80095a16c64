package dev.godwit.engine.prismaconfig;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Node's {@code path.join}, {@code path.resolve} and {@code path.dirname} for '/'-separated paths. */
final class JsPaths {
    private JsPaths() {
    }

    static String join(List<String> parts) {
        String joined = String.join("/", parts.stream().filter(p -> !p.isEmpty()).toList());
        return joined.isEmpty() ? "." : normalize(joined);
    }

    /** Resolves right to left until a path is absolute; what is still relative is relative to {@code cwd}. */
    static String resolve(String cwd, List<String> parts) {
        String out = "";
        for (int k = parts.size() - 1; k >= 0; k--) {
            String p = parts.get(k);
            if (p.isEmpty()) {
                continue;
            }
            out = out.isEmpty() ? p : p + "/" + out;
            if (p.startsWith("/")) {
                return normalize(out);
            }
        }
        return normalize(out.isEmpty() ? cwd : cwd + "/" + out);
    }

    static String dirname(String p) {
        String n = normalize(p);
        int slash = n.lastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : n.substring(0, slash);
    }

    static String normalize(String p) {
        boolean absolute = p.startsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String seg : p.replace('\\', '/').split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..") && !out.isEmpty() && !out.peekLast().equals("..")) {
                out.removeLast();
            } else if (!(seg.equals("..") && absolute)) {
                out.addLast(seg);
            }
        }
        String body = String.join("/", out);
        return absolute ? "/" + body : body.isEmpty() ? "." : body;
    }
}
