package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.lint.Hazard;
import dev.godwit.engine.lint.LintContext;
import dev.godwit.engine.lint.LintSeverity;
import dev.godwit.engine.lint.ServerFacts;
import dev.godwit.engine.migrate.sql.StatementShape;
import dev.godwit.engine.migrate.sql.Tokens;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The actions of one MySQL/MariaDB ALTER TABLE: the algorithm and lock the server uses for each. */
final class MysqlAlterRules {
    private static final String COPY = "ALGORITHM=COPY, LOCK=SHARED";
    private static final String WRITES = "writes (reads go on)";
    private static final Set<String> INDEX_WORDS = Set.of("INDEX", "KEY", "UNIQUE", "FULLTEXT", "SPATIAL");
    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern ENUM = Pattern.compile("(enum|set)\\((.*)\\)");

    private MysqlAlterRules() {
    }

    static String q(String name) {
        return name == null ? "<table>" : "`" + name.replace("`", "``") + "`";
    }

    /** {@code pinned}: the statement names its ALGORITHM or LOCK=NONE, so the server refuses rather than block. */
    static void action(StatementShape s, List<String> a, boolean fkChecksOff, boolean pinned, LintContext ctx, List<Hazard> out) {
        if (a.isEmpty() || pinned && !a.contains("COPY")) {
            renamesAndDrops(s, a, out);
            return;
        }
        String t = s.table();
        String first = a.get(0);
        ServerFacts server = ctx.server();
        if (first.equals("ADD")) {
            int i = 1;
            if (MysqlLintRules.isToken(a, i, "CONSTRAINT")) {
                i += MysqlLintRules.isToken(a, i + 1, "FOREIGN") || MysqlLintRules.isToken(a, i + 1, "CHECK")
                        || MysqlLintRules.isToken(a, i + 1, "UNIQUE") || MysqlLintRules.isToken(a, i + 1, "PRIMARY") ? 1 : 2;
            }
            String kind = i < a.size() ? a.get(i) : "";
            if (kind.equals("FOREIGN")) {
                foreignKey(s, a, fkChecksOff, server, out);
            } else if (kind.equals("CHECK")) {
                out.add(Hazard.sized("constraint-not-valid", t, COPY, WRITES, true, true,
                        "ADD CHECK on {table}: " + server.describe() + " checks it with " + COPY + ": it copies the table, and " + WRITES
                                + " are blocked until it finishes", null));
            } else if (kind.equals("PRIMARY")) {
                out.add(Hazard.sized("primary-key-rebuild", t, "ALGORITHM=INPLACE, LOCK=NONE", "nothing (a short exclusive lock at the end)", true, true,
                        "ADD PRIMARY KEY on {table} rebuilds the table (ALGORITHM=INPLACE, LOCK=NONE): reads and writes go on, but the "
                                + "rebuild reads and writes every row, and replicas apply it only when it ends",
                        null).capped(LintSeverity.WARNING));
            } else if (INDEX_WORDS.contains(kind)) {
                index(t, kind.equals("FULLTEXT") || kind.equals("SPATIAL") ? kind : "", "ALTER TABLE " + q(t) + " " + Tokens.join(a), true, ctx, out);
            } else {
                addColumn(t, a, server, out);
            }
        } else if (first.equals("MODIFY") || first.equals("CHANGE")) {
            modify(t, a, ctx, out);
        } else if (Tokens.startsWith(a, "CONVERT", "TO")) {
            out.add(Hazard.sized("type-change", t, COPY, WRITES, true, true,
                    "CONVERT TO CHARACTER SET copies {table} (" + COPY + "): " + WRITES + " are blocked until it finishes", null));
        } else if (Tokens.startsWith(a, "DROP", "PRIMARY", "KEY")) {
            out.add(Hazard.sized("primary-key-rebuild", t, COPY, WRITES, true, true,
                    "DROP PRIMARY KEY without a new one copies {table} (" + COPY + "): " + WRITES + " are blocked until it finishes", null));
        }
        renamesAndDrops(s, a, out);
    }

    /** Renames and column drops break running code whatever the algorithm. */
    private static void renamesAndDrops(StatementShape s, List<String> a, List<Hazard> out) {
        String t = s.table();
        if (a.isEmpty()) {
            return;
        }
        if (Tokens.startsWith(a, "RENAME", "COLUMN")) {
            out.add(Hazard.fixed("rename-column", LintSeverity.WARNING, t,
                    "RENAME COLUMN " + q(MysqlLintRules.name(a, 2)) + " TO " + q(MysqlLintRules.name(a, 4))
                            + " of {table}: code still running with the old name fails at once",
                    "-- expand and contract: ADD COLUMN the new name, write both from the code, copy the values over in batches,\n"
                            + "-- switch reads, then drop the old column in a later migration"));
        } else if (Tokens.startsWith(a, "RENAME", "TO") || Tokens.startsWith(a, "RENAME", "AS")
                || (a.get(0).equals("RENAME") && a.size() == 2)) {
            out.add(Hazard.fixed("rename-table", LintSeverity.WARNING, t,
                    "RENAME of {table}: code still running against the old name fails at once",
                    "-- deploy code that works with both names first (a view with the old name can bridge reads)"));
        } else if (a.get(0).equals("DROP") && a.size() > 1 && !INDEX_WORDS.contains(a.get(1)) && !Set.of("FOREIGN", "PRIMARY", "CONSTRAINT",
                "CHECK").contains(a.get(1))) {
            String column = MysqlLintRules.name(a, a.get(1).equals("COLUMN") ? 2 : 1);
            out.add(Hazard.fixed("drop-column", LintSeverity.WARNING, t,
                    "DROP COLUMN " + q(column) + " of {table}: code still running that reads or writes it fails as soon as it is gone",
                    "-- deploy code that no longer uses " + q(column) + " first, then drop it in a later migration"));
        }
    }

    static void index(String t, String special, String sql, boolean alter, LintContext ctx, List<Hazard> out) {
        if (!special.isEmpty()) {
            out.add(Hazard.sized("index-blocks-writes", t, "ALGORITHM=INPLACE, LOCK=SHARED", WRITES, special.equals("FULLTEXT"), true,
                    "ADD " + special + " INDEX on {table} takes LOCK=SHARED: " + WRITES + " are blocked until the index is built"
                            + (special.equals("FULLTEXT") ? " (the first FULLTEXT index also rebuilds the table)" : ""), null));
            return;
        }
        String stripped = sql.strip().replaceAll(";\\s*$", "");
        out.add(Hazard.sized("index-not-concurrent", t, "ALGORITHM=INPLACE, LOCK=NONE", "nothing (short exclusive metadata locks at start and end)",
                false, true,
                "ADD INDEX on {table} is built online (ALGORITHM=INPLACE, LOCK=NONE): reads and writes go on, but the build reads the "
                        + "whole table and replicas apply it only when it ends",
                alter ? stripped + ", ALGORITHM=INPLACE, LOCK=NONE;   -- refused, instead of blocking, should the server need a copy"
                        : stripped + " ALGORITHM=INPLACE LOCK=NONE;   -- refused, instead of blocking, should the server need a copy")
                .capped(LintSeverity.WARNING));
    }

    private static void foreignKey(StatementShape s, List<String> a, boolean fkChecksOff, ServerFacts server, List<Hazard> out) {
        String t = s.table();
        int ref = a.indexOf("REFERENCES");
        String other = ref >= 0 && ref + 1 < a.size() ? Tokens.name(a.get(Tokens.nameEnd(a, ref + 1) - 1)) : null;
        if (fkChecksOff) {
            return;   // INPLACE, LOCK=NONE: only metadata changes while foreign_key_checks is off
        }
        out.add(Hazard.sized("constraint-not-valid", t, COPY + " (and a shared metadata lock on the referenced table)",
                WRITES + " on the table; DDL on the referenced table", true, true,
                "ADD FOREIGN KEY on {table}: with foreign_key_checks on, " + server.describe() + " runs it as " + COPY
                        + ": it copies the table and blocks " + WRITES + " until it finishes; {other} is locked against DDL meanwhile",
                "-- check first that no row lacks its parent (SELECT … LEFT JOIN " + q(other) + " … WHERE parent IS NULL), then:\n"
                        + "SET FOREIGN_KEY_CHECKS = 0;\n"
                        + "ALTER TABLE " + q(t) + " " + Tokens.join(a) + ", ALGORITHM=INPLACE, LOCK=NONE;   -- metadata only, no copy\n"
                        + "SET FOREIGN_KEY_CHECKS = 1;").withOther(other));
    }

    private static void addColumn(String t, List<String> a, ServerFacts server, List<Hazard> out) {
        int i = MysqlLintRules.isToken(a, 1, "COLUMN") ? 2 : 1;
        String column = MysqlLintRules.name(a, i);
        boolean positioned = a.contains("FIRST") || a.contains("AFTER");
        if (a.contains("AUTO_INCREMENT")) {
            out.add(Hazard.sized("rewriting-column", t, "ALGORITHM=INPLACE, LOCK=SHARED", WRITES, true, true,
                    "ADD COLUMN " + q(column) + " AUTO_INCREMENT rebuilds {table} (ALGORITHM=INPLACE, LOCK=SHARED): " + WRITES
                            + " are blocked until every row is numbered", null));
        } else if (a.contains("STORED") || a.contains("PERSISTENT")) {
            out.add(Hazard.sized("rewriting-column", t, COPY, WRITES, true, true,
                    "ADD COLUMN " + q(column) + " … STORED computes every row with " + COPY + ": " + WRITES + " are blocked until it finishes",
                    "-- a VIRTUAL generated column is added instantly; index it if it must be fast"));
        } else if (!instantAdd(server, positioned)) {
            out.add(Hazard.sized("table-rebuild", t, "ALGORITHM=INPLACE, LOCK=NONE", "nothing (short exclusive metadata locks at start and end)",
                    true, true, "ADD COLUMN " + q(column) + (positioned ? " with FIRST/AFTER" : "") + " rebuilds {table} on "
                            + server.describe() + " (ALGORITHM=INPLACE): writes go on, but every row is copied",
                    positioned ? "-- add it as the last column (no FIRST/AFTER): instant on this server" : null).capped(LintSeverity.WARNING));
        }
    }

    /** ADD COLUMN with ALGORITHM=INSTANT: MariaDB 10.3 / MySQL 8.0.12 as the last column, MariaDB 10.4 / MySQL 8.0.29 anywhere. */
    static boolean instantAdd(ServerFacts f, boolean positioned) {
        if (f.mariadb()) {
            return f.atLeast(10, 4, 0) || (!positioned && f.atLeast(10, 3, 2));
        }
        return f.atLeast(8, 0, 29) || (!positioned && f.atLeast(8, 0, 12));
    }

    private static void modify(String t, List<String> a, LintContext ctx, List<Hazard> out) {
        boolean change = a.get(0).equals("CHANGE");
        int i = MysqlLintRules.isToken(a, 1, "COLUMN") ? 2 : 1;
        String column = MysqlLintRules.name(a, i);
        int typeAt = change ? i + 2 : i + 1;
        if (typeAt >= a.size()) {
            return;
        }
        int end = typeAt + 1;
        if (MysqlLintRules.isToken(a, end, "(")) {
            end = typeAt + 3 + Tokens.group(a, typeAt + 1).size();
        }
        while (end < a.size() && Set.of("UNSIGNED", "ZEROFILL").contains(a.get(end))) {
            end++;
        }
        String newType = Tokens.join(a.subList(typeAt, Math.min(end, a.size()))).toLowerCase(Locale.ROOT).replace(" (", "(");
        boolean notNull = Tokens.indexOf(a, typeAt, "NOT", "NULL") >= 0;
        Optional<String> old = ctx.columnType(t, column);
        Optional<Boolean> oldNullable = ctx.table(t).map(lt -> lt.nullable().get(column.toLowerCase(Locale.ROOT)));
        String verdict = old.map(o -> verdict(o, newType)).orElse("COPY?");
        if (verdict.equals("INSTANT") && oldNullable.isPresent() && oldNullable.get() == notNull) {
            verdict = "REBUILD";
        }
        switch (verdict) {
            case "INSTANT" -> {
            }
            case "REBUILD" -> out.add(Hazard.sized("set-not-null", t, "ALGORITHM=INPLACE, LOCK=NONE", "nothing (short exclusive metadata locks)",
                    true, true, (change ? "CHANGE " : "MODIFY ") + q(column) + " to " + (notNull ? "NOT NULL" : "NULL")
                            + " rebuilds {table} (ALGORITHM=INPLACE): writes go on, but every row is copied and checked", null)
                    .capped(LintSeverity.WARNING));
            default -> out.add(Hazard.sized("type-change", t, COPY, WRITES, true, true,
                    (change ? "CHANGE " : "MODIFY ") + q(column) + " " + newType + old.map(o -> " (from " + o + ")").orElse("")
                            + (verdict.equals("COPY?") ? " copies {table} (" + COPY + ") unless it only changes the default, widens a VARCHAR "
                            + "within its length-byte class or appends ENUM values" : " copies {table} (" + COPY + ")")
                            + ": " + WRITES + " are blocked until it finishes",
                    "ALTER TABLE " + q(t) + " ADD COLUMN " + q(column + "_new") + " " + newType + ";   -- instant\n"
                            + "-- copy in batches (UPDATE " + q(t) + " SET " + q(column + "_new") + " = " + q(column)
                            + " WHERE <key range>), keep both written from the code,\n"
                            + "-- then switch reads to the new column and drop the old one in a later migration"));
        }
    }

    /** INSTANT (metadata only) or COPY for a type change from {@code old} to {@code to}, both as the server writes them. */
    static String verdict(String old, String to) {
        String o = old.replace(" ", "");
        String n = to.replace(" ", "");
        if (o.equals(n)) {
            return "INSTANT";
        }
        Matcher ov = VARCHAR.matcher(o);
        Matcher nv = VARCHAR.matcher(n);
        if (ov.matches() && nv.matches()) {
            int from = Integer.parseInt(ov.group(1));
            int into = Integer.parseInt(nv.group(1));
            // One length byte up to 255 bytes (63 characters of utf8mb4), two above: crossing that line copies.
            return into >= from && (into * 4 < 256) == (from * 4 < 256) ? "INSTANT" : "COPY";
        }
        Matcher oe = ENUM.matcher(o);
        Matcher ne = ENUM.matcher(n);
        if (oe.matches() && ne.matches() && oe.group(1).equals(ne.group(1)) && ne.group(2).startsWith(oe.group(2))) {
            return "INSTANT";
        }
        return "COPY";
    }
}
