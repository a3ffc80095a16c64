package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** godwit.toml's generate commands after dev and seed command after reset, run through sh in the project root. */
@DisabledOnOs(OS.WINDOWS)
class HooksCliTest {
    @TempDir
    Path tmp;

    private static void config(TestProject p, TestDatabase db, String projectKeys) throws Exception {
        Files.writeString(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n" + projectKeys
                + "\n[env.dev]\nurl = \"" + db.url() + "\"\n", StandardCharsets.UTF_8);
    }

    private static void schema(TestProject p, TestDatabase db, String extra) throws Exception {
        Files.writeString(p.root().resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"" + db.provider().prismaName()
                + "\"\n}\n\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String\n" + extra + "}\n");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void devRunsTheGenerateCommandsAndReportsOneThatFails(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db);
            config(p, db, "generate = ['echo generated > gen.txt', 'printf %s \"$DATABASE_URL\" > url.txt && echo client ready']\n");
            schema(p, db, "");
            GodwitRun dev = p.run("dev", "--name", "init");
            assertEquals(0, dev.exitCode(), dev.all());
            assertTrue(dev.stdout().contains("client ready"), dev.stdout());
            assertTrue(dev.stderr().contains("running generate command `echo generated > gen.txt`"), dev.stderr());
            assertEquals("generated\n", Files.readString(p.root().resolve("gen.txt")), "run in the project root");
            assertEquals(db.url(), Files.readString(p.root().resolve("url.txt")), "DATABASE_URL is the database dev used");
            assertFalse(dev.all().contains(db.url()), "the URL is handed over, not shown");

            Files.delete(p.root().resolve("gen.txt"));
            schema(p, db, "  name  String?\n");
            GodwitRun skipped = p.run("dev", "--name", "name", "--skip-generate");
            assertEquals(0, skipped.exitCode(), skipped.all());
            assertFalse(Files.exists(p.root().resolve("gen.txt")));

            config(p, db, "generate = ['echo first', 'echo broken >&2; exit 7', 'echo never']\n");
            schema(p, db, "  name  String?\n  bio   String?\n");
            GodwitRun failed = p.run("dev", "--name", "bio");
            assertEquals(1, failed.exitCode(), failed.all());
            assertTrue(failed.stderr().contains("generate command `echo broken >&2; exit 7` failed with exit code 7"), failed.stderr());
            assertTrue(failed.stderr().contains("_bio stays applied"), failed.stderr());
            assertTrue(failed.stdout().contains("first") && failed.stdout().contains("broken") && !failed.stdout().contains("never"),
                    failed.stdout());
            assertEquals(0, p.run("status").exitCode(), "the migration is applied all the same");

            GodwitRun inSync = p.run("dev");
            assertEquals(1, inSync.exitCode(), "nothing new, but the generate commands run again: " + inSync.all());
            assertTrue(inSync.stderr().contains("already up to date"), inSync.stderr());
        }
    }

    @org.junit.jupiter.api.Test
    void aCommandThatPrintsDatabaseUrlShowsNoPassword() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            // The test server trusts local logins, so any password gets in; godwit must still hide it.
            String url = db.url().replaceFirst("://([^:@/]+)@", "://$1:Sh0wMeNot@");
            assertTrue(url.contains(":Sh0wMeNot@"), url);
            TestProject p = new TestProject(tmp, db, url);
            Files.writeString(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n"
                    + "seed = 'echo \"url=$DATABASE_URL\"; printf %s \"$DATABASE_URL\" > seed-url.txt'\n"
                    + "\n[env.dev]\nurl = \"" + url + "\"\n", StandardCharsets.UTF_8);
            GodwitRun seed = p.run("seed");
            assertEquals(0, seed.exitCode(), seed.all());
            assertEquals(url, Files.readString(p.root().resolve("seed-url.txt")), "the child gets the real URL");
            assertTrue(seed.stdout().contains("url=") && seed.stdout().contains("****"), seed.stdout());
            assertFalse(seed.all().contains("Sh0wMeNot"), seed.all());
        }
    }

    @org.junit.jupiter.api.Test
    void aJdbcUrlReachesTheSeedInPrismasFormAndProductionIsAskedFirst() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            dev.godwit.engine.project.DatabaseUrl u = dev.godwit.engine.project.DatabaseUrl.parse(db.url());
            String jdbc = "jdbc:postgresql://" + u.host() + ":" + u.port() + "/" + u.database() + "?user=" + u.user()
                    + "&password=Sh0wMeNot&currentSchema=public";
            TestProject p = new TestProject(tmp, db, jdbc);
            Files.writeString(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n"
                    + "seed = 'printf %s \"$DATABASE_URL\" > seed-url.txt'\n"
                    + "\n[env.dev]\nurl = \"" + jdbc + "\"\n\n[env.prod]\nurl = \"" + jdbc + "\"\nproduction = true\n", StandardCharsets.UTF_8);
            // [env.dev] names the production database too, so it is production as well: batch needs --yes
            GodwitRun seed = p.run("seed", "--yes");
            assertEquals(0, seed.exitCode(), seed.all());
            assertEquals("postgresql://" + u.user() + ":Sh0wMeNot@" + u.host() + ":" + u.port() + "/" + u.database() + "?schema=public",
                    Files.readString(p.root().resolve("seed-url.txt")));
            assertFalse(seed.all().contains("Sh0wMeNot"), seed.all());

            Files.delete(p.root().resolve("seed-url.txt"));
            GodwitRun prod = p.run("--env", "prod", "seed");
            assertEquals(2, prod.exitCode(), prod.all());
            assertTrue(prod.stderr().contains("--yes"), prod.stderr());
            assertFalse(Files.exists(p.root().resolve("seed-url.txt")), "nothing ran on production");
            ScriptedPrompter wrongName = new ScriptedPrompter("y");
            assertEquals(3, p.runAnswering(wrongName, "--env", "prod", "seed").exitCode());
            assertFalse(Files.exists(p.root().resolve("seed-url.txt")));
            assertEquals(0, p.run("--env", "prod", "seed", "--yes").exitCode());
            assertTrue(Files.exists(p.root().resolve("seed-url.txt")));
        }
    }

    /** A password given percent-encoded in a JDBC query string, re-encoded into the seed's DATABASE_URL: masked in whatever form the seed prints it. */
    @org.junit.jupiter.api.Test
    void anEncodedPasswordIsMaskedInEveryFormTheSeedPrints() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            dev.godwit.engine.project.DatabaseUrl u = dev.godwit.engine.project.DatabaseUrl.parse(db.url());
            String jdbc = "jdbc:postgresql://" + u.host() + ":" + u.port() + "/" + u.database() + "?user=" + u.user()
                    + "&password=Hid%40den%2Fpw%21x&currentSchema=public";
            TestProject p = new TestProject(tmp, db, jdbc);
            Files.writeString(p.root().resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n"
                    + "seed = '''pw=\"${DATABASE_URL#*:*:}\"; pw=\"${pw%%@*}\"; echo \"url=$DATABASE_URL\"; echo \"alone=$pw\"; "
                    + "echo \"lower=$(printf %s \"$pw\" | sed s/%2F/%2f/g)\"; echo \"form=Hid%40den%2Fpw%21x\"; echo \"raw=Hid@den/pw!x\"'''\n"
                    + "\n[env.dev]\nurl = \"" + jdbc + "\"\n", StandardCharsets.UTF_8);
            GodwitRun seed = p.run("seed");
            assertEquals(0, seed.exitCode(), seed.all());
            for (String line : new String[]{"alone=****", "lower=****", "form=****", "raw=****"}) {
                assertTrue(seed.stdout().contains(line), seed.stdout());
            }
            assertTrue(seed.stdout().contains("url=postgresql://" + u.user() + ":****@"), seed.stdout());
            for (String form : new String[]{"Hid", "den%2F", "den%2f", "den/pw"}) {
                assertFalse(seed.all().contains(form), form + " in " + seed.all());
            }
        }
    }

    /** A CI job cancelled sends SIGTERM to godwit only: the seed it runs must stop with it, not finish behind its back. */
    @org.junit.jupiter.api.Test
    void stoppingGodwitStopsTheSeedItRuns() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TestProject p = new TestProject(tmp, db);
            config(p, db, "seed = 'echo started; sleep 5; echo late > late.txt'\n");
            Process godwit = GodwitRun.start(p.root(), tmp.resolve("out.txt"), tmp.resolve("err.txt"), "--project", p.root().toString(), "seed");
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.readString(tmp.resolve("out.txt")).contains("started") && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(tmp.resolve("out.txt")).contains("started"), Files.readString(tmp.resolve("err.txt")));
            godwit.destroy(); // SIGTERM
            GodwitRun.waitFor(godwit, 20);
            Thread.sleep(7000);
            assertFalse(Files.exists(p.root().resolve("late.txt")), "the seed went on after godwit was stopped");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resetRunsTheSeedUnlessSkipped(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            TestProject p = new TestProject(tmp, db).blog();
            String insert = "INSERT INTO " + p.q("User") + " (id, email) VALUES (1, 'seeded@x')";
            config(p, db, "seed = 'echo seeding && printf %s \"$DATABASE_URL\" > seed-url.txt'\n");
            assertEquals(0, p.run("apply").exitCode());

            GodwitRun reset = p.run("reset", "--force");
            assertEquals(0, reset.exitCode(), reset.all());
            assertTrue(reset.stdout().contains("seeding"), reset.stdout());
            assertEquals(db.url(), Files.readString(p.root().resolve("seed-url.txt")));

            Files.delete(p.root().resolve("seed-url.txt"));
            GodwitRun skipped = p.run("reset", "--force", "--skip-seed");
            assertEquals(0, skipped.exitCode(), skipped.all());
            assertFalse(skipped.stdout().contains("seeding"), skipped.stdout());
            assertFalse(Files.exists(p.root().resolve("seed-url.txt")));

            config(p, db, "seed = 'echo half way; exit 3'\n");
            db.execute(insert);
            GodwitRun failed = p.run("reset", "--force");
            assertEquals(1, failed.exitCode(), failed.all());
            assertTrue(failed.stderr().contains("seed command `echo half way; exit 3` failed with exit code 3"), failed.stderr());
            assertTrue(failed.stderr().contains("every migration is applied"), failed.stderr());
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM " + p.q("User")), "the reset itself happened");
            assertEquals(0, p.run("status").exitCode());

            config(p, db, "");
            GodwitRun none = p.run("seed");
            assertEquals(2, none.exitCode(), none.all());
            assertTrue(none.stderr().contains("no seed command"), none.stderr());
        }
    }
}
