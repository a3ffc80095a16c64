package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.migrate.sql.ReadOnlyRules.Token;
import dev.godwit.engine.migrate.sql.SqlLexer.Kind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a statement that is not a read would do, said in a few words, from its leading keywords. */
final class WriteStatements {
    static final String TRANSACTION_CONTROL = "is transaction control: sql runs in a transaction of its own (READ ONLY without --write), "
            + "and ending or changing it would let what follows run outside it";

    private static final Map<String, String> HEADS = Map.ofEntries(
            Map.entry("INSERT", "inserts rows"),
            Map.entry("UPDATE", "updates rows"),
            Map.entry("DELETE", "deletes rows"),
            Map.entry("MERGE", "inserts, updates or deletes rows"),
            Map.entry("REPLACE", "replaces rows"),
            Map.entry("UPSERT", "inserts or updates rows"),
            Map.entry("TRUNCATE", "empties tables"),
            Map.entry("RENAME", "renames objects"),
            Map.entry("COMMENT", "changes a comment"),
            Map.entry("GRANT", "changes privileges"),
            Map.entry("REVOKE", "changes privileges"),
            Map.entry("REASSIGN", "changes owners"),
            Map.entry("SECURITY", "changes a security label"),
            Map.entry("IMPORT", "creates foreign tables"),
            Map.entry("SET", "changes a setting of the session or the server (SET)"),
            Map.entry("RESET", "changes a setting of the session (RESET)"),
            Map.entry("DISCARD", "resets the session's state"),
            Map.entry("CALL", "calls a procedure, which may change anything"),
            Map.entry("DO", "runs code (DO), which may change anything"),
            Map.entry("EXECUTE", "runs a prepared statement, which may change anything"),
            Map.entry("EXEC", "runs a prepared statement, which may change anything"),
            Map.entry("PREPARE", "prepares a statement to run later (PREPARE/EXECUTE)"),
            Map.entry("DEALLOCATE", "changes the session's prepared statements"),
            Map.entry("LOCK", "locks tables"),
            Map.entry("UNLOCK", "releases table locks"),
            Map.entry("LOAD", "loads data or a library into the server"),
            Map.entry("VACUUM", "rewrites tables (VACUUM)"),
            Map.entry("ANALYZE", "updates statistics or runs the statement it analyses"),
            Map.entry("ANALYSE", "updates statistics"),
            Map.entry("CLUSTER", "rewrites a table"),
            Map.entry("REINDEX", "rebuilds indexes"),
            Map.entry("REFRESH", "refreshes a materialized view"),
            Map.entry("OPTIMIZE", "rebuilds tables"),
            Map.entry("REPAIR", "repairs tables"),
            Map.entry("CHECKPOINT", "forces a checkpoint"),
            Map.entry("LISTEN", "changes the session's notifications"),
            Map.entry("UNLISTEN", "changes the session's notifications"),
            Map.entry("NOTIFY", "sends a notification"),
            Map.entry("DECLARE", "opens a cursor"),
            Map.entry("FETCH", "reads from a cursor"),
            Map.entry("MOVE", "moves a cursor"),
            Map.entry("CLOSE", "closes a cursor"),
            Map.entry("HANDLER", "opens a table handler"),
            Map.entry("KILL", "ends another session or its query"),
            Map.entry("FLUSH", "flushes server state"),
            Map.entry("PURGE", "purges server logs"),
            Map.entry("SHUTDOWN", "stops the server"),
            Map.entry("INSTALL", "installs a plugin"),
            Map.entry("UNINSTALL", "uninstalls a plugin"),
            Map.entry("CHANGE", "changes replication"),
            Map.entry("STOP", "stops replication"),
            Map.entry("BINLOG", "replays binary log events"),
            Map.entry("CACHE", "loads indexes into a cache"),
            Map.entry("CHECKSUM", "checksums tables"),
            Map.entry("CHECK", "checks tables"),
            Map.entry("HELP", "reads the server's help tables"),
            Map.entry("USE", "changes the session's database"));

    private WriteStatements() {
    }

    static boolean isStatementHead(String word) {
        return HEADS.containsKey(word) || switch (word) {
            case "CREATE", "DROP", "ALTER", "COPY", "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "END", "ABORT", "XA" -> true;
            default -> false;
        };
    }

    /** What the statement whose first keyword is {@code t[h]} does. */
    static String describe(List<Token> t, int h) {
        String head = t.get(h).text();
        String next = h + 1 < t.size() && t.get(h + 1).kind() == Kind.WORD ? t.get(h + 1).text() : "";
        switch (head) {
            case "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "END", "ABORT", "XA":
                return TRANSACTION_CONTROL;
            case "PREPARE":
                if (next.equals("TRANSACTION")) {
                    return TRANSACTION_CONTROL;
                }
                break;
            case "SET":
                if (next.equals("TRANSACTION") || next.equals("SESSION") && h + 2 < t.size() && t.get(h + 2).word("CHARACTERISTICS")
                        || next.equals("AUTOCOMMIT") || next.equals("CONSTRAINTS")) {
                    return TRANSACTION_CONTROL;
                }
                break;
            case "CREATE", "DROP", "ALTER":
                return verb(head) + " " + (next.isEmpty() ? "an object" : objectWord(t, h + 1));
            case "COPY":
                return copy(t, h);
            default:
                break;
        }
        String what = HEADS.get(head);
        return what != null ? what : "is not a statement that sql runs read-only (SELECT, WITH, TABLE, VALUES, SHOW, EXPLAIN, DESCRIBE)";
    }

    private static String verb(String head) {
        return switch (head) {
            case "CREATE" -> "creates";
            case "DROP" -> "drops";
            default -> "alters";
        };
    }

    /** {@code TABLE}, {@code UNIQUE INDEX}, {@code OR REPLACE FUNCTION} → "a table", "an index", "a function". */
    private static String objectWord(List<Token> t, int i) {
        while (i < t.size() && t.get(i).kind() == Kind.WORD && switch (t.get(i).text()) {
            case "OR", "REPLACE", "UNIQUE", "TEMPORARY", "TEMP", "GLOBAL", "LOCAL", "UNLOGGED", "MATERIALIZED", "IF", "NOT", "EXISTS",
                 "DEFINER", "ALGORITHM", "SQL", "SECURITY", "ONLINE", "OFFLINE", "IGNORE", "RECURSIVE" -> true;
            default -> false;
        }) {
            i++;
        }
        if (i >= t.size() || t.get(i).kind() != Kind.WORD) {
            return "an object";
        }
        String w = t.get(i).text().toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(w.charAt(0)) >= 0 ? "an " : "a ") + w;
    }

    private static String copy(List<Token> t, int h) {
        boolean to = false;
        for (int i = h + 1; i < t.size(); i++) {
            if (t.get(i).word("PROGRAM")) {
                return "runs a command on the database server (COPY … PROGRAM)";
            }
            if (t.get(i).word("TO") || t.get(i).word("FROM")) {
                to = t.get(i).word("TO");
                if (i + 1 < t.size() && t.get(i + 1).kind() == Kind.STRING) {
                    return (to ? "writes" : "reads") + " a file on the database server (COPY … " + t.get(i).text() + " 'file')";
                }
            }
        }
        return to ? "copies data out of the database (COPY … TO)" : "copies data into a table (COPY … FROM)";
    }
}
