package dev.godwit.engine.diff;

import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.diff.Renames.Rename;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Rename plans run on real PostgreSQL and MariaDB: the rows stay, the database then equals the
 * desired schema (derived key, index, foreign key and sequence names included), and down.sql
 * brings back the first schema with the rows still there.
 */
class RenameDatabaseTest {

    private static String schema(TestDatabase db, String post, String title, String author) {
        return "datasource db {\n  provider = \"" + db.provider().prismaName() + "\"\n}\n"
                + "model User {\n  id Int @id @default(autoincrement())\n  posts " + post + "[]\n}\n"
                + "model " + post + " {\n  id Int @id @default(autoincrement())\n  " + title + " String @unique @db.VarChar(200)\n"
                + "  body String?\n  " + author + " Int\n  author User @relation(fields: [" + author + "], references: [id])\n"
                + "  @@index([body])\n}\n";
    }

    private static Schema parse(TestDatabase db, String text) {
        return Psl.parse("schema.prisma", text).toSchema(db.schema());
    }

    private static void run(TestDatabase db, String script) {
        for (SqlStatement s : SqlSplitter.split(script, db.provider())) {
            db.execute(s.text());
        }
    }

    private static List<Change> drift(TestDatabase db, Schema desired) {
        Schema live = LiveSchema.read(db.target());
        return Differ.diff(live, desired.withName(live.name()), db.target().dialect().diffHooks());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRenamedTableAndColumnKeepTheirRowsAndEndAsTheSchemaSays(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            Schema before = parse(db, schema(db, "Post", "title", "authorId"));
            run(db, Plan.build(Schema.empty(db.schema()), before, db.target().dialect(), null).script());
            String q = kind == TestDatabase.Kind.POSTGRESQL ? "\"" : "`";
            db.execute("INSERT INTO " + q + "User" + q + " (id) VALUES (1)");
            db.execute("INSERT INTO " + q + "Post" + q + " (title, body, " + q + "authorId" + q + ") VALUES ('hello', 'text', 1)");

            Schema after = parse(db, schema(db, "Article", "heading", "writerId"));
            Renames renames = new Renames(List.of(Rename.table("Post", "Article"), Rename.column("Article", "title", "heading"),
                    Rename.column("Article", "authorId", "writerId")));
            Plan plan = Plan.build(before, after, renames, db.target().dialect(), db.target());
            assertEquals(List.of(), plan.findings(), plan.script());
            assertFalse(plan.script().contains("DROP TABLE") || plan.script().contains("DROP COLUMN"), plan.script());
            run(db, plan.script());
            assertEquals(List.of(), drift(db, after), plan.script());
            assertEquals(List.of(List.of("hello", "1")), db.query("SELECT heading, " + q + "writerId" + q + " FROM " + q + "Article" + q));
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                assertEquals("Article_id_seq", db.scalar("SELECT pg_get_serial_sequence('\"Article\"', 'id')").replace("public.", "")
                        .replace("\"", ""));
                db.execute("INSERT INTO \"Article\" (heading, \"writerId\") VALUES ('second', 1)");
            }

            run(db, plan.downScript());
            assertEquals(List.of(), drift(db, before), plan.downScript());
            assertEquals("hello", db.scalar("SELECT title FROM " + q + "Post" + q + " WHERE " + q + "authorId" + q + " = 1 ORDER BY id LIMIT 1"));
        }
    }
}
