package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.Provider;
import dev.godwit.engine.lint.Hazard;
import dev.godwit.engine.lint.LintContext;
import dev.godwit.engine.lint.LintRules;
import dev.godwit.engine.lint.LintSeverity;
import dev.godwit.engine.lint.LiveTable;
import dev.godwit.engine.lint.ServerFacts;
import dev.godwit.engine.migrate.sql.StatementShape;
import dev.godwit.engine.migrate.sql.StatementShape.Kind;
import dev.godwit.engine.lint.TableSize;
import dev.godwit.engine.migrate.sql.Tokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's online DDL: for each ALTER the ALGORITHM (INSTANT, INPLACE, COPY) and LOCK the
 * server picks for that change on that version, whether the table is rebuilt, and the form that keeps
 * writes going. Facts from the MySQL 8.0 "Online DDL Operations" tables and MariaDB's "InnoDB Online DDL
 * Operations" pages (instant ADD/DROP COLUMN in any position: MariaDB 10.4, MySQL 8.0.29).
 */
public final class MysqlLintRules implements LintRules {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    public List<Hazard> hazards(StatementShape s, List<StatementShape> earlier, LintContext ctx) {
        List<Hazard> out = new ArrayList<>();
        String t = s.table();
        switch (s.kind()) {
            case CREATE_INDEX -> {
                String kind = s.tokens().size() > 1 ? s.tokens().get(1) : "";
                MysqlAlterRules.index(t, kind.equals("FULLTEXT") || kind.equals("SPATIAL") ? kind : "", s.statement().text(), false, ctx, out);
            }
            case DROP_TABLE -> out.add(Hazard.fixed("drop-table", LintSeverity.WARNING, t,
                    "DROP TABLE {table}: code still running against the table fails as soon as it is gone",
                    "-- deploy code that no longer reads or writes " + MysqlAlterRules.q(t) + " first; drop it in a later migration"));
            case RENAME_TABLE -> out.add(Hazard.fixed("rename-table", LintSeverity.WARNING, t,
                    "RENAME TABLE {table}: code still running against the old name fails at once",
                    "-- deploy code that reads both names (or a view with the old name) first"));
            case ALTER_TABLE -> {
                boolean fkChecksOff = earlier.stream().anyMatch(e -> e.kind() == Kind.SET && e.has("FOREIGN_KEY_CHECKS")
                        && (e.tokens().contains("0") || e.tokens().contains("OFF")));
                boolean pinned = s.tokens().contains("ALGORITHM") || s.hasSequence("LOCK", "=", "NONE");
                for (List<String> action : s.actions()) {
                    MysqlAlterRules.action(s, action, fkChecksOff, pinned, ctx, out);
                }
            }
            default -> {
            }
        }
        return out;
    }

    @Override
    public List<Hazard> migrationHazards(List<StatementShape> statements, LintContext ctx) {
        java.util.Set<String> created = new java.util.HashSet<>();
        boolean timeoutSet = false;
        for (StatementShape s : statements) {
            if (s.kind() == Kind.SET && s.has("LOCK_WAIT_TIMEOUT")) {
                timeoutSet = true;
            }
            if (s.kind() == Kind.CREATE_TABLE && s.table() != null) {
                created.add(s.table());
            }
            boolean locks = switch (s.kind()) {
                case ALTER_TABLE, DROP_TABLE, TRUNCATE, CREATE_INDEX, RENAME_TABLE -> s.table() != null && !created.contains(s.table());
                default -> false;
            };
            if (locks && !timeoutSet) {
                return List.of(Hazard.fixed("missing-lock-timeout", ctx.applySetsLockTimeout() ? LintSeverity.INFO : LintSeverity.WARNING,
                        s.table(), "statement " + s.statement().index() + " (" + String.join(" ", s.tokens().subList(0, Math.min(2, s.tokens().size())))
                                + " on {table}) needs the table's metadata lock: it waits behind any open transaction that touched the table "
                                + "(lock_wait_timeout defaults to a year), and every query on the table queues behind it"
                                + (ctx.applySetsLockTimeout() ? "; godwit.toml's apply settings set a timeout" : ""),
                        "SET SESSION lock_wait_timeout = 5;   -- as the migration's first statement\n"
                                + "-- or run: godwit apply --lock-timeout-per-statement 5s --retries 3"));
            }
        }
        return List.of();
    }

    /**
     * Index builds pinned to ALGORITHM=INPLACE, LOCK=NONE: should the server need a copy (an old version, a
     * FULLTEXT index) it refuses the statement instead of blocking writes for the length of the build.
     */
    @Override
    public dev.godwit.engine.lint.SafeForm safeForm(StatementShape s, List<StatementShape> earlier) {
        if (s.has("ALGORITHM") || s.has("FULLTEXT") || s.has("SPATIAL")) {
            return null;
        }
        String text = s.statement().text().strip().replaceAll(";\\s*$", "");
        if (s.kind() == Kind.CREATE_INDEX) {
            return new dev.godwit.engine.lint.SafeForm(text + " ALGORITHM=INPLACE LOCK=NONE;", List.of(), List.of());
        }
        boolean onlyIndexes = s.kind() == Kind.ALTER_TABLE && !s.actions().isEmpty() && s.actions().stream().allMatch(a ->
                Tokens.startsWith(a, "ADD", "INDEX") || Tokens.startsWith(a, "ADD", "KEY") || Tokens.startsWith(a, "ADD", "UNIQUE")
                        || Tokens.startsWith(a, "DROP", "INDEX") || Tokens.startsWith(a, "RENAME", "INDEX"));
        return onlyIndexes ? new dev.godwit.engine.lint.SafeForm(text + ", ALGORITHM=INPLACE, LOCK=NONE;", List.of(), List.of()) : null;
    }

    @Override
    public Map<String, LiveTable> liveTables(Connection c, String schema, Collection<String> tables) throws SQLException {
        Map<String, LiveTable> out = new HashMap<>();
        if (tables.isEmpty()) {
            return out;
        }
        String in = String.join(", ", java.util.Collections.nCopies(tables.size(), "?"));
        Map<String, Map<String, String>> types = new HashMap<>();
        Map<String, Map<String, Boolean>> nullable = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (" + in + ")")) {
            bind(ps, schema, tables);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = rs.getString(2).toLowerCase(Locale.ROOT);
                    types.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(col, rs.getString(3).toLowerCase(Locale.ROOT));
                    nullable.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(col, "YES".equals(rs.getString(4)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COALESCE(DATA_LENGTH, 0) + COALESCE(INDEX_LENGTH, 0), "
                + "COALESCE(TABLE_ROWS, -1) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (" + in + ")")) {
            bind(ps, schema, tables);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    out.put(name, new LiveTable(new TableSize(rs.getLong(2), rs.getLong(3)), types.getOrDefault(name, Map.of()),
                            nullable.getOrDefault(name, Map.of())));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, String schema, Collection<String> tables) throws SQLException {
        ps.setString(1, schema);
        int i = 2;
        for (String t : tables) {
            ps.setString(i++, t);
        }
    }

    @Override
    public ServerFacts server(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            String v = rs.getString(1);
            Matcher m = VERSION.matcher(v);
            String product = v.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
            return m.find() ? new ServerFacts(product, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    : new ServerFacts(product, 0, 0, 0);
        }
    }

    /** Kept for the rules' messages: "MariaDB 10.11.6" or "the server". */
    static String serverName(ServerFacts f) {
        return f.describe();
    }

    static boolean isToken(List<String> tokens, int i, String word) {
        return i >= 0 && i < tokens.size() && tokens.get(i).equals(word);
    }

    static String name(List<String> tokens, int i) {
        return i < tokens.size() ? Tokens.name(tokens.get(i)) : "?";
    }
}
