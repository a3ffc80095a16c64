package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project of several database schemas (the datasource's {@code schemas = ["base", "auth"]}, {@code @@schema}) on a
 * real PostgreSQL: plan, apply, status, drift, reset and pull, with the history table in the URL's schema as Prisma keeps it.
 */
class MultiSchemaCliTest {
    @TempDir
    Path tmp;

    private static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
              schemas  = ["base", "auth"]
            }

            enum Status {
              ACTIVE
              CLOSED

              @@schema("base")
            }

            enum AuthStatus {
              PENDING
              VERIFIED

              @@map("Status")
              @@schema("auth")
            }

            model Account {
              id     Int        @id @default(autoincrement())
              email  String     @unique
              status AuthStatus @default(PENDING)
              orders Order[]

              @@schema("auth")
            }

            model Order {
              id        Int     @id @default(autoincrement())
              status    Status  @default(ACTIVE)
              accountId Int
              account   Account @relation(fields: [accountId], references: [id])

              @@index([accountId])
              @@schema("base")
            }
            """;

    @Test
    void planApplyStatusDriftResetAndPullOnSeveralSchemas() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            Files.writeString(p.root().resolve("prisma/schema.prisma"), SCHEMA);

            GodwitRun plan = p.run("plan", "--name", "init");
            assertEquals(0, plan.exitCode(), plan.all());
            Path dir;
            try (var s = Files.list(p.root().resolve("prisma/migrations"))) {
                dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            String sql = Files.readString(dir.resolve("migration.sql"));
            assertTrue(sql.startsWith("-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS \"auth\";\n\n-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS \"base\";"), sql);
            assertTrue(sql.contains("CREATE TYPE \"auth\".\"Status\" AS ENUM ('PENDING', 'VERIFIED');"), sql);
            assertTrue(sql.contains("CREATE TYPE \"base\".\"Status\" AS ENUM ('ACTIVE', 'CLOSED');"), sql);
            assertTrue(sql.contains("REFERENCES \"auth\".\"Account\"(\"id\")"), sql);

            GodwitRun apply = p.run("apply");
            assertEquals(0, apply.exitCode(), apply.all());
            assertEquals(List.of("auth.Account", "base.Order", "public._prisma_migrations"), tables(db));
            GodwitRun status = p.run("status");
            assertEquals(0, status.exitCode(), status.all());
            GodwitRun inspect = p.run("inspect");
            assertTrue(inspect.stdout().contains("Tables in auth, base"), inspect.all());
            assertTrue(inspect.stdout().contains("auth.Account") && inspect.stdout().contains("base.Order"), inspect.all());
            GodwitRun again = p.run("plan", "--name", "nothing");
            assertTrue(again.all().contains("No changes") || again.all().contains("no changes") || again.all().contains("up to date"), again.all());

            exec(db, "CREATE TABLE auth.extra (id int PRIMARY KEY)", "CREATE TABLE other_schema_table (id int)");
            GodwitRun drift = p.run("drift");
            assertTrue(drift.stdout().contains("DROP TABLE \"auth\".\"extra\";"), drift.all());
            assertFalse(drift.all().contains("other_schema_table"), "public is not listed: not the project's\n" + drift.all());

            GodwitRun pull = p.run("pull");
            assertEquals(0, pull.exitCode(), pull.all());
            String pulled = Files.readString(p.root().resolve("prisma/schema.prisma"));
            assertTrue(pulled.contains("schemas  = [\"base\", \"auth\"]"), pulled);
            assertTrue(pulled.matches("(?s).*model extra \\{\\n  id Int @id\\n\\n  @@schema\\(\"auth\"\\)\\n}.*"), pulled);
            assertFalse(pulled.contains("other_schema_table"), pulled);
            // what the pulled file maps to is what the listed schemas hold: the same enum name twice, the relation across
            dev.godwit.engine.schema.Schema mapped = dev.godwit.engine.psl.Psl.parse("schema.prisma", pulled).toSchema("public");
            assertEquals(List.of("auth.Account", "auth.extra", "base.Order"), mapped.tables().stream().map(t -> t.name()).toList());
            assertEquals(List.of("auth.Status", "base.Status"), mapped.enums().stream().map(e -> e.name()).toList());
            assertEquals("auth.Account", mapped.table("base.Order").orElseThrow().foreignKeys().get(0).refTable());
            // the table made by hand is drift: plan stops on it, naming it with its schema
            GodwitRun planAfterPull = p.run("plan", "--name", "extra");
            assertEquals(3, planAfterPull.exitCode(), planAfterPull.all());
            assertTrue(planAfterPull.stderr().contains("table \"auth.extra\" (added)"), planAfterPull.all());

            GodwitRun reset = p.run("reset", "--force");
            // as Prisma: the listed schemas and the history table go, the rest of public stays, and then the
            // migrations do not go onto a schema that holds tables without a history (Prisma: "not empty")
            assertEquals(3, reset.exitCode(), reset.all());
            assertTrue(reset.stderr().contains("is not empty (other_schema_table)"), reset.all());
            assertEquals(List.of("public.other_schema_table"), tables(db));
            exec(db, "DROP TABLE other_schema_table");
            GodwitRun again2 = p.run("reset", "--force");
            assertEquals(0, again2.exitCode(), again2.all());
            assertEquals(List.of("auth.Account", "base.Order", "public._prisma_migrations"), tables(db));
        }
    }

    @Test
    void aConfiguredShadowDatabaseIsEmptiedInEveryListedSchemaBeforeEachReplay() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TestDatabase shadow = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            Files.writeString(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[env.dev]\nurl = \""
                    + db.url() + "\"\nshadow_url = \"" + shadow.url() + "\"\n");
            Files.writeString(p.root().resolve("prisma/schema.prisma"), SCHEMA);
            assertEquals(0, p.run("plan", "--name", "init").exitCode());
            assertEquals(0, p.run("apply").exitCode());
            // each drift check replays the history into the shadow: the second finds the first one's schemas emptied
            for (int i = 0; i < 2; i++) {
                GodwitRun drift = p.run("drift");
                assertEquals(0, drift.exitCode(), drift.all());
            }
        }
    }

    @Test
    void aMistakeInTheSchemasNamesFileLineAndColumn() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            Files.writeString(p.root().resolve("prisma/schema.prisma"), SCHEMA.replace("@@schema(\"auth\")\n}\n\nmodel Order", "}\n\nmodel Order"));
            GodwitRun plan = p.run("plan", "--name", "init");
            assertEquals(2, plan.exitCode(), plan.all());
            assertTrue(plan.stderr().contains("schema.prisma:21:1"), plan.all());
            assertTrue(plan.stderr().contains("This model is missing an `@@schema` attribute."), plan.all());
        }
    }

    @Test
    void mysqlRefusesSeveralDatabasesAsPrismaDoes() throws Exception {
        try (TestDatabase db = TestDatabases.mysql()) {
            TestProject p = new TestProject(tmp, db);
            Files.writeString(p.root().resolve("prisma/schema.prisma"), """
                    datasource db {
                      provider = "mysql"
                      schemas  = ["shop", "auth"]
                    }

                    model User {
                      id Int @id

                      @@schema("auth")
                    }
                    """);
            GodwitRun plan = p.run("plan", "--name", "init");
            assertEquals(2, plan.exitCode(), plan.all());
            assertTrue(plan.stderr().contains("schema.prisma:3:14"), plan.all());
            assertTrue(plan.stderr().contains("The `schemas` property is not supported on the current connector."), plan.all());
            try (var folders = Files.list(p.root().resolve("prisma/migrations"))) {
                assertEquals(0, folders.filter(Files::isDirectory).count(), "no migration written");
            }
        }
    }

    private static List<String> tables(TestDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('public', 'auth', 'base') ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void exec(TestDatabase db, String... sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
