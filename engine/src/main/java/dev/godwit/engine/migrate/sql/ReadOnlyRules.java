package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.migrate.sql.SqlLexer.Kind;
import dev.godwit.engine.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether one statement is plainly a read, judged on its tokens (so a keyword inside a string,
 * a comment or a quoted identifier never counts, while a function named in quotes does). It
 * allows only what it recognises: {@code SELECT}, {@code WITH}, {@code TABLE}, {@code VALUES},
 * {@code SHOW} and {@code EXPLAIN}/{@code DESCRIBE} of one of those, and even then refuses a
 * statement that locks rows, writes through {@code INTO}, modifies data in a {@code WITH} clause,
 * assigns a variable or calls a function that changes something the transaction cannot roll back
 * (advisory locks, sequences, settings, other sessions, large objects, files, remote databases).
 * Anything else is refused, with what it would do when that is known.
 */
final class ReadOnlyRules {

    record Token(Kind kind, String text) {
        boolean word(String upper) {
            return kind == Kind.WORD && text.equals(upper);
        }

        boolean punct(char c) {
            return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
        }
    }

    private static final String UNTERMINATED = "unterminated";
    private static final Set<String> READ_HEADS = Set.of("SELECT", "WITH", "TABLE", "VALUES");
    private static final Set<String> EXPLAIN_OPTIONS = Set.of("ANALYZE", "ANALYSE", "VERBOSE", "EXTENDED", "PARTITIONS", "FORMAT",
            "COSTS", "BUFFERS", "SETTINGS", "WAL", "TIMING", "SUMMARY", "MEMORY", "SERIALIZE", "GENERIC_PLAN", "QUERY", "PLAN");

    /** Functions that change what a rollback does not undo, or run SQL the guard cannot see. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("nextval", "advances a sequence"),
            Map.entry("setval", "sets a sequence"),
            Map.entry("set_config", "changes a setting of the session"),
            Map.entry("pg_terminate_backend", "ends another session"),
            Map.entry("pg_cancel_backend", "cancels another session's query"),
            Map.entry("pg_reload_conf", "reloads the server's configuration"),
            Map.entry("pg_rotate_logfile", "rotates the server's log file"),
            Map.entry("pg_switch_wal", "switches the server's WAL file"),
            Map.entry("pg_switch_xlog", "switches the server's WAL file"),
            Map.entry("pg_create_restore_point", "writes a restore point"),
            Map.entry("pg_promote", "promotes a standby server"),
            Map.entry("pg_notify", "sends a notification"),
            Map.entry("pg_import_system_collations", "creates collations"),
            Map.entry("pg_log_backend_memory_contexts", "writes to the server's log"),
            Map.entry("pg_logical_emit_message", "writes to the WAL"),
            Map.entry("pg_stat_statements_reset", "resets statistics"),
            Map.entry("query_to_xml", "runs the SQL text it is given"),
            Map.entry("query_to_xmlschema", "runs the SQL text it is given"),
            Map.entry("query_to_xml_and_xmlschema", "runs the SQL text it is given"),
            Map.entry("cursor_to_xml", "reads from a cursor"),
            Map.entry("lowrite", "writes a large object"),
            Map.entry("get_lock", "takes a named lock that outlives the transaction"),
            Map.entry("release_lock", "releases a named lock"),
            Map.entry("release_all_locks", "releases named locks"),
            Map.entry("sys_exec", "runs a command on the database server"),
            Map.entry("sys_eval", "runs a command on the database server"),
            Map.entry("last_insert_id", "sets the session's last insert id"));
    private static final Map<String, String> FUNCTION_PREFIXES = Map.ofEntries(
            Map.entry("pg_advisory_", "takes or releases an advisory lock, which may outlive the transaction"),
            Map.entry("pg_try_advisory_", "takes an advisory lock, which may outlive the transaction"),
            Map.entry("lo_", "reads or writes a large object or a file on the server (lo_import, lo_export, …)"),
            Map.entry("dblink", "runs SQL on another connection, outside this transaction"),
            Map.entry("pg_file_", "writes a file on the database server"),
            Map.entry("pg_stat_reset", "resets statistics"),
            Map.entry("pg_replication_origin_", "changes replication state"),
            Map.entry("pg_create_", "creates a replication slot"),
            Map.entry("pg_drop_replication_slot", "drops a replication slot"),
            Map.entry("pg_copy_", "copies a replication slot"),
            Map.entry("pg_replication_slot_advance", "advances a replication slot"),
            Map.entry("pg_logical_slot_get_", "consumes changes from a replication slot"),
            Map.entry("pg_start_backup", "starts a backup"),
            Map.entry("pg_stop_backup", "stops a backup"),
            Map.entry("pg_backup_", "starts or stops a backup"),
            Map.entry("pg_wal_replay_", "pauses or resumes replay"));

    private ReadOnlyRules() {
    }

    /** The significant tokens of {@code text} for one reading of the server's quoting settings; words upper-cased. */
    static List<Token> tokens(String text, Provider p, boolean backslashEscapes, boolean ansiQuotes) {
        SqlLexer lx = new SqlLexer(text, p, backslashEscapes, ansiQuotes);
        List<Token> out = new ArrayList<>();
        for (Kind k = lx.next(); k != Kind.EOF; k = lx.next()) {
            if (k == Kind.BLOCK_COMMENT && lx.unterminatedComment || lx.unterminatedQuote) {
                out.add(new Token(Kind.EOF, UNTERMINATED)); // the server sees an error, the guard something it cannot read
            } else if (k.significant()) {
                String t = text.substring(lx.start, lx.end);
                out.add(new Token(k, k == Kind.WORD ? t.toUpperCase(Locale.ROOT) : t));
            }
        }
        return out;
    }

    /** Why the statement is not plainly a read, as "what it does", or null when it is one. */
    static String whyNotRead(List<Token> t, Provider p) {
        boolean mysql = SqlGrammar.of(p) == SqlGrammar.MYSQL_LIKE;
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.kind() == Kind.EXECUTABLE_COMMENT) {
                return "holds an executable comment (/*! … */ or /*M! … */), which the server runs as SQL";
            }
            if (k.punct('\\')) {
                return "has a backslash outside a string (client commands such as \\g are not SQL)";
            }
            if (k.kind() == Kind.EOF && k.text().equals(UNTERMINATED)) {
                return "has a quote or comment that is never closed";
            }
            if (!mysql && k.word("U") && i + 2 < t.size() && t.get(i + 1).punct('&') && t.get(i + 2).kind() == Kind.QUOTED_IDENTIFIER) {
                return "names something with Unicode escapes (U&\"…\"), which the guard does not read";
            }
        }
        int h = 0;
        while (h < t.size() && t.get(h).punct('(')) {
            h++;
        }
        if (h >= t.size()) {
            return "is not a statement the guard recognises";
        }
        Token head = t.get(h);
        if (head.kind() != Kind.WORD) {
            return "is not a statement the guard recognises";
        }
        return switch (head.text()) {
            case "SELECT", "WITH", "TABLE", "VALUES" -> body(t, h, mysql);
            case "SHOW" -> null;
            case "EXPLAIN", "DESCRIBE", "DESC" -> explain(t, h + 1, p);
            default -> WriteStatements.describe(t, h);
        };
    }

    /** EXPLAIN / DESCRIBE: what follows the options is judged as a statement of its own (EXPLAIN ANALYZE runs it). */
    private static String explain(List<Token> t, int i, Provider p) {
        if (i < t.size() && t.get(i).punct('(')) {
            int depth = 0;
            for (; i < t.size(); i++) {
                if (t.get(i).punct('(')) {
                    depth++;
                } else if (t.get(i).punct(')') && --depth == 0) {
                    i++;
                    break;
                }
            }
        }
        while (i < t.size()) {
            Token k = t.get(i);
            if (k.kind() == Kind.WORD && EXPLAIN_OPTIONS.contains(k.text()) || k.punct('=')) {
                i++;
            } else if (i > 0 && t.get(i - 1).punct('=') && k.kind() == Kind.WORD) {
                i++; // FORMAT=JSON
            } else {
                break;
            }
        }
        if (i >= t.size()) {
            return null;
        }
        Token inner = t.get(i);
        if (inner.punct('(') || inner.kind() == Kind.WORD && READ_HEADS.contains(inner.text())) {
            String why = whyNotRead(t.subList(i, t.size()), p);
            return why == null ? null : "explains a statement that " + why + " (EXPLAIN ANALYZE runs it)";
        }
        if (inner.word("FOR")) {
            return null; // MySQL: EXPLAIN FOR CONNECTION n
        }
        for (int j = i; j < t.size(); j++) {
            Kind k = t.get(j).kind();
            boolean name = k == Kind.WORD || k == Kind.QUOTED_IDENTIFIER || k == Kind.STRING || t.get(j).punct('.');
            if (!name || k == Kind.WORD && WriteStatements.isStatementHead(t.get(j).text()) && j == i) {
                String why = whyNotRead(t.subList(i, t.size()), p);
                return "explains a statement that " + (why == null ? "the guard does not recognise" : why) + " (EXPLAIN ANALYZE runs it)";
            }
        }
        return null; // DESCRIBE table [column]
    }

    private static String body(List<Token> t, int h, boolean mysql) {
        for (int i = h; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.kind() == Kind.WORD) {
                String why = word(t, i, mysql);
                if (why != null) {
                    return why;
                }
            }
            if ((k.kind() == Kind.WORD || k.kind() == Kind.QUOTED_IDENTIFIER) && i + 1 < t.size() && t.get(i + 1).punct('(')) {
                String why = function(unquote(k));
                if (why != null) {
                    return "calls " + unquote(k) + "(), which " + why;
                }
            }
            if (mysql && k.punct(':') && i + 1 < t.size() && t.get(i + 1).punct('=')) {
                return "assigns a user variable (:=), which outlives the statement";
            }
        }
        return null;
    }

    private static String word(List<Token> t, int i, boolean mysql) {
        Token next = i + 1 < t.size() ? t.get(i + 1) : new Token(Kind.EOF, "");
        switch (t.get(i).text()) {
            case "INTO":
                if (next.word("OUTFILE") || next.word("DUMPFILE")) {
                    return "writes a file on the database server (INTO " + next.text() + ")";
                }
                return mysql ? "stores its result in variables or a file (SELECT … INTO)" : "creates a table from its result (SELECT … INTO)";
            case "FOR":
                if (next.word("UPDATE") || next.word("SHARE") || next.word("NO") || next.word("KEY")) {
                    return "locks the rows it reads (FOR " + next.text() + (next.word("NO") || next.word("KEY") ? " …" : "") + ")";
                }
                return null;
            case "LOCK":
                return "locks the rows it reads (LOCK IN SHARE MODE)";
            case "INSERT", "UPDATE", "DELETE", "MERGE":
                return "has a data-modifying " + t.get(i).text() + " inside it (WITH … AS (" + t.get(i).text() + " …)), which changes data";
            case "NEXT":
                return next.word("VALUE") ? "advances a sequence (NEXT VALUE FOR)" : null;
            case "PROCEDURE":
                return "runs a procedure (SELECT … PROCEDURE)";
            default:
                return null;
        }
    }

    private static String unquote(Token k) {
        String s = k.text();
        if (k.kind() == Kind.QUOTED_IDENTIFIER && s.length() >= 2) {
            char q = s.charAt(0);
            s = s.substring(1, s.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q));
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static String function(String name) {
        String why = FUNCTIONS.get(name);
        if (why != null) {
            return why;
        }
        for (Map.Entry<String, String> e : FUNCTION_PREFIXES.entrySet()) {
            if (name.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
