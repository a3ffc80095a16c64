package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.lint.Hazard;
import dev.godwit.engine.lint.LintContext;
import dev.godwit.engine.lint.LintSeverity;
import dev.godwit.engine.migrate.sql.StatementShape;
import dev.godwit.engine.migrate.sql.Tokens;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.godwit.engine.dialect.postgres.PostgresLintRules.ACCESS_EXCLUSIVE;
import static dev.godwit.engine.dialect.postgres.PostgresLintRules.READS_AND_WRITES;
import static dev.godwit.engine.dialect.postgres.PostgresLintRules.q;
import static dev.godwit.engine.dialect.postgres.PostgresLintRules.terminated;

/** The actions of one PostgreSQL ALTER TABLE: what each locks, rewrites or scans. */
final class PostgresAlterRules {
    /** Functions a default may call that give another value per row, so every existing row must be written. */
    private static final Set<String> VOLATILE = Set.of("RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V1", "UUID_GENERATE_V1MC",
            "UUID_GENERATE_V4", "UUIDV7", "UUID_GENERATE_V7", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL", "SETSEED", "TXID_CURRENT");
    /** Calls known to be stable or immutable: evaluated once when the column is added. */
    private static final Set<String> STABLE = Set.of("NOW", "TRANSACTION_TIMESTAMP", "STATEMENT_TIMESTAMP", "CURRENT_TIMESTAMP",
            "LOCALTIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "LOWER", "UPPER", "ARRAY", "JSONB_BUILD_OBJECT",
            "JSON_BUILD_OBJECT", "COALESCE", "CAST", "TO_JSONB", "ROW", "CURRENT_SETTING");
    private static final Set<String> SERIAL = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8");
    private static final Set<String> COLUMN_CONSTRAINT_START = Set.of("NOT", "NULL", "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
            "REFERENCES", "GENERATED", "COLLATE", "DEFAULT");
    private static final Pattern VARCHAR = Pattern.compile("(?:character varying|varchar)\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    private PostgresAlterRules() {
    }

    static void action(StatementShape s, List<String> a, List<StatementShape> earlier, LintContext ctx, List<Hazard> out) {
        if (a.isEmpty()) {
            return;
        }
        String t = s.table();
        String qt = PostgresLintRules.qualified(s);
        String first = a.get(0);
        if (first.equals("ADD")) {
            int i = 1;
            if (i < a.size() && a.get(i).equals("CONSTRAINT")) {
                constraint(s, a, i + 2, a.size() > i + 1 ? Tokens.name(a.get(i + 1)) : null, out);
            } else if (i < a.size() && Set.of("CHECK", "FOREIGN", "UNIQUE", "PRIMARY", "EXCLUDE").contains(a.get(i))) {
                constraint(s, a, i, null, out);
            } else {
                addColumn(s, a, ctx, out);
            }
        } else if (first.equals("ALTER")) {
            int i = a.size() > 1 && a.get(1).equals("COLUMN") ? 2 : 1;
            if (i >= a.size()) {
                return;
            }
            String column = Tokens.name(a.get(i));
            List<String> rest = a.subList(i + 1, a.size());
            int type = Tokens.indexOf(rest, 0, "TYPE");
            if (type >= 0 && (type == 0 || rest.get(type - 1).equals("DATA"))) {
                typeChange(s, column, rest.subList(type + 1, rest.size()), ctx, out);
            } else if (Tokens.startsWith(rest, "SET", "NOT", "NULL") && !validatedEarlier(earlier, t)) {
                out.add(Hazard.sized("set-not-null", t, ACCESS_EXCLUSIVE, READS_AND_WRITES, false, true,
                        "SET NOT NULL on " + q(column) + " of {table} takes an ACCESS EXCLUSIVE lock: reads and writes are blocked "
                                + "while every row is checked",
                        notNullSteps(s, column)));
            }
        } else if (first.equals("DROP") && !(a.size() > 1 && a.get(1).equals("CONSTRAINT"))) {
            int i = a.size() > 1 && a.get(1).equals("COLUMN") ? 2 : 1;
            i = a.size() > i + 1 && a.get(i).equals("IF") ? i + 2 : i;
            if (i < a.size()) {
                String column = Tokens.name(a.get(i));
                out.add(Hazard.fixed("drop-column", LintSeverity.WARNING, t,
                        "DROP COLUMN " + q(column) + " of {table}: code still running that reads or writes it fails as soon as it is gone",
                        "-- deploy code that no longer uses " + q(column) + " first (and stop selecting it with *), "
                                + "then drop it in a later migration"));
            }
        } else if (first.equals("RENAME")) {
            if (a.size() > 1 && a.get(1).equals("TO")) {
                String to = a.size() > 2 ? Tokens.name(a.get(2)) : "<new name>";
                out.add(Hazard.fixed("rename-table", LintSeverity.WARNING, t,
                        "RENAME TO " + q(to) + " of {table}: code still running against the old name fails at once",
                        "ALTER TABLE " + qt + " RENAME TO " + q(to) + ";\nCREATE VIEW " + qt + " AS SELECT * FROM " + q(to)
                                + ";   -- the old name keeps working until the code uses the new one; drop the view then"));
            } else if (!(a.size() > 1 && a.get(1).equals("CONSTRAINT"))) {
                int i = a.size() > 1 && a.get(1).equals("COLUMN") ? 2 : 1;
                String from = i < a.size() ? Tokens.name(a.get(i)) : "?";
                String to = i + 2 < a.size() ? Tokens.name(a.get(i + 2)) : "?";
                out.add(Hazard.fixed("rename-column", LintSeverity.WARNING, t,
                        "RENAME COLUMN " + q(from) + " TO " + q(to) + " of {table}: code still running with the old name fails at once",
                        "ALTER TABLE " + qt + " ADD COLUMN " + q(to) + " <type>;   -- expand: a new column beside the old one\n"
                                + "-- write both from the code, copy the old values over in batches, switch reads to " + q(to) + ",\n"
                                + "-- then, in a later migration: ALTER TABLE " + qt + " DROP COLUMN " + q(from) + ";"));
            }
        } else if (Tokens.startsWith(a, "SET", "TABLESPACE") || Tokens.startsWith(a, "SET", "LOGGED")
                || Tokens.startsWith(a, "SET", "UNLOGGED")) {
            out.add(Hazard.sized("table-rewrite", t, ACCESS_EXCLUSIVE, READS_AND_WRITES, true, true,
                    String.join(" ", a.subList(0, 2)) + " rewrites {table} under an ACCESS EXCLUSIVE lock: reads and writes are "
                            + "blocked until it finishes", null));
        }
    }

    private static void constraint(StatementShape s, List<String> a, int at, String name, List<Hazard> out) {
        if (at >= a.size()) {
            return;
        }
        String t = s.table();
        String qt = PostgresLintRules.qualified(s);
        String kind = a.get(at);
        boolean notValid = Tokens.indexOf(a, at, "NOT", "VALID") >= 0;
        String constraintName = name == null ? "<constraint name>" : q(name);
        String validate = "ALTER TABLE " + qt + " VALIDATE CONSTRAINT " + constraintName + ";   -- SHARE UPDATE EXCLUSIVE: reads and writes go on";
        String addNotValid = "ALTER TABLE " + qt + " " + Tokens.join(a) + " NOT VALID;";
        switch (kind) {
            case "FOREIGN" -> {
                int ref = Tokens.indexOf(a, at, "REFERENCES");
                String other = ref >= 0 && ref + 1 < a.size() ? Tokens.name(a.get(Tokens.nameEnd(a, ref + 1) - 1)) : null;
                if (!notValid) {
                    out.add(Hazard.sized("constraint-not-valid", t, "SHARE ROW EXCLUSIVE on both tables",
                            "writes to both tables", false, true,
                            "ADD FOREIGN KEY on {table} takes SHARE ROW EXCLUSIVE locks on it and on {other}: writes to both tables "
                                    + "are blocked while every row is checked",
                            addNotValid + "\n" + validate).withOther(other));
                }
            }
            case "CHECK" -> {
                if (!notValid) {
                    out.add(Hazard.sized("constraint-not-valid", t, ACCESS_EXCLUSIVE, READS_AND_WRITES, false, true,
                            "ADD CHECK on {table} takes an ACCESS EXCLUSIVE lock: reads and writes are blocked while every row is checked",
                            addNotValid + "\n" + validate));
                }
            }
            case "UNIQUE", "PRIMARY" -> {
                if (Tokens.indexOf(a, at, "USING", "INDEX") < 0) {
                    boolean pk = kind.equals("PRIMARY");
                    int open = a.indexOf("(");
                    String cols = open >= 0 ? Tokens.join(Tokens.group(a, open)) : "<columns>";
                    String index = name != null ? q(name) : q(t + (pk ? "_pkey" : "_key"));
                    out.add(Hazard.sized("unique-constraint", t, ACCESS_EXCLUSIVE, READS_AND_WRITES, false, true,
                            "ADD " + (pk ? "PRIMARY KEY" : "UNIQUE") + " on {table} builds its index under an ACCESS EXCLUSIVE lock: "
                                    + "reads and writes are blocked until it is built",
                            "CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + qt + " (" + cols + ");   -- in a migration of its own\n"
                                    + "ALTER TABLE " + qt + " ADD CONSTRAINT " + index + (pk ? " PRIMARY KEY" : " UNIQUE")
                                    + " USING INDEX " + index + ";"));
                }
            }
            case "EXCLUDE" -> out.add(Hazard.sized("unique-constraint", t, ACCESS_EXCLUSIVE, READS_AND_WRITES, false, true,
                    "ADD EXCLUDE on {table} builds its index under an ACCESS EXCLUSIVE lock: reads and writes are blocked until it is built",
                    null));
            default -> {
            }
        }
    }

    private static void addColumn(StatementShape s, List<String> a, LintContext ctx, List<Hazard> out) {
        String t = s.table();
        String qt = PostgresLintRules.qualified(s);
        int i = 1;
        if (i < a.size() && a.get(i).equals("COLUMN")) {
            i++;
        }
        if (i + 2 < a.size() && a.get(i).equals("IF") && a.get(i + 1).equals("NOT")) {
            i += 3;
        }
        if (i >= a.size()) {
            return;
        }
        String column = Tokens.name(a.get(i));
        List<String> def = a.subList(i + 1, a.size());
        int typeEnd = 0;
        int depth = 0;
        while (typeEnd < def.size() && (depth > 0 || !COLUMN_CONSTRAINT_START.contains(def.get(typeEnd)))) {
            depth += def.get(typeEnd).equals("(") ? 1 : def.get(typeEnd).equals(")") ? -1 : 0;
            typeEnd++;
        }
        String type = Tokens.join(def.subList(0, typeEnd));
        List<String> dflt = defaultExpression(def);
        boolean notNull = Tokens.indexOf(def, 0, "NOT", "NULL") >= 0 || Tokens.indexOf(def, 0, "PRIMARY", "KEY") >= 0;
        boolean serial = !def.isEmpty() && SERIAL.contains(def.get(0));
        boolean identity = Tokens.indexOf(def, 0, "GENERATED") >= 0;
        String volatileCall = dflt == null ? null : volatileCall(dflt);
        boolean oldServer = ctx.server().known() && ctx.server().major() < 11;
        if (serial || identity || volatileCall != null || (oldServer && dflt != null && !isNullLiteral(dflt))) {
            String why = serial ? "its serial type fills every row from a sequence"
                    : identity ? "a generated or identity column is computed for every row"
                    : volatileCall != null ? "its default " + volatileCall + "() gives each row its own value"
                    : "PostgreSQL " + ctx.server().major() + " writes a default into every row (from 11 only a volatile one does)";
            String rule = volatileCall != null || (dflt != null && !serial && !identity) ? "volatile-default" : "rewriting-column";
            out.add(Hazard.sized(rule, t, ACCESS_EXCLUSIVE, READS_AND_WRITES, true, true,
                    "ADD COLUMN " + q(column) + " rewrites {table} under an ACCESS EXCLUSIVE lock (" + why + "): reads and writes "
                            + "are blocked until every row is written",
                    "ALTER TABLE " + qt + " ADD COLUMN " + q(column) + " " + (serial ? serialBase(def.get(0)) : type) + ";   -- no default: no rewrite\n"
                            + (dflt != null ? "ALTER TABLE " + qt + " ALTER COLUMN " + q(column) + " SET DEFAULT " + Tokens.join(dflt)
                            + ";   -- for new rows\n" : "")
                            + "-- then fill existing rows in batches: UPDATE " + qt + " SET " + q(column) + " = … WHERE <key range>;"));
            return;
        }
        if (notNull && dflt == null) {
            out.add(Hazard.sized("required-column", t, ACCESS_EXCLUSIVE, READS_AND_WRITES, false, false,
                    "ADD COLUMN " + q(column) + " NOT NULL without a default on {table}: it fails on a table that has rows",
                    "-- a constant default adds it at once, without a rewrite (PostgreSQL 11+):\n"
                            + "ALTER TABLE " + qt + " ADD COLUMN " + q(column) + " " + type + " NOT NULL DEFAULT <value>;\n"
                            + "-- or expand and contract:\n"
                            + "ALTER TABLE " + qt + " ADD COLUMN " + q(column) + " " + type + ";\n"
                            + "UPDATE " + qt + " SET " + q(column) + " = <value> WHERE " + q(column) + " IS NULL;   -- in batches on a big table\n"
                            + notNullSteps(s, column)).failingWithRows());
        }
        int ref = Tokens.indexOf(def, 0, "REFERENCES");
        if (ref >= 0 && ref + 1 < def.size()) {
            String other = Tokens.name(def.get(Tokens.nameEnd(def, ref + 1) - 1));
            out.add(Hazard.sized("constraint-not-valid", t, "SHARE ROW EXCLUSIVE on both tables", "writes to both tables", false, true,
                    "ADD COLUMN " + q(column) + " REFERENCES {other} takes SHARE ROW EXCLUSIVE locks on {table} and on the referenced "
                            + "table while its rows are checked",
                    "ALTER TABLE " + qt + " ADD COLUMN " + q(column) + " " + type + ";\n"
                            + "ALTER TABLE " + qt + " ADD CONSTRAINT " + q(t + "_" + column + "_fkey") + " FOREIGN KEY (" + q(column)
                            + ") REFERENCES " + q(other) + " NOT VALID;\n"
                            + "ALTER TABLE " + qt + " VALIDATE CONSTRAINT " + q(t + "_" + column + "_fkey") + ";").withOther(other));
        }
    }

    private static void typeChange(StatementShape s, String column, List<String> rest, LintContext ctx, List<Hazard> out) {
        String t = s.table();
        String qt = PostgresLintRules.qualified(s);
        int using = rest.indexOf("USING");
        List<String> typeTokens = using >= 0 ? rest.subList(0, using) : rest;
        int collate = typeTokens.indexOf("COLLATE");
        String newType = Tokens.join(collate >= 0 ? typeTokens.subList(0, collate) : typeTokens).toLowerCase(java.util.Locale.ROOT);
        Optional<String> old = ctx.columnType(t, column);
        if (using < 0 && !rewrites(old.orElse(null), newType)) {
            return;
        }
        out.add(Hazard.sized("type-change", t, ACCESS_EXCLUSIVE, READS_AND_WRITES, true, true,
                "ALTER COLUMN " + q(column) + " TYPE " + newType + (old.map(o -> " (from " + o + ")").orElse(""))
                        + " rewrites {table} and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes are blocked "
                        + "until it finishes",
                "ALTER TABLE " + qt + " ADD COLUMN " + q(column + "_new") + " " + newType + ";   -- expand\n"
                        + "-- copy in batches (UPDATE " + qt + " SET " + q(column + "_new") + " = " + q(column) + "::" + newType
                        + " WHERE <key range>), keep both written from the code,\n"
                        + "-- then switch reads to the new column and drop the old one in a later migration"));
    }

    /** Whether changing a column from {@code old} (null: not known) to {@code to} rewrites the table. */
    static boolean rewrites(String old, String to) {
        if (to.equals("text") || to.equals("varchar") || to.equals("character varying")) {
            return old == null || !(old.startsWith("character varying") || old.startsWith("varchar") || old.equals("text")
                    || old.startsWith("character(") || old.equals("citext"));
        }
        if (old == null) {
            return true;
        }
        String o = old.replace(" ", "");
        String n = to.replace(" ", "");
        Matcher ov = VARCHAR.matcher(old);
        Matcher nv = VARCHAR.matcher(to);
        if (ov.matches() && nv.matches()) {
            return Integer.parseInt(nv.group(1)) < Integer.parseInt(ov.group(1));
        }
        Matcher on = NUMERIC.matcher(o);
        Matcher nn = NUMERIC.matcher(n);
        if (on.matches() && nn.matches()) {
            return !(on.group(2).equals(nn.group(2)) && Integer.parseInt(nn.group(1)) >= Integer.parseInt(on.group(1)));
        }
        if (o.equals(n) || (o.startsWith("numeric(") && n.equals("numeric"))) {
            return false;
        }
        return !(o.equals("cidr") && n.equals("inet")) && !(o.equals("varbit") && n.equals("bitvarying"));
    }

    private static String notNullSteps(StatementShape s, String column) {
        String t = s.table();
        String qt = PostgresLintRules.qualified(s);
        String check = q(t + "_" + column + "_not_null");
        return "ALTER TABLE " + qt + " ADD CONSTRAINT " + check + " CHECK (" + q(column) + " IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE " + qt + " VALIDATE CONSTRAINT " + check + ";   -- reads and writes go on\n"
                + "ALTER TABLE " + qt + " ALTER COLUMN " + q(column) + " SET NOT NULL;   -- PostgreSQL 12+: proven by the check, no scan\n"
                + "ALTER TABLE " + qt + " DROP CONSTRAINT " + check + ";";
    }

    /** Whether an earlier statement of the migration validated a constraint of the table (the safe SET NOT NULL form). */
    private static boolean validatedEarlier(List<StatementShape> earlier, String table) {
        return earlier.stream().anyMatch(e -> table != null && table.equals(e.table()) && e.hasSequence("VALIDATE", "CONSTRAINT"));
    }

    /** The tokens of a DEFAULT clause, or null. */
    private static List<String> defaultExpression(List<String> def) {
        int d = def.indexOf("DEFAULT");
        if (d < 0) {
            return null;
        }
        int end = d + 1;
        int depth = 0;
        while (end < def.size() && (depth > 0 || end == d + 1 || !COLUMN_CONSTRAINT_START.contains(def.get(end)))) {
            depth += def.get(end).equals("(") ? 1 : def.get(end).equals(")") ? -1 : 0;
            end++;
        }
        return def.subList(d + 1, end);
    }

    /** The name of a call in the expression that is volatile or not known to be stable, or null. */
    private static String volatileCall(List<String> expr) {
        for (int i = 0; i + 1 < expr.size(); i++) {
            String w = expr.get(i);
            boolean afterCast = i > 0 && expr.get(i - 1).equals(":");
            if (expr.get(i + 1).equals("(") && !afterCast && w.matches("[A-Z_][A-Z0-9_]*")) {
                if (VOLATILE.contains(w) || !STABLE.contains(w) && !isTypeName(w, expr, i)) {
                    return w.toLowerCase(java.util.Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** A type's length in a cast ({@code ::varchar(3)}, {@code character varying(3)}) is not a call. */
    private static boolean isTypeName(String w, List<String> expr, int i) {
        return Set.of("VARCHAR", "VARYING", "CHAR", "CHARACTER", "NUMERIC", "DECIMAL", "TIMESTAMP", "TIME", "BIT").contains(w)
                && i > 0 && (expr.get(i - 1).equals(":") || expr.get(i - 1).equals("CHARACTER") || expr.get(i - 1).equals("AS"));
    }

    private static boolean isNullLiteral(List<String> expr) {
        return expr.size() == 1 && expr.get(0).equals("NULL");
    }

    private static String serialBase(String serial) {
        return switch (serial) {
            case "BIGSERIAL", "SERIAL8" -> "bigint";
            case "SMALLSERIAL", "SERIAL2" -> "smallint";
            default -> "integer";
        };
    }
}
