package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.lint.SafeForm;
import dev.godwit.engine.migrate.sql.StatementShape;
import dev.godwit.engine.migrate.sql.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.godwit.engine.dialect.postgres.PostgresLintRules.q;
import static dev.godwit.engine.dialect.postgres.PostgresLintRules.terminated;

/**
 * What plan --safe writes on PostgreSQL: indexes CONCURRENTLY in migrations of their own, constraints
 * NOT VALID then VALIDATE, unique constraints over an index built concurrently, and a required column
 * added nullable, then filled, checked and made NOT NULL (expand and contract).
 */
final class PostgresSafeForms {
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX)\\s+");

    private PostgresSafeForms() {
    }

    static SafeForm of(StatementShape s) {
        return switch (s.kind()) {
            case CREATE_INDEX -> s.has("CONCURRENTLY") ? null
                    : new SafeForm(null, List.of(terminated(CREATE_INDEX.matcher(s.statement().text()).replaceFirst("$1 CONCURRENTLY "))), List.of());
            case ALTER_TABLE -> alter(s);
            default -> null;
        };
    }

    private static SafeForm alter(StatementShape s) {
        String t = s.table();
        String qt = PostgresLintRules.qualified(s);
        List<String> now = new ArrayList<>();
        List<String> own = new ArrayList<>();
        List<String> later = new ArrayList<>();
        boolean changed = false;
        for (List<String> a : s.actions()) {
            String kind = Tokens.startsWith(a, "ADD", "CONSTRAINT") && a.size() > 3 ? a.get(3) : "";
            if ((kind.equals("FOREIGN") || kind.equals("CHECK")) && Tokens.indexOf(a, 0, "NOT", "VALID") < 0) {
                now.add(Tokens.join(a) + " NOT VALID");
                later.add("ALTER TABLE " + qt + " VALIDATE CONSTRAINT " + q(Tokens.name(a.get(2))) + ";");
                changed = true;
            } else if (kind.equals("UNIQUE") && Tokens.indexOf(a, 0, "USING", "INDEX") < 0 && a.indexOf("(") > 0) {
                String name = q(Tokens.name(a.get(2)));
                own.add("CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + qt + " (" + Tokens.join(Tokens.group(a, a.indexOf("("))) + ");");
                later.add("ALTER TABLE " + qt + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name + ";");
                changed = true;
            } else if (requiredColumn(a)) {
                int nn = Tokens.indexOf(a, 0, "NOT", "NULL");
                List<String> nullable = new ArrayList<>(a.subList(0, nn));
                nullable.addAll(a.subList(nn + 2, a.size()));
                now.add(Tokens.join(nullable));
                String column = Tokens.name(a.get(a.get(1).equals("COLUMN") ? 2 : 1));
                later.add(contract(s, column, true));
                changed = true;
            } else if (a.size() >= 5 && a.get(0).equals("ALTER") && Tokens.indexOf(a, 0, "SET", "NOT", "NULL") == a.size() - 3) {
                later.add(contract(s, Tokens.name(a.get(a.get(1).equals("COLUMN") ? 2 : 1)), false));
                changed = true;
            } else {
                now.add(Tokens.join(a));
            }
        }
        if (!changed) {
            return null;
        }
        return new SafeForm(now.isEmpty() ? null : "ALTER TABLE " + qt + " " + String.join(",\n", now), own, later);
    }

    /** ADD [COLUMN] name type … NOT NULL without DEFAULT, and not filled by itself (serial, identity, generated). */
    private static boolean requiredColumn(List<String> a) {
        if (!a.get(0).equals("ADD") || a.size() < 3 || List.of("CONSTRAINT", "CHECK", "FOREIGN", "UNIQUE", "PRIMARY", "EXCLUDE").contains(a.get(1))) {
            return false;
        }
        return Tokens.indexOf(a, 0, "NOT", "NULL") > 0 && !a.contains("DEFAULT") && !a.contains("GENERATED")
                && !a.contains("PRIMARY") && !a.get(a.get(1).equals("COLUMN") ? 3 : 2).endsWith("SERIAL");
    }

    private static String contract(StatementShape s, String column, boolean fill) {
        String t = s.table();
        String qt = PostgresLintRules.qualified(s);
        String check = q(t + "_" + column + "_not_null");
        return (fill ? "-- Before this migration runs, fill " + q(column) + " on the rows added before the column, e.g.\n"
                + "-- UPDATE " + qt + " SET " + q(column) + " = <value> WHERE " + q(column) + " IS NULL;   (in batches on a big table)\n" : "")
                + "ALTER TABLE " + qt + " ADD CONSTRAINT " + check + " CHECK (" + q(column) + " IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE " + qt + " VALIDATE CONSTRAINT " + check + ";\n"
                + "ALTER TABLE " + qt + " ALTER COLUMN " + q(column) + " SET NOT NULL;\n"
                + "ALTER TABLE " + qt + " DROP CONSTRAINT " + check + ";";
    }
}
