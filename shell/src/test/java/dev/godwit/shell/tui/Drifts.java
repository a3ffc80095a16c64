package dev.godwit.shell.tui;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.ReferentialAction;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.UnmanagedObject;

import java.util.List;
import java.util.Map;

/**
 * A fixed drift report, built as DriftCheck builds one: the history describes users, posts,
 * legacy and an enum; by hand someone added a column, dropped an index, widened a type,
 * created a table, dropped one and added an enum value.
 */
final class Drifts {
    static final Dialect POSTGRES = Dialect.of(Provider.POSTGRESQL);
    private static final ColumnType INT = ColumnType.of("integer");
    private static final ColumnType TEXT = ColumnType.of("text");

    private Drifts() {
    }

    private static Table table(String name, List<Column> cols, List<Index> idx, List<ForeignKey> fks) {
        return new Table(name, cols, new PrimaryKey(name + "_pkey", List.of("id")), idx, fks, List.of(), null, Map.of());
    }

    static Schema history() {
        Table users = table("users", List.of(Column.of("id", INT, false), Column.of("email", TEXT, false), Column.of("age", INT, true),
                        Column.of("role", ColumnType.enumRef("Role"), false).withDefault("'reader'")),
                List.of(Index.of("users_email_key", true, List.of(IndexPart.column("email")))), List.of());
        Table posts = table("posts", List.of(Column.of("id", INT, false), Column.of("user_id", INT, false), Column.of("title", TEXT, false)),
                List.of(Index.of("posts_user_id_idx", false, List.of(IndexPart.column("user_id")))),
                List.of(new ForeignKey("posts_user_id_fkey", List.of("user_id"), "users", List.of("id"), ReferentialAction.RESTRICT,
                        ReferentialAction.CASCADE, ForeignKey.Deferrable.NOT)));
        Table legacy = table("legacy", List.of(Column.of("id", INT, false), Column.of("payload", TEXT, true)), List.of(), List.of());
        return new Schema("public", List.of(users, posts, legacy), List.of(new EnumType("Role", List.of("reader", "writer"))),
                List.of(), List.of(), List.of());
    }

    static Schema live() {
        Table users = table("users", List.of(Column.of("id", INT, false), Column.of("email", TEXT, false),
                        Column.of("age", ColumnType.of("bigint"), true), Column.of("role", ColumnType.enumRef("Role"), false).withDefault("'reader'"),
                        Column.of("nickname", TEXT, true)),
                List.of(Index.of("users_email_key", true, List.of(IndexPart.column("email")))), List.of());
        Table posts = table("posts", List.of(Column.of("id", INT, false), Column.of("user_id", INT, false), Column.of("title", TEXT, false)),
                List.of(),
                List.of(new ForeignKey("posts_user_id_fkey", List.of("user_id"), "users", List.of("id"), ReferentialAction.RESTRICT,
                        ReferentialAction.CASCADE, ForeignKey.Deferrable.NOT)));
        Table audit = table("audit", List.of(Column.of("id", INT, false).withIdentity(dev.godwit.engine.schema.Identity.SERIAL), Column.of("at", ColumnType.of("timestamp(3)"), false)
                        .withDefault("CURRENT_TIMESTAMP"), Column.of("what", TEXT, false)),
                List.of(Index.of("audit_at_idx", false, List.of(IndexPart.column("at")))), List.of());
        return new Schema("public", List.of(users, posts, audit), List.of(new EnumType("Role", List.of("reader", "writer", "admin"))),
                List.of(), List.of(), List.of(new UnmanagedObject("trigger", "users.users_audit", "AFTER UPDATE ON users EXECUTE FUNCTION audit_row()"),
                new UnmanagedObject("function", "audit_row", null)));
    }

    static DriftReport report() {
        return report(history(), live(), List.of("20250105000000_add_posts"));
    }

    static DriftReport report(Schema expected, Schema actual, List<String> edited) {
        List<Change> drift = Differ.diff(expected, actual, POSTGRES.diffHooks());
        List<Change> back = Differ.diff(actual, expected, POSTGRES.diffHooks());
        return new DriftReport("localhost/blog", "temporary database godwit_shadow_1a2b on localhost (dropped afterwards)",
                List.of("20250101000000_init", "20250105000000_add_posts", "20250110000000_legacy"), drift,
                POSTGRES.ddlWriter().script(back), POSTGRES.ddlWriter().script(drift), edited, List.of(), actual.unmanaged());
    }

    static DriftReport none() {
        return report(history(), history(), List.of());
    }

    static String script(List<Change> changes) {
        return POSTGRES.ddlWriter().script(changes);
    }
}
