package dev.godwit.shell;

import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every way past the production guard that a user could take by accident: the production database
 * reached by another spelling of its URL (--url, connect, DATABASE_URL, another environment's name),
 * the confirming flag typed at a terminal, batch runs without the flag. After each try the database
 * must hold exactly what it held before, and the refusal must say that it is production.
 */
class ProductionGuardCliTest {
    @TempDir
    Path tmp;

    private static final String TAG = "\nmodel Tag {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n";

    private static String schema(TestDatabase db, String userExtra, String extraModels) {
        return "datasource db {\n  provider = \"" + db.provider().prismaName() + "\"\n}\n\n"
                + "model User {\n  id    Int     @id @default(autoincrement())\n  email String\n" + userExtra + "}\n" + extraModels;
    }

    /** What the production database holds: tables, rows, columns and the history. */
    private static String snapshot(TestDatabase db, TestProject p) {
        return db.tables() + " users=" + db.scalar("SELECT COUNT(*) FROM " + p.q("User"))
                + " tags=" + db.scalar("SELECT COUNT(*) FROM " + p.q("Tag"))
                + " columns=" + db.scalar("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = '" + db.schema() + "'")
                + " history=" + db.query("SELECT migration_name, finished_at IS NOT NULL, rolled_back_at IS NOT NULL FROM _prisma_migrations"
                + " ORDER BY migration_name");
    }

    /** Spellings of the production database's URL that reach it; the first is the one godwit.toml uses. */
    private static List<String> reachingSpellings(TestDatabase db) throws Exception {
        DatabaseUrl u = DatabaseUrl.parse(db.url());
        boolean pg = db.kind() == TestDatabase.Kind.POSTGRESQL;
        String scheme = pg ? "postgresql" : "mysql";
        String who = u.user() == null ? "" : u.user() + "@";
        String name = u.database();
        String otherLocal = u.host().equals("localhost") ? "127.0.0.1" : "localhost";
        List<String> s = new ArrayList<>();
        s.add(db.url());
        s.add(scheme + "://" + who + otherLocal + ":" + u.port() + "/" + name);
        s.add((pg ? "postgres" : "mariadb") + "://" + who + u.host().toUpperCase() + ":" + u.port() + "/" + name);
        s.add(scheme + "://" + who + InetAddress.getLocalHost().getHostName() + ":" + u.port() + "/" + name);
        s.add(scheme + "://" + who + u.host() + ":" + u.port() + "/%" + Integer.toHexString(name.charAt(0)) + name.substring(1));
        s.add("jdbc:" + (pg ? "postgresql" : "mariadb") + "://" + u.host() + ":" + u.port() + "/" + name
                + (u.user() == null ? "" : "?user=" + u.user()));
        s.add(scheme + "://" + who + u.host() + ":" + u.port() + "/" + name
                + (pg ? "?schema=public&sslmode=disable&application_name=guard" : "?connection_limit=1&pool_timeout=5"));
        if (u.port() == (pg ? 5432 : 3306)) {
            s.add(scheme + "://" + who + u.host() + "/" + name);
        }
        return s;
    }

    /** Spellings that name the production database but need not reach it from here: refused before connecting. */
    private static List<String> unreachableSpellings(TestDatabase db) {
        DatabaseUrl u = DatabaseUrl.parse(db.url());
        boolean pg = db.kind() == TestDatabase.Kind.POSTGRESQL;
        String scheme = pg ? "postgresql" : "mysql";
        String name = u.database();
        return List.of(
                scheme + "://" + "someone:else@[::1]:" + u.port() + "/" + name,
                scheme + "://" + "nobody@" + u.host() + ":" + u.port() + "/" + name.toUpperCase(),
                pg ? scheme + "://nobody@localhost:" + u.port() + "/" + name + "?host=/nonexistent/socket/dir"
                        : scheme + "://nobody@localhost/" + name + "?socket=/nonexistent/mysqld.sock");
    }

    private static void assertRefusedAsProduction(GodwitRun run, String what) {
        assertNotEquals(0, run.exitCode(), what + ": " + run.all());
        assertTrue(run.stderr().toLowerCase().contains("production"), what + " must say the database is production: " + run.all());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noSpellingOfTheProductionDatabaseGetsPastTheGuard(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind); TestDatabase devDb = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db);
            Files.writeString(p.root().resolve("prisma/schema.prisma"), schema(db, "  nick  String?\n", ""), StandardCharsets.UTF_8);
            assertEquals(0, p.run("dev", "--name", "init").exitCode());
            Files.writeString(p.root().resolve("prisma/schema.prisma"), schema(db, "", TAG), StandardCharsets.UTF_8);
            GodwitRun second = p.run("dev", "--name", "drop_nick", "--accept-data-loss");
            assertEquals(0, second.exitCode(), second.all());
            db.execute("INSERT INTO " + p.q("User") + " (email) VALUES ('a@x')");
            db.execute("INSERT INTO " + p.q("Tag") + " (name) VALUES ('t')");
            // push would drop Tag and its row
            Files.writeString(p.root().resolve("prisma/schema.prisma"), schema(db, "", ""), StandardCharsets.UTF_8);
            Files.writeString(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\nseed = \"touch seeded.txt\"\n\n"
                    + "[env.dev]\nurl = \"" + devDb.url() + "\"\n\n[env.prod]\nurl = \"" + db.url() + "\"\nproduction = true\n\n"
                    + "[env.ci]\n# no url: DATABASE_URL decides\n", StandardCharsets.UTF_8);
            Path seeded = p.root().resolve("seeded.txt");
            String before = snapshot(db, p);
            int tries = 0;

            List<String> all = new ArrayList<>(reachingSpellings(db));
            all.addAll(unreachableSpellings(db));
            for (String url : all) {
                for (String[] cmd : List.of(new String[]{"reset", "--force"}, new String[]{"push", "--accept-data-loss"},
                        new String[]{"down"}, new String[]{"seed"}, new String[]{"dev", "--name", "x", "--accept-data-loss"})) {
                    List<String> args = new ArrayList<>(List.of("--url", url));
                    args.addAll(List.of(cmd));
                    assertRefusedAsProduction(p.run(args.toArray(String[]::new)), String.join(" ", args));
                    tries++;
                }
                assertRefusedAsProduction(p.run("--env", "dev", "--url", url, "reset", "--force"), "--env dev --url " + url);
                GodwitRun connected = p.run("-c", "connect " + url + "; reset --force");
                if (reachingSpellings(db).contains(url)) {
                    assertRefusedAsProduction(connected, "connect " + url);
                } else {
                    assertEquals(4, connected.exitCode(), "connect checks the connection first: " + connected.all());
                }
                assertRefusedAsProduction(GodwitRun.inProcess(Map.of("DATABASE_URL", url), "--project", p.root().toString(),
                        "--env", "ci", "reset", "--force"), "DATABASE_URL=" + url);
                tries += 3;
                assertEquals(before, snapshot(db, p), "after the tries with " + url);
                assertFalse(Files.exists(seeded), "the seed ran on production with " + url);
            }

            // at a terminal, the confirming flags never stand in for the database name
            for (String url : reachingSpellings(db)) {
                for (String[] cmd : List.of(new String[]{"down", "--yes"}, new String[]{"seed", "--yes"},
                        new String[]{"push", "--accept-data-loss", "--yes"}, new String[]{"reset", "--force"},
                        new String[]{"sql", "--write", "--yes", "DELETE FROM " + p.q("Tag")})) {
                    List<String> args = new ArrayList<>(List.of("--url", url));
                    args.addAll(List.of(cmd));
                    ScriptedPrompter user = new ScriptedPrompter("y", "yes", "y");
                    GodwitRun run = p.runAnswering(user, args.toArray(String[]::new));
                    String what = "at a terminal: " + String.join(" ", args);
                    assertNotEquals(0, run.exitCode(), what + ": " + run.all());
                    assertTrue(run.stderr().toLowerCase().contains("production")
                            || user.questions().stream().anyMatch(q -> q.contains("[type " + db.name() + "]")),
                            what + " must ask for the database name: " + user.questions() + run.all());
                    tries++;
                }
                assertEquals(before, snapshot(db, p), "after the terminal tries with " + url);
                assertFalse(Files.exists(seeded), "the seed ran on production with " + url);
            }
            assertTrue(tries > 80, "tries: " + tries);

            // the guard can let through: the name typed runs the seed, and the development database is no production
            GodwitRun named = p.runAnswering(new ScriptedPrompter(db.name()), "--url", reachingSpellings(db).get(1), "seed", "--yes");
            assertEquals(0, named.exitCode(), named.all());
            assertTrue(Files.exists(seeded));
            GodwitRun devReset = p.run("--env", "dev", "reset", "--force", "--skip-seed");
            assertEquals(0, devReset.exitCode(), devReset.all());
        }
    }

    @org.junit.jupiter.api.Test
    void aMisspeltKeyOrAFileInAnotherEncodingStopsEveryCommand() throws Exception {
        Files.createDirectories(tmp.resolve("prisma"));
        for (String typo : List.of("Production = true", "prodution = true", "urll = \"postgresql://h/db\"")) {
            Files.writeString(tmp.resolve("godwit.toml"), "[env.prod]\nurl = \"postgresql://h/db\"\n" + typo + "\n", StandardCharsets.UTF_8);
            GodwitRun r = GodwitRun.inProcess("--project", tmp.toString(), "--env", "prod", "reset", "--force");
            assertEquals(2, r.exitCode(), r.all());
            assertTrue(r.stderr().contains("godwit.toml:3: unknown key \"" + typo.substring(0, typo.indexOf(' ')) + "\" in [env.prod]; did you mean"),
                    r.stderr());
            assertFalse(r.all().contains("Exception"), r.all());
        }
        Files.writeString(tmp.resolve("godwit.toml"), "[envs.prod]\nurl = \"postgresql://h/db\"\n", StandardCharsets.UTF_8);
        GodwitRun table = GodwitRun.inProcess("--project", tmp.toString(), "status");
        assertEquals(2, table.exitCode(), table.all());
        assertTrue(table.stderr().contains("godwit.toml:1: unknown table [envs]; did you mean \"env\"?"), table.stderr());

        Files.write(tmp.resolve("godwit.toml"), ("\uFEFF[project]\nmigrations = \"prisma/migrations\"\n").getBytes(StandardCharsets.UTF_8));
        Files.write(tmp.resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n}\n".getBytes(StandardCharsets.UTF_16));
        GodwitRun utf16 = GodwitRun.inProcess("--project", tmp.toString(), "--url", "postgresql://nobody@127.0.0.1:1/none", "plan");
        assertEquals(2, utf16.exitCode(), utf16.all());
        assertTrue(utf16.stderr().contains("schema.prisma is UTF-16") && utf16.stderr().contains("UTF-8"), utf16.stderr());

        // a schema folder is a multi-file schema; one without .prisma files is a project error
        Files.createDirectories(tmp.resolve("schemadir"));
        Files.writeString(tmp.resolve("schemadir/notes.txt"), "not a schema");
        Files.writeString(tmp.resolve("godwit.toml"), "[project]\nschema = \"schemadir\"\n", StandardCharsets.UTF_8);
        GodwitRun empty = GodwitRun.inProcess("--project", tmp.toString(), "--url", "postgresql://nobody@127.0.0.1:1/none", "plan");
        assertEquals(2, empty.exitCode(), empty.all());
        assertTrue(empty.stderr().contains("has no .prisma file"), empty.stderr());
    }
}
