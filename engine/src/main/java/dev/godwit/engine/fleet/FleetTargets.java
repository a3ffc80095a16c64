package dev.godwit.engine.fleet;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.Connections;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.Environment;
import dev.godwit.engine.project.FleetConfig;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.project.UrlForm;
import dev.godwit.engine.project.ResolvedUrl;
import dev.godwit.engine.project.UrlResolver;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets of a fleet, read from its sources: listed URLs, a file, a query against a control database,
 * and a schema pattern. A line or value with {@code ://} is a URL; anything else is a schema name (MySQL: a
 * database name) on the fleet's database ({@code url}, else the environment's).
 */
public final class FleetTargets {
    private FleetTargets() {
    }

    public static FleetConfig config(Project project, String fleet) {
        FleetConfig c = project.config().fleets().get(fleet);
        if (c == null) {
            throw new GodwitException(ErrorKind.USAGE, "no fleet named \"" + fleet + "\" in " + project.configFile(),
                    project.config().fleets().isEmpty() ? "add a [fleet." + fleet + "] table (see README: Fleets)"
                            : "known fleets: " + String.join(", ", project.config().fleets().keySet()));
        }
        return c;
    }

    /** Every target, in source order; a target named twice is an error. */
    public static List<FleetTarget> resolve(Project project, FleetConfig fleet, String envName, Map<String, String> processEnv) {
        Map<String, String> penv = processEnv == null ? System.getenv() : processEnv;
        Map<String, FleetTarget> out = new LinkedHashMap<>();
        for (String u : fleet.urls()) {
            add(out, fromUrl(value(u, "urls", project, penv), fleet));
        }
        if (fleet.file() != null) {
            Path f = project.root().resolve(fleet.file());
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GodwitException(ErrorKind.USAGE, "fleet " + fleet.name() + ": cannot read " + f + ": " + e.getMessage(), null, e);
            }
            for (String line : lines) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    add(out, entry(s, fleet, project, envName, penv));
                }
            }
        }
        if (fleet.query() != null) {
            DatabaseUrl control = fleet.controlUrl() != null ? parse(value(fleet.controlUrl(), "control_url", project, penv), fleet)
                    : base(fleet, project, envName, penv);
            for (String s : column(control, fleet.query(), fleet)) {
                add(out, entry(s, fleet, project, envName, penv));
            }
        }
        if (fleet.schemas() != null) {
            DatabaseUrl base = base(fleet, project, envName, penv);
            for (String schema : schemasLike(base, fleet.schemas(), fleet)) {
                add(out, new FleetTarget(schema, withSchema(base, schema)));
            }
        }
        return List.copyOf(out.values());
    }

    /** The URL of one schema (MySQL: database) on the server of {@code base}. */
    public static DatabaseUrl withSchema(DatabaseUrl base, String schema) {
        if (!UrlForm.of(base.provider()).schemasInDatabase()) {
            return base.withDatabase(schema);
        }
        String raw = base.prismaUrl();
        int q = raw.indexOf('?');
        StringBuilder sb = new StringBuilder(q < 0 ? raw : raw.substring(0, q));
        char sep = '?';
        if (q >= 0) {
            for (String part : raw.substring(q + 1).split("&")) {
                if (!part.isEmpty() && !part.startsWith("schema=")) {
                    sb.append(sep).append(part);
                    sep = '&';
                }
            }
        }
        sb.append(sep).append("schema=").append(URLEncoder.encode(schema, StandardCharsets.UTF_8));
        return DatabaseUrl.parse(sb.toString());
    }

    private static void add(Map<String, FleetTarget> out, FleetTarget t) {
        if (out.putIfAbsent(t.name(), t) != null) {
            throw new GodwitException(ErrorKind.USAGE, "the fleet names the target " + t.name() + " twice",
                    "each database or schema may appear once among the fleet's sources");
        }
    }

    private static FleetTarget entry(String s, FleetConfig fleet, Project project, String envName, Map<String, String> penv) {
        if (s.contains("://")) {
            return fromUrl(s, fleet);
        }
        return new FleetTarget(s, withSchema(base(fleet, project, envName, penv), s));
    }

    private static FleetTarget fromUrl(String raw, FleetConfig fleet) {
        DatabaseUrl u = parse(raw, fleet);
        String name = u.display();
        if (UrlForm.of(u.provider()).schemasInDatabase() && u.schema() != null && !u.schema().equals("public")) {
            name += "?schema=" + u.schema();
        }
        return new FleetTarget(name, u);
    }

    private static DatabaseUrl base(FleetConfig fleet, Project project, String envName, Map<String, String> penv) {
        if (fleet.url() != null) {
            return parse(value(fleet.url(), "url", project, penv), fleet);
        }
        return UrlResolver.resolve(project, null, envName, penv).map(ResolvedUrl::url)
                .orElseThrow(() -> new GodwitException(ErrorKind.USAGE, "fleet " + fleet.name() + " names schemas but no database to find them in",
                        "add url = \"…\" to [fleet." + fleet.name() + "], or configure the environment's url"));
    }

    private static String value(String v, String key, Project project, Map<String, String> penv) {
        String var = Environment.envVarOf(v);
        if (var == null) {
            return v;
        }
        String found = Optional.ofNullable(penv.get(var)).filter(s -> !s.isBlank()).orElse(project.dotEnv().get(var));
        if (found == null || found.isBlank()) {
            throw new GodwitException(ErrorKind.USAGE, "environment variable " + var + " is not set (a fleet's " + key + " refers to it)",
                    "set " + var + " in your shell or in " + project.dotEnvFile());
        }
        return found;
    }

    private static DatabaseUrl parse(String raw, FleetConfig fleet) {
        try {
            return DatabaseUrl.parse(raw);
        } catch (GodwitException e) {
            throw new GodwitException(e.kind(), "fleet " + fleet.name() + ": " + e.getMessage(), e.hint(), e);
        }
    }

    private static List<String> column(DatabaseUrl control, String query, FleetConfig fleet) {
        Dialect d = Dialect.of(control.provider());
        try (Connection c = Connections.direct(control).getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
            return out;
        } catch (SQLException e) {
            if (d.isConnectionLoss(e) || e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw d.connectionFailure(e, control.display());
            }
            throw new GodwitException(ErrorKind.USAGE, "fleet " + fleet.name() + ": its query failed on " + control.display() + ": "
                    + e.getMessage(), "the query must return the targets' URLs or schema names in its first column", e);
        }
    }

    private static List<String> schemasLike(DatabaseUrl base, String pattern, FleetConfig fleet) {
        Dialect d = Dialect.of(base.provider());
        try (Connection c = Connections.direct(base).getConnection()) {
            return d.schemasLike(c, pattern);
        } catch (SQLException e) {
            throw d.connectionFailure(e, base.display());
        }
    }
}
