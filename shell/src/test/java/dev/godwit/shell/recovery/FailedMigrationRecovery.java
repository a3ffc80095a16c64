package dev.godwit.shell.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.shell.GodwitRun;
import dev.godwit.shell.TestProject;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A failed migration taken from failure to up to date inside godwit, following only what godwit shows, on
 * real databases: every failure shape (the first, a middle or the last statement; in one transaction or
 * statement by statement) with every recovery path that fits it. Each ends with status up to date, no
 * drift, and (PostgreSQL) the real Prisma CLI reading the history as up to date too. One class per database
 * ({@link FailedMigrationRecoveryPostgresTest}, {@link FailedMigrationRecoveryMysqlTest}).
 */
abstract class FailedMigrationRecovery {
    private static final String M = "20240102000000_comments";

    @TempDir
    Path tmp;

    static Stream<Arguments> cases(TestDatabase.Kind only) {
        return cases().filter(a -> a.get()[0] == only);
    }

    /** The way out of the failure. */
    enum Way { RETRY, FINISH, UNDO }

    private static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
            for (int failing = 1; failing <= 3; failing++) {
                // statement by statement: on MySQL always; on PostgreSQL a CREATE INDEX CONCURRENTLY makes it so
                for (Way path : Way.values()) {
                    if (path == Way.RETRY && failing > 1) {
                        continue; // statements took effect: retrying is refused (checked in its own test)
                    }
                    out.add(Arguments.of(kind, false, failing, path));
                }
            }
        }
        for (int failing = 1; failing <= 3; failing++) {
            out.add(Arguments.of(TestDatabase.Kind.POSTGRESQL, true, failing, Way.RETRY));
        }
        out.add(Arguments.of(TestDatabase.Kind.POSTGRESQL, true, 2, Way.FINISH));
        out.add(Arguments.of(TestDatabase.Kind.POSTGRESQL, true, 3, Way.UNDO));
        return out.stream();
    }

    /** The three statements, the one at {@code broken} (1-based, 0 for none) pointing at a table that is not there. */
    static String sql(TestProject p, boolean pg, boolean transactional, int broken) {
        String comment = p.q("Comment");
        String post = p.q("Post");
        String nope = p.q("Nope");
        String s1 = broken == 1 ? "CREATE TABLE " + comment + " (id INTEGER PRIMARY KEY REFERENCES " + nope + " (id), body TEXT);"
                : "CREATE TABLE " + comment + " (id INTEGER PRIMARY KEY, body TEXT);";
        String s2 = "ALTER TABLE " + (broken == 2 ? nope : post) + " ADD COLUMN score INTEGER;";
        String s3 = "CREATE INDEX " + (pg && !transactional ? "CONCURRENTLY " : "") + p.q("Comment_body_idx") + " ON "
                + (broken == 3 ? nope : comment) + " (id);";
        return "-- comments and a score\n" + s1 + "\n\n" + s2 + "\n" + s3 + "\n";
    }

    void endsUpToDate(TestDatabase.Kind kind, boolean transactional, int failing, Way path) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            TestProject p = new TestProject(tmp.resolve("project"), db);
            p.add("20240101000000_init", "CREATE TABLE " + p.q("Post") + " (id INTEGER PRIMARY KEY, title VARCHAR(100));\n");
            p.add(M, sql(p, pg, transactional, failing));
            int inEffect = transactional ? 0 : failing - 1;

            GodwitRun apply = p.run("apply", "--no-color");
            assertEquals(1, apply.exitCode(), apply.all());
            String expected = inEffect == 0 ? "nothing took effect" : inEffect + " of 3 statements took effect";
            assertTrue(apply.stderr().contains(expected), apply.all());

            GodwitRun status = p.run("status", "--no-color");
            assertEquals(3, status.exitCode(), status.all());
            assertTrue(status.stdout().contains("statement " + failing + " (line "), status.stdout());
            if (inEffect > 0) {
                assertFalse(status.stdout().contains("resolve --retry"), "never advise running it again when statements took effect: " + status.stdout());
                assertTrue(status.stdout().contains("resolve --finish " + M) && status.stdout().contains("resolve --undo " + M), status.stdout());
            } else {
                assertTrue(status.stdout().contains("resolve --retry " + M), status.stdout());
            }
            JsonNode statements = failedJson(p).get("statements");
            assertEquals(inEffect, statements.get("tookEffect").size(), statements.toString());
            assertEquals(failing, statements.get("stoppedAt").asInt(), statements.toString());
            assertEquals(3 - failing, statements.get("neverRan").size(), statements.toString());

            GodwitRun show = p.run("show", M, "--no-color");
            assertEquals(0, show.exitCode(), show.all());
            assertTrue(show.stdout().lines().anyMatch(l -> l.startsWith("✘") && l.contains("-- " + failing + ": failed")), show.stdout());
            if (inEffect > 0) {
                assertTrue(show.stdout().lines().anyMatch(l -> l.startsWith("✔") && l.contains("-- 1: took effect")), show.stdout());
            }

            switch (path) {
                case RETRY -> {
                    Files.writeString(p.migrationFile(M), sql(p, pg, transactional, 0));
                    GodwitRun batch = p.run("resolve", "--retry", M);
                    assertEquals(2, batch.exitCode(), "batch mode never asks: " + batch.all());
                    GodwitRun retry = p.run("resolve", "--retry", M, "--yes", "--reason", "fixed the table name");
                    assertEquals(0, retry.exitCode(), retry.all());
                }
                case FINISH -> {
                    Files.writeString(p.migrationFile(M), sql(p, pg, transactional, 0));
                    GodwitRun finish = p.run("resolve", "--finish", M, "--yes");
                    assertEquals(0, finish.exitCode(), finish.all());
                    assertTrue(finish.stdout().contains("-- statement " + failing + ", line"), "shows what it runs: " + finish.stdout());
                }
                case UNDO -> {
                    GodwitRun undo = p.run("resolve", "--undo", M, "--yes");
                    assertEquals(0, undo.exitCode(), undo.all());
                    assertEquals(inEffect == 0, undo.stdout().contains("holds nothing of it"), undo.stdout());
                    assertFalse(db.tables().contains("Comment"), "the table the failed statements made is gone");
                    GodwitRun again = p.run("status", "--no-color");
                    assertEquals(3, again.exitCode(), again.all());
                    assertTrue(again.stdout().contains("rolled back"), again.stdout());
                    Files.writeString(p.migrationFile(M), sql(p, pg, transactional, 0));
                    GodwitRun reapply = p.run("apply");
                    assertEquals(0, reapply.exitCode(), reapply.all());
                }
            }
            GodwitRun end = p.run("status", "--no-color");
            assertEquals(0, end.exitCode(), end.all());
            assertTrue(db.tables().contains("Comment"), db.tables().toString());
            GodwitRun drift = p.run("drift", "--json");
            assertEquals(0, drift.exitCode(), "the database is what its history describes: " + drift.all());
            if (pg) {
                Optional<PrismaRef.Result> prisma = PrismaRef.migrateStatus(p.root(), db.url());
                prisma.ifPresent(r -> assertTrue(r.output().contains("Database schema is up to date"), r.output()));
            }
        }
    }

    private static JsonNode failedJson(TestProject p) throws Exception {
        GodwitRun json = p.run("status", "--json");
        JsonNode root = new ObjectMapper().readTree(json.stdout());
        for (JsonNode m : root.get("migrations")) {
            if (m.get("name").asText().equals(M)) {
                return m;
            }
        }
        throw new AssertionError(json.stdout());
    }
}
