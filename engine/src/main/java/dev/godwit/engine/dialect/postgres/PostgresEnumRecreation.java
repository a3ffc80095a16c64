package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.diff.Change.EnumUsage;
import dev.godwit.engine.diff.Change.RecreateEnum;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.godwit.engine.dialect.postgres.PostgresDdl.literal;
import static dev.godwit.engine.dialect.postgres.PostgresDdl.q;
import static dev.godwit.engine.dialect.postgres.PostgresDdl.qn;

/**
 * PostgreSQL cannot remove or move an enum value: create the new type beside the old one,
 * convert every column through text, swap the names, drop the old type.
 */
final class PostgresEnumRecreation {
    private PostgresEnumRecreation() {
    }

    static List<String> statements(RecreateEnum r, PostgresColumnSql columns) {
        String name = r.to().name();
        String tmp = name + "_new";
        List<String> out = new ArrayList<>();
        out.add("CREATE TYPE " + qn(tmp) + " AS ENUM (" + r.to().values().stream().map(PostgresDdl::literal)
                .collect(Collectors.joining(", ")) + ");");
        for (EnumUsage u : r.usages()) {
            Column c = u.column();
            String dims = "[]".repeat(c.type().arrayDims());
            if (c.defaultValue() != null) {
                out.add("ALTER TABLE " + qn(u.table()) + " ALTER COLUMN " + q(c.name()) + " DROP DEFAULT;");
            }
            out.add("ALTER TABLE " + qn(u.table()) + " ALTER COLUMN " + q(c.name()) + " TYPE " + qn(tmp) + dims
                    + " USING (" + q(c.name()) + "::text" + dims + "::" + qn(tmp) + dims + ");");
        }
        out.add("ALTER TYPE " + qn(name) + " RENAME TO " + q(QualifiedName.local(name) + "_old") + ";");
        out.add("ALTER TYPE " + qn(tmp) + " RENAME TO " + q(QualifiedName.local(name)) + ";");
        out.add("DROP TYPE " + qn(name + "_old") + ";");
        for (EnumUsage u : r.usages()) {
            Column c = u.column();
            if (c.defaultValue() != null && defaultSurvives(c.defaultValue(), r)) {
                out.add("ALTER TABLE " + qn(u.table()) + " ALTER COLUMN " + q(c.name()) + " SET DEFAULT " + c.defaultValue() + ";");
            }
        }
        return out;
    }

    /** A default naming a value that no longer exists is left off (the differ sets the new one). */
    private static boolean defaultSurvives(String expr, RecreateEnum r) {
        for (String v : r.from().values()) {
            if (!r.to().values().contains(v) && expr.contains(literal(v))) {
                return false;
            }
        }
        return true;
    }
}
