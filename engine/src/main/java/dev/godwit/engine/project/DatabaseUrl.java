package dev.godwit.engine.project;


import dev.godwit.engine.Provider;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database connection URL, in Prisma form ({@code postgresql://user:password@host:5432/db?schema=public},
 * {@code postgres://}, {@code mysql://}, {@code mariadb://}) or JDBC form ({@code jdbc:postgresql://host/db?user=..},
 * {@code jdbc:postgresql:db}, {@code jdbc:mysql://}, {@code jdbc:mariadb://}).
 *
 * <p>Immutable. {@link #toString()} is {@link #masked()}: the password never leaves this object
 * except through {@link #password()} and {@link #jdbcProperties()}.
 *
 * <p>User, password and database are percent-decoded. Query values are form-decoded ({@code +} is a
 * space), as both Prisma and the JDBC drivers do.
 */
public final class DatabaseUrl {
    /** The hint of every "malformed database URL" error. */
    public static final String FORMAT_HINT = "expected postgresql://user:password@host:5432/database?schema=public"
            + " or mysql://user:password@host:3306/database (percent-encode special characters in the password,"
            + " e.g. @ as %40)";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&][^=&?]*password[^=&]*=)[^&]+");
    private static final Pattern HOST_CHARS = Pattern.compile("[^\\s/@?#\\[\\]]+");
    /** Query keys that are taken out of {@link #params()}: they have accessors of their own. */
    private static final Set<String> OWN_KEYS = Set.of("user", "password", "schema", "currentSchema");
    /** Prisma PostgreSQL parameters that mean nothing to the JDBC driver (or are mapped specially). */
    /** Prisma MySQL parameters that mean nothing to Connector/J (or are mapped specially). */

    private final String raw;
    private final boolean jdbcForm;
    private final String scheme;
    private final Provider provider;
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String schema;
    private final Map<String, String> params;
    private final String masked;
    /** Where the database name sits in {@link #raw} (for {@link #withDatabase(String)}). */
    private final int dbStart;
    private final int dbEnd;
    private final boolean dbNeedsSlash;

    private DatabaseUrl(Builder b) {
        this.raw = b.raw;
        this.jdbcForm = b.jdbcForm;
        this.scheme = b.scheme;
        this.provider = b.provider;
        this.host = b.host;
        this.port = b.port;
        this.database = b.database;
        this.user = b.user;
        this.password = b.password;
        this.schema = b.schema;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        this.masked = b.masked;
        this.dbStart = b.dbStart;
        this.dbEnd = b.dbEnd;
        this.dbNeedsSlash = b.dbNeedsSlash;
    }

    private static final class Builder {
        String raw;
        boolean jdbcForm;
        String scheme;
        Provider provider;
        String host;
        int port;
        String database;
        String user;
        String password;
        String schema;
        Map<String, String> params = new LinkedHashMap<>();
        String masked;
        int dbStart;
        int dbEnd;
        boolean dbNeedsSlash;
    }

    /** Why a URL could not be parsed; the reason never quotes the user-info part of the URL. */
    private static final class Bad extends RuntimeException {
        Bad(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Parses a database URL.
     *
     * @throws GodwitException {@link ErrorKind#USAGE} "malformed database URL: &lt;masked url&gt; (&lt;reason&gt;)"
     */
    public static DatabaseUrl parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw malformed(s, "the URL is empty");
        }
        try {
            return doParse(s);
        } catch (Bad e) {
            throw malformed(s, e.getMessage());
        }
    }

    private static GodwitException malformed(String s, String reason) {
        if (reason.startsWith(UrlParameters.PROBLEM_PREFIX)) {
            return new GodwitException(ErrorKind.USAGE, Secrets.mask("malformed database URL parameter: "
                    + reason.substring(UrlParameters.PROBLEM_PREFIX.length()) + " in " + Secrets.maskUrl(s)),
                    "fix or remove the parameter");
        }
        return new GodwitException(ErrorKind.USAGE,
                Secrets.mask("malformed database URL: " + Secrets.maskUrl(s) + " (" + reason + ")"), FORMAT_HINT);
    }

    private static DatabaseUrl doParse(String s) {
        Builder b = new Builder();
        b.raw = s;
        b.jdbcForm = s.regionMatches(true, 0, "jdbc:", 0, 5);
        int schemeStart = b.jdbcForm ? 5 : 0;
        int colon = s.indexOf(':', schemeStart);
        String scheme = colon < 0 ? "" : s.substring(schemeStart, colon).toLowerCase(Locale.ROOT);
        if (colon < 0 || !scheme.matches("[a-z][a-z0-9+.-]*")
                || (!b.jdbcForm && !s.startsWith("//", colon + 1))) {
            throw new Bad("missing scheme, the URL must start with postgresql:// or mysql://");
        }
        b.scheme = scheme;
        b.provider = UrlForm.forScheme(scheme).orElseThrow(() -> new Bad("unsupported scheme \"" + scheme + "\"")).provider();
        int len = s.length();
        int afterScheme = colon + 1;
        String query;
        int userInfoAt = -1;
        int pwStart = -1;
        if (!s.startsWith("//", afterScheme)) {
            // jdbc:postgresql:database?params -- local host, default port
            if (!UrlForm.of(b.provider).jdbcWithoutHost()) {
                throw new Bad("expected \"//\" after \"jdbc:" + scheme + ":\"");
            }
            int q = indexOrEnd(s, '?', afterScheme);
            b.host = "localhost";
            b.port = defaultPort(b.provider);
            b.dbStart = afterScheme;
            b.dbEnd = q;
            b.dbNeedsSlash = false;
            query = q < len ? s.substring(q + 1) : "";
        } else {
            int start = afterScheme + 2;
            int q = indexOrEnd(s, '?', start);
            int at = s.lastIndexOf('@', q - 1);
            if (at < start) {
                at = -1;
            }
            if (at < 0 && q < len) {
                // an unencoded '?' in the password: accept an '@' in the "query" that no '=' precedes
                int eq = indexOrEnd(s, '=', q);
                int at2 = s.lastIndexOf('@', eq - 1);
                if (at2 > q) {
                    at = at2;
                    q = indexOrEnd(s, '?', at);
                }
            }
            int hostStart = start;
            if (at >= 0) {
                userInfoAt = at;
                String userInfo = s.substring(start, at);
                int c = userInfo.indexOf(':');
                b.user = emptyToNull(percentDecode(c < 0 ? userInfo : userInfo.substring(0, c), false, "user name"));
                if (c >= 0) {
                    pwStart = start + c + 1;
                    b.password = emptyToNull(percentDecode(userInfo.substring(c + 1), false, "password"));
                    Secrets.register(userInfo.substring(c + 1));
                }
                hostStart = at + 1;
            }
            int slash = s.indexOf('/', hostStart);
            if (slash > q) {
                slash = -1;
            }
            int hostEnd = slash >= 0 ? slash : q;
            parseHostPort(b, s.substring(hostStart, hostEnd));
            if (slash >= 0) {
                b.dbStart = slash + 1;
                b.dbNeedsSlash = false;
            } else {
                b.dbStart = hostEnd;
                b.dbNeedsSlash = true;
            }
            b.dbEnd = q;
            query = q < len ? s.substring(q + 1) : "";
        }
        String dbText = s.substring(b.dbStart, b.dbEnd);
        if (dbText.length() > 1 && dbText.indexOf('/') == dbText.length() - 1) {
            // "host/db/": Prisma reads the first path segment, so one trailing slash names the same database
            b.dbEnd--;
            dbText = dbText.substring(0, dbText.length() - 1);
        }
        if (dbText.indexOf('/') >= 0) {
            throw new Bad("the database name must not contain \"/\" (percent-encode it as %2F)");
        }
        b.database = emptyToNull(percentDecode(dbText, false, "database name"));
        parseQuery(b, query);
        if (b.password != null) {
            Secrets.register(b.password);
        }
        b.masked = maskRaw(s, pwStart, userInfoAt);
        return new DatabaseUrl(b);
    }

    private static void parseHostPort(Builder b, String hostPort) {
        String hostText;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int rb = hostPort.indexOf(']');
            if (rb < 0) {
                throw new Bad("unclosed \"[\" in IPv6 host");
            }
            hostText = hostPort.substring(1, rb);
            String rest = hostPort.substring(rb + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new Bad("unexpected text after IPv6 host");
                }
                portText = rest.substring(1);
            }
            if (hostText.isEmpty() || !hostText.matches("[0-9A-Fa-f:.%a-zA-Z]+")) {
                throw new Bad("invalid IPv6 host");
            }
        } else {
            int c = hostPort.indexOf(':');
            if (c >= 0) {
                if (hostPort.indexOf(':', c + 1) >= 0) {
                    throw new Bad("an IPv6 host must be written in brackets, e.g. [::1]");
                }
                hostText = hostPort.substring(0, c);
                portText = hostPort.substring(c + 1);
            } else {
                hostText = hostPort;
            }
            hostText = percentDecode(hostText, false, "host");
            if (!hostText.isEmpty() && !HOST_CHARS.matcher(hostText).matches()) {
                throw new Bad("invalid host name");
            }
        }
        b.host = hostText.isEmpty() ? "localhost" : hostText;
        if (portText == null) {
            b.port = defaultPort(b.provider);
        } else {
            if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
                throw new Bad("invalid port, expected a number from 1 to 65535");
            }
            b.port = Integer.parseInt(portText);
        }
    }

    private static void parseQuery(Builder b, String query) {
        Map<String, String> all = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String piece : query.split("&")) {
                if (piece.isEmpty()) {
                    continue;
                }
                int eq = piece.indexOf('=');
                String key = percentDecode(eq < 0 ? piece : piece.substring(0, eq), true, "query parameter");
                String value = eq < 0 ? "" : percentDecode(piece.substring(eq + 1), true, "query parameter");
                if (key.isEmpty()) {
                    throw new Bad("empty query parameter name");
                }
                all.put(key, value);
            }
        }
        if (b.user == null) {
            b.user = emptyToNull(all.get("user"));
        }
        if (b.password == null) {
            b.password = emptyToNull(all.get("password"));
        }
        String schema = all.containsKey("schema") ? all.get("schema") : all.get("currentSchema");
        b.schema = emptyToNull(schema);
        for (String k : OWN_KEYS) {
            all.remove(k);
        }
        String problem = UrlParameters.problem(b.provider, all);
        if (problem != null) {
            throw new Bad(problem);
        }
        b.params = all;
    }

    /** The raw URL with the user-info password and every password-like query value replaced by {@link Secrets#MASK}. */
    private static String maskRaw(String s, int pwStart, int userInfoAt) {
        String m = s;
        if (userInfoAt >= 0 && s.lastIndexOf('@') > userInfoAt) {
            // more '@' after the user info: ambiguous, hide generously
            m = Secrets.maskUrl(s);
        } else if (pwStart >= 0 && userInfoAt > pwStart) {
            m = s.substring(0, pwStart) + Secrets.MASK + s.substring(userInfoAt);
        }
        return PASSWORD_PARAM.matcher(m).replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + Secrets.MASK));
    }

    private static int indexOrEnd(String s, char c, int from) {
        int i = s.indexOf(c, from);
        return i < 0 ? s.length() : i;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String percentDecode(String s, boolean plusIsSpace, String what) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new Bad("invalid percent-encoding in the " + what);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new Bad("invalid percent-encoding in the " + what);
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(bytes);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encodes for a URL path or query value: spaces as %20, '+' as %2B. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int defaultPort(Provider p) {
        return UrlForm.of(p).defaultPort();
    }

    // ---------------------------------------------------------------- accessors

    public Provider provider() {
        return provider;
    }

    /** The host name or address; IPv6 addresses without brackets; "localhost" when the URL names none. */
    public String host() {
        return host;
    }

    /** The port, or the provider's default (5432, 3306). */
    public int port() {
        return port;
    }

    /** The database name, or null when the URL names none. */
    public String database() {
        return database;
    }

    /** The user name, or null. */
    public String user() {
        return user;
    }

    /** The password, or null. Never print it; see {@link #masked()}. */
    public String password() {
        return password;
    }

    /** The PostgreSQL schema ({@code ?schema=} or {@code currentSchema=}, default "public"); for MySQL the database. */
    public String schema() {
        if (!UrlForm.of(provider).schemasInDatabase()) {
            return database;
        }
        return schema == null ? "public" : schema;
    }

    /** The query parameters other than user, password, schema and currentSchema, in URL order; unmodifiable. */
    public Map<String, String> params() {
        return params;
    }

    /** Whether the URL was written in JDBC form ({@code jdbc:...}). */
    public boolean isJdbcForm() {
        return jdbcForm;
    }

    /** The URL's scheme in lower case as written: postgresql, postgres, mysql or mariadb. */
    public String scheme() {
        return scheme;
    }

    // ---------------------------------------------------------------- JDBC

    /**
     * A JDBC URL for this database, without user and password (those are in {@link #jdbcProperties()});
     * see {@link JdbcForm#url} for how Prisma's parameters become the drivers'.
     */
    public String jdbcUrl() {
        return JdbcForm.url(this);
    }

    /** Connection properties to go with {@link #jdbcUrl()}; a new object each call (see {@link JdbcForm#properties}). */
    public Properties jdbcProperties() {
        return JdbcForm.properties(this);
    }

    // ---------------------------------------------------------------- derived URLs and display

    /** The same URL, in the same form, naming another database (null: none). For MySQL the schema follows. */
    public DatabaseUrl withDatabase(String db) {
        String name = db == null ? "" : encode(db);
        String prefix = raw.substring(0, dbStart);
        String lead = dbNeedsSlash && !name.isEmpty() ? "/" : "";
        return parse(prefix + lead + name + raw.substring(dbEnd));
    }

    /**
     * The URL exactly as given, password included. Only for handing to a child process's environment
     * (the {@code DATABASE_URL} of seed and generate commands); never print or log it.
     */
    public String unmasked() {
        return raw;
    }

    /**
     * The URL in Prisma's form ({@code postgresql://user:password@host:port/db?schema=s}, {@code mysql://…}),
     * password included, whatever form it was given in: what Prisma clients and seed scripts expect in
     * {@code DATABASE_URL}. Never print it.
     */
    public String prismaUrl() {
        if (!jdbcForm) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(UrlForm.of(provider).schemes().get(0) + "://");
        if (user != null) {
            sb.append(encode(user));
            if (password != null) {
                sb.append(':').append(encode(password));
            }
            sb.append('@');
        }
        sb.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':').append(port).append('/');
        if (database != null) {
            sb.append(encode(database));
        }
        char sep = '?';
        if (UrlForm.of(provider).schemasInDatabase() && schema != null) {
            sb.append(sep).append("schema=").append(encode(schema));
            sep = '&';
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /** The URL as given, with the password (user info or any password-like parameter) replaced by {@code ****}. */
    public String masked() {
        return masked;
    }

    /** A short {@code host[:port]/database} for prompts; the port only when not the default, IPv6 in brackets. */
    public String display() {
        StringBuilder sb = new StringBuilder(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
        if (port != defaultPort(provider)) {
            sb.append(':').append(port);
        }
        if (database != null) {
            sb.append('/').append(database);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return masked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseUrl other && raw.equals(other.raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }
}
