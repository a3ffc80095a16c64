package dev.godwit.engine.project;


import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Whether two database URLs reach the same database (and, on PostgreSQL, the same schema), however
 * each was written: Prisma or JDBC form, percent-encoded or not, with other query parameters, another
 * user, the default port left out, {@code localhost}, {@code 127.0.0.1}, {@code ::1}, the machine's own
 * name or a Unix socket for the local server, a host name in another case, a trailing slash.
 *
 * <p>It decides which databases get production care, so every doubt answers "same": names are compared
 * without regard to case, an unknown database matches any, and a host name that resolves to an address
 * of the other host is the same host. A false "same" costs a question; a false "different" can cost a
 * production database.
 */
public final class SameDatabase {
    /** Query parameters that put the connection on a Unix socket of the local machine. */
    private static final Set<String> SOCKET_PARAMS = Set.of("socket", "localsocket", "unixsocketpath", "socketfactory",
            "socketfactoryarg");
    private static final Map<String, Set<String>> RESOLVED = new ConcurrentHashMap<>();
    private static volatile Set<String> localAddresses;

    private SameDatabase() {
    }

    /** True when {@code a} and {@code b} may well be the same database and schema. */
    public static boolean same(DatabaseUrl a, DatabaseUrl b) {
        if (a.provider() != b.provider()) {
            return false;
        }
        if (!sameName(effectiveDatabase(a), effectiveDatabase(b))) {
            return false;
        }
        if (UrlForm.of(a.provider()).schemasInDatabase() && !sameName(a.schema(), b.schema())) {
            return false;
        }
        boolean socketA = onSocket(a);
        boolean socketB = onSocket(b);
        // a MySQL socket is the local server whatever port the URL says; a PostgreSQL socket file carries the port
        boolean portMatters = !UrlForm.of(a.provider()).socketIgnoresPort() || !(socketA || socketB);
        if (portMatters && port(a) != port(b)) {
            return false;
        }
        return sameHost(socketA ? "localhost" : host(a), socketB ? "localhost" : host(b));
    }

    /** The database a URL reaches: its own, or the PostgreSQL default (the user's name); null when unknown. */
    private static String effectiveDatabase(DatabaseUrl u) {
        String db = firstNonBlank(u.database(), param(u, "dbname"));
        if (db == null) {
            return UrlForm.of(u.provider()).defaultDatabase(u);
        }
        return db;
    }

    private static boolean sameName(String a, String b) {
        return a == null || b == null || a.equalsIgnoreCase(b);
    }

    private static boolean onSocket(DatabaseUrl u) {
        for (Map.Entry<String, String> e : u.params().entrySet()) {
            if (SOCKET_PARAMS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        String h = param(u, "host");
        return h != null && h.startsWith("/");
    }

    private static String host(DatabaseUrl u) {
        String h = param(u, "host");
        return h != null ? h : u.host();
    }

    private static int port(DatabaseUrl u) {
        String p = param(u, "port");
        if (p != null && p.matches("[0-9]{1,5}")) {
            return Integer.parseInt(p);
        }
        return u.port();
    }

    private static String param(DatabaseUrl u, String key) {
        for (Map.Entry<String, String> e : u.params().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key) && !e.getValue().isBlank()) {
                return e.getValue().strip();
            }
        }
        return null;
    }

    /** Same machine: equal names, both this machine, or one name resolving to an address of the other. */
    static boolean sameHost(String a, String b) {
        String na = normalHost(a);
        String nb = normalHost(b);
        if (na.equals(nb)) {
            return true;
        }
        boolean localA = isLocal(na);
        boolean localB = isLocal(nb);
        if (localA || localB) {
            return localA && localB;
        }
        Set<String> ra = addresses(na);
        Set<String> rb = addresses(nb);
        return !Collections.disjoint(ra, rb);
    }

    private static String normalHost(String h) {
        String s = h == null || h.isBlank() ? "localhost" : h.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("/")) {
            return "localhost";
        }
        return s;
    }

    private static boolean isLocal(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("localhost.localdomain")) {
            return true;
        }
        if (host.startsWith("127.") || host.equals("0.0.0.0") || host.equals("::") || host.equals("::1")
                || host.matches("(0{1,4}:){7}0{0,3}1") || host.equals("::ffff:127.0.0.1")) {
            return true;
        }
        Set<String> local = localAddresses();
        if (local.contains(host)) {
            return true;
        }
        try {
            String own = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            if (host.equals(own) || own.startsWith(host + ".") || host.startsWith(own + ".")) {
                return true;
            }
        } catch (UnknownHostException e) {
            // no name for this machine: only addresses can match
        }
        for (String addr : addresses(host)) {
            if (addr.startsWith("127.") || addr.equals("0:0:0:0:0:0:0:1") || local.contains(addr)) {
                return true;
            }
        }
        return false;
    }

    /** The textual addresses of this machine's interfaces. */
    private static Set<String> localAddresses() {
        Set<String> known = localAddresses;
        if (known == null) {
            Set<String> found = new HashSet<>();
            try {
                for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                        String text = a.getHostAddress();
                        int zone = text.indexOf('%');
                        found.add((zone < 0 ? text : text.substring(0, zone)).toLowerCase(Locale.ROOT));
                    }
                }
            } catch (SocketException | RuntimeException e) {
                // interfaces unreadable: loopback names still count as local
            }
            known = Set.copyOf(found);
            localAddresses = known;
        }
        return known;
    }

    /**
     * The addresses a name resolves to, waiting at most two seconds (an unreachable DNS server must not
     * hold a command up for long); empty when it does not resolve.
     */
    private static Set<String> addresses(String host) {
        return RESOLVED.computeIfAbsent(host, h -> {
            CompletableFuture<Set<String>> lookup = CompletableFuture.supplyAsync(() -> {
                Set<String> out = new HashSet<>();
                try {
                    for (InetAddress a : InetAddress.getAllByName(h)) {
                        String text = a.getHostAddress();
                        int zone = text.indexOf('%');
                        out.add((zone < 0 ? text : text.substring(0, zone)).toLowerCase(Locale.ROOT));
                    }
                } catch (UnknownHostException | SecurityException e) {
                    // an unknown name matches only itself
                }
                return out;
            });
            try {
                return lookup.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                return Set.of();
            }
        });
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null || b.isBlank() ? null : b;
    }
}
