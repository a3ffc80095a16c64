package dev.godwit.engine.lint;

import java.util.Map;
import java.util.Optional;

/**
 * What the rules know besides the statement: the server, the live tables (empty when not connected), and
 * whether apply will set a lock timeout per statement by itself (then a migration without one is only INFO).
 */
public record LintContext(ServerFacts server, Map<String, LiveTable> tables, boolean connected, boolean applySetsLockTimeout) {
    public LintContext {
        tables = Map.copyOf(tables);
    }

    public Optional<LiveTable> table(String name) {
        if (name == null) {
            return Optional.empty();
        }
        LiveTable t = tables.get(name);
        if (t == null) {
            t = tables.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return Optional.ofNullable(t);
    }

    /** The live type of a column, lower-case, if known. */
    public Optional<String> columnType(String table, String column) {
        return table(table).map(t -> t.columnTypes().get(column.toLowerCase(java.util.Locale.ROOT)));
    }

    /** No server, no tables: what the rules see when asked only which tables a statement touches. */
    public static LintContext offline() {
        return new LintContext(ServerFacts.UNKNOWN, Map.of(), false, false);
    }
}
