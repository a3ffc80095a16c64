package dev.godwit.engine.dialect.postgres;

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

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PostgreSQL's lock levels for the statements migrations hold: which lock each takes on which table, what
 * that blocks, whether the table is rewritten or read through, and the form that avoids it. Facts from the
 * PostgreSQL manual's "Explicit Locking" and ALTER TABLE pages (11+: a constant default adds a column
 * without a rewrite; 12+: SET NOT NULL skips the scan when a validated CHECK proves it).
 */
public final class PostgresLintRules implements LintRules {
    static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    static final String READS_AND_WRITES = "reads and writes";
    static final String WRITES = "writes (INSERT, UPDATE, DELETE)";
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX)\\s+");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^(\\s*DROP\\s+INDEX)\\s+");

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    public List<Hazard> hazards(StatementShape s, List<StatementShape> earlier, LintContext ctx) {
        List<Hazard> out = new ArrayList<>();
        String t = s.table();
        String qt = qualified(s);
        switch (s.kind()) {
            case CREATE_INDEX -> {
                if (!s.has("CONCURRENTLY")) {
                    out.add(Hazard.sized("index-not-concurrent", t, "SHARE", WRITES, false, true,
                            "CREATE INDEX on {table} takes a SHARE lock: " + WRITES + " are blocked until the index is built, "
                                    + "which reads the whole table",
                            terminated(CREATE_INDEX.matcher(s.statement().text()).replaceFirst("$1 CONCURRENTLY "))
                                    + "\n-- in a migration of its own: CONCURRENTLY cannot run inside a transaction"));
                }
            }
            case DROP_INDEX -> {
                if (!s.has("CONCURRENTLY")) {
                    out.add(new Hazard("drop-index-not-concurrent", null, null, ACCESS_EXCLUSIVE, READS_AND_WRITES, false, false,
                            "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: it waits behind every open transaction "
                                    + "on the table, and every query on the table waits behind it",
                            terminated(DROP_INDEX.matcher(s.statement().text()).replaceFirst("$1 CONCURRENTLY "))
                                    + "\n-- in a migration of its own: CONCURRENTLY cannot run inside a transaction",
                            Hazard.Scale.FIXED, LintSeverity.WARNING));
                }
            }
            case DROP_TABLE -> out.add(Hazard.fixed("drop-table", LintSeverity.WARNING, t,
                    "DROP TABLE {table}: code still running against the table fails as soon as it is gone",
                    "-- deploy code that no longer reads or writes " + qt + " first; drop it in a later migration"));
            case ALTER_TABLE -> {
                for (List<String> action : s.actions()) {
                    PostgresAlterRules.action(s, action, earlier, ctx, out);
                }
            }
            default -> {
            }
        }
        return out;
    }

    @Override
    public List<Hazard> migrationHazards(List<StatementShape> statements, LintContext ctx) {
        List<Hazard> out = new ArrayList<>();
        concurrentlyInTransaction(statements).ifPresent(out::add);
        java.util.Set<String> created = new java.util.HashSet<>();
        boolean timeoutSet = false;
        for (StatementShape s : statements) {
            if (s.kind() == Kind.SET && (s.has("LOCK_TIMEOUT"))) {
                timeoutSet = true;
            }
            if (s.kind() == Kind.CREATE_TABLE && s.table() != null) {
                created.add(s.table());
            }
            boolean locks = switch (s.kind()) {
                case ALTER_TABLE, DROP_TABLE, TRUNCATE -> s.table() != null && !created.contains(s.table());
                // CONCURRENTLY too: its SHARE UPDATE EXCLUSIVE lock waits behind other DDL, then for every older transaction.
                case CREATE_INDEX -> s.table() != null && !created.contains(s.table());
                // DROP INDEX CONCURRENTLY as well: it waits for every transaction using the table before it finishes.
                case DROP_INDEX -> true;
                // Replacing or dropping a view, or a trigger on a table, locks it against the queries that use it.
                case OTHER -> Tokens.startsWith(s.tokens(), "CREATE", "OR", "REPLACE", "VIEW") || Tokens.startsWith(s.tokens(), "DROP", "VIEW")
                        || Tokens.startsWith(s.tokens(), "ALTER", "VIEW") || s.hasSequence("TRIGGER") && !Tokens.startsWith(s.tokens(), "CREATE", "FUNCTION")
                        && !Tokens.startsWith(s.tokens(), "CREATE", "OR", "REPLACE", "FUNCTION");
                default -> false;
            };
            // A foreign key locks the table it references (SHARE ROW EXCLUSIVE), even from a new table.
            String referenced = referencedExisting(s, created);
            if (!locks && referenced == null) {
                continue;
            }
            String lockedTable = locks ? s.table() : referenced;
            if (!timeoutSet) {
                out.add(Hazard.fixed("missing-lock-timeout", ctx.applySetsLockTimeout() ? LintSeverity.INFO : LintSeverity.WARNING, lockedTable,
                        "statement " + s.statement().index() + " (" + String.join(" ", s.tokens().subList(0, Math.min(2, s.tokens().size())))
                                + (lockedTable == null ? "" : " on {table}") + ") waits for its lock behind any long transaction, and every "
                                + "query on the table queues behind it; no lock_timeout is set"
                                + (ctx.applySetsLockTimeout() ? " in the migration (godwit.toml's apply settings set one)" : ""),
                        "SET lock_timeout = '5s';   -- as the migration's first statement\n"
                                + "-- or run: godwit apply --lock-timeout-per-statement 5s --retries 3"));
                break;
            }
        }
        return out;
    }

    /** The table a foreign key of the statement references, when this migration did not create it; else null. */
    private static String referencedExisting(StatementShape s, java.util.Set<String> created) {
        if (s.kind() != Kind.ALTER_TABLE && s.kind() != Kind.CREATE_TABLE) {
            return null;
        }
        List<String> t = s.tokens();
        for (int i = t.indexOf("REFERENCES"); i >= 0 && i + 1 < t.size(); i = Tokens.indexOf(t, i + 1, "REFERENCES")) {
            String name = Tokens.name(t.get(Tokens.nameEnd(t, i + 1) - 1));
            if (!created.contains(name) && !name.equals(s.table())) {
                return name;
            }
        }
        return null;
    }

    private static java.util.Optional<Hazard> concurrentlyInTransaction(List<StatementShape> statements) {
        StatementShape concurrent = statements.stream().filter(s -> s.has("CONCURRENTLY")).findFirst().orElse(null);
        if (concurrent == null) {
            return java.util.Optional.empty();
        }
        boolean explicit = statements.stream().anyMatch(s -> s.kind() == Kind.BEGIN);
        long others = statements.stream().filter(s -> s != concurrent && s.kind() != Kind.SET && s.kind() != Kind.COMMIT
                && s.kind() != Kind.BEGIN).count();
        if (explicit) {
            return java.util.Optional.of(Hazard.fixed("concurrently-in-transaction", LintSeverity.ERROR, concurrent.table(),
                    "statement " + concurrent.statement().index() + " uses CONCURRENTLY inside the migration's BEGIN … COMMIT: "
                            + "PostgreSQL refuses it there (cannot run inside a transaction block)",
                    "-- remove BEGIN/COMMIT and put the CONCURRENTLY statement in a migration of its own"));
        }
        if (others > 0) {
            return java.util.Optional.of(Hazard.fixed("concurrently-in-transaction", LintSeverity.WARNING, concurrent.table(),
                    "statement " + concurrent.statement().index() + " uses CONCURRENTLY beside " + others + " other statement(s): "
                            + "Prisma sends a migration as one transaction, where PostgreSQL refuses it; godwit runs such a "
                            + "migration statement by statement, so a failure half-way leaves the earlier statements applied",
                    "-- move the CONCURRENTLY statement to a migration of its own"));
        }
        return java.util.Optional.empty();
    }

    @Override
    public dev.godwit.engine.lint.SafeForm safeForm(StatementShape statement, List<StatementShape> earlier) {
        return PostgresSafeForms.of(statement);
    }

    @Override
    public Map<String, LiveTable> liveTables(Connection c, String schema, Collection<String> tables) throws SQLException {
        Map<String, TableSize> sizes = new HashMap<>();
        Map<String, Map<String, String>> types = new HashMap<>();
        Map<String, Map<String, Boolean>> nullable = new HashMap<>();
        Array names = c.createArrayOf("text", tables.toArray());
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT c.relname, pg_total_relation_size(c.oid), c.reltuples::bigint, c.relpages FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'm') "
                        + "AND c.relname = ANY (?)")) {
            ps.setString(1, schema);
            ps.setArray(2, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rows = rs.getLong(3);
                    // Never analysed: -1 from PostgreSQL 14, 0 with no pages counted before; the size still tells.
                    if (rows == 0 && rs.getLong(4) == 0 && rs.getLong(2) > 64 * 1024) {
                        rows = -1;
                    }
                    sizes.put(rs.getString(1), new TableSize(rs.getLong(2), Math.max(rows, -1)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull FROM pg_attribute a "
                        + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = ? AND c.relname = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped")) {
            ps.setString(1, schema);
            ps.setArray(2, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2).toLowerCase(java.util.Locale.ROOT), rs.getString(3));
                    nullable.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2).toLowerCase(java.util.Locale.ROOT), rs.getBoolean(4));
                }
            }
        }
        Map<String, LiveTable> out = new HashMap<>();
        sizes.forEach((name, size) -> out.put(name, new LiveTable(size, types.getOrDefault(name, Map.of()), nullable.getOrDefault(name, Map.of()))));
        return out;
    }

    @Override
    public ServerFacts server(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW server_version_num"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            int n = Integer.parseInt(rs.getString(1).trim());
            return new ServerFacts("PostgreSQL", n / 10000, n % 10000, 0);
        }
    }

    /** The statement's table as the statement names it: with its schema when one is written ({@code "auth"."User"}). */
    static String qualified(StatementShape s) {
        return s.schema() == null ? q(s.table()) : q(s.schema()) + "." + q(s.table());
    }

    static String q(String name) {
        return name == null ? "<table>" : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String terminated(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s : s + ";";
    }
}
