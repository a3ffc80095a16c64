package dev.godwit.engine.workflow;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.plan.MigrationWriter;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each outcome of the plan and dev workflows, reached on a real PostgreSQL database. */
class PlanWorkflowOutcomesTest {
    private static final String HEAD = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            """;
    private static final String USER = HEAD + """

            model User {
              id    Int    @id
              email String
              name  String?
            }
            """;

    @TempDir
    Path dir;

    @Test
    void noChangesWhenTheSchemaMatchesTheAppliedHistory() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Workspace ws = appliedProject(db, USER);
            PlanOutcome o = new PlanWorkflow(ws, Listener.QUIET, Consent.NOBODY).plan(PlanRequest.ofProject());
            PlanOutcome.NoChanges n = assertInstanceOf(PlanOutcome.NoChanges.class, o);
            assertEquals(1, n.migrations());
            assertEquals(ws.project().migrationsDir(), n.folder());
        }
    }

    @Test
    void blockedWhenTheDatabaseDriftedFromItsMigrations() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Workspace ws = appliedProject(db, USER);
            db.execute("ALTER TABLE \"User\" ADD COLUMN \"added_by_hand\" integer");
            PlanOutcome o = new PlanWorkflow(ws, Listener.QUIET, Consent.NOBODY).plan(PlanRequest.ofProject());
            PlanOutcome.Blocked b = assertInstanceOf(PlanOutcome.Blocked.class, o);
            assertEquals(1, b.drift().size(), b.drift().toString());
            Change.AddColumn added = assertInstanceOf(Change.AddColumn.class, b.drift().get(0));
            assertEquals("added_by_hand", added.column().name());
            assertEquals(1, migrationFolders(ws).size(), "nothing written");
        }
    }

    @Test
    void blockedWhenARequiredColumnMeetsRowsThatHaveNoValue() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Workspace ws = appliedProject(db, USER);
            db.execute("INSERT INTO \"User\" (id, email) VALUES (1, 'a@example.com')");
            schema(USER.replace("name  String?", "name  String"));
            PlanOutcome o = new PlanWorkflow(ws, Listener.QUIET, Consent.NOBODY).dev(dev(null, false));
            PlanOutcome.Blocked b = assertInstanceOf(PlanOutcome.Blocked.class, o);
            assertTrue(b.drift().isEmpty());
            assertEquals(1, b.unexecutable().size());
            assertTrue(b.reasons().get(0).contains("1 existing NULL value"), b.reasons().toString());
        }
    }

    @Test
    void needsConsentToDropAColumnThatHoldsValues() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Workspace ws = appliedProject(db, USER);
            db.execute("INSERT INTO \"User\" (id, email, name) VALUES (1, 'a@example.com', 'Ann')");
            schema(USER.replace("  name  String?\n", ""));

            PlanOutcome nobody = new PlanWorkflow(ws, Listener.QUIET, Consent.NOBODY).dev(dev("drop_name", false));
            PlanOutcome.NeedsConsent unasked = assertInstanceOf(PlanOutcome.NeedsConsent.class, nobody);
            assertFalse(unasked.asked());
            assertTrue(unasked.questions().get(0).contains("drop the column `name`"), unasked.questions().toString());

            List<String> asked = new ArrayList<>();
            PlanOutcome no = new PlanWorkflow(ws, Listener.QUIET, answering(false, asked)).dev(dev("drop_name", false));
            assertTrue(assertInstanceOf(PlanOutcome.NeedsConsent.class, no).asked());
            assertEquals(List.of("Go ahead and accept the data loss?"), asked);
            assertEquals(1, migrationFolders(ws).size(), "nothing written");
            assertEquals(List.of(List.of("Ann")), db.query("SELECT name FROM \"User\""));
        }
    }

    @Test
    void readyWritesAndAppliesTheMigrationOnceConsented() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Workspace ws = appliedProject(db, USER);
            db.execute("INSERT INTO \"User\" (id, email, name) VALUES (1, 'a@example.com', 'Ann')");
            schema(USER.replace("  name  String?\n", ""));
            List<String> steps = new ArrayList<>();
            Listener listener = new Listener() {
                @Override
                public void step(String line) {
                    steps.add(line);
                }
            };
            PlanOutcome o = new PlanWorkflow(ws, listener, answering(true, new ArrayList<>())).dev(dev("drop_name", false));
            PlanOutcome.Ready r = assertInstanceOf(PlanOutcome.Ready.class, o);
            String folder = r.written().orElseThrow();
            assertTrue(folder.endsWith("_drop_name"), folder);
            assertEquals(1, r.plan().statements().size());
            assertTrue(r.plan().statements().get(0).destructive());
            assertTrue(r.plan().statements().get(0).notReversible().get(0).contains("cannot be restored"));
            assertEquals(2, migrationFolders(ws).size());
            assertEquals(List.of(), db.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'name'"));
            assertTrue(steps.get(steps.size() - 1).startsWith("Applied " + folder), steps.toString());
        }
    }

    /** A project whose schema is {@code schema}, its first migration planned by the workflow, written and applied. */
    private Workspace appliedProject(TestDatabase db, String schema) throws IOException {
        schema(schema);
        Workspace ws = Workspace.of(Project.open(dir), DatabaseUrl.parse(db.url()));
        PlanOutcome.Ready first = assertInstanceOf(PlanOutcome.Ready.class,
                new PlanWorkflow(ws, Listener.QUIET, Consent.NOBODY).plan(PlanRequest.ofProject()));
        MigrationWriter.write(ws.project().migrationsDir(), ws.url().provider(), "init", Instant.now(), first.plan());
        new Migrator(ws.target()).apply(MigrationsFolder.read(ws.project().migrationsDir(), ws.url().provider()), Duration.ofSeconds(10),
                false, new ApplyListener() { });
        return ws;
    }

    private void schema(String text) throws IOException {
        Files.createDirectories(dir.resolve("prisma"));
        Files.writeString(dir.resolve("prisma/schema.prisma"), text);
    }

    private static DevRequest dev(String name, boolean acceptDataLoss) {
        return new DevRequest(PlanRequest.ofProject(), name, acceptDataLoss, Duration.ofSeconds(10), new ApplyListener() { }, null);
    }

    /** Someone who answers every yes/no question with {@code yes}, recording the questions. */
    private static Consent answering(boolean yes, List<String> questions) {
        return new Consent() {
            @Override
            public boolean canAsk() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                questions.add(question);
                return yes;
            }

            @Override
            public String ask(String question) {
                questions.add(question);
                return null;
            }
        };
    }

    private static List<Path> migrationFolders(Workspace ws) throws IOException {
        try (Stream<Path> s = Files.list(ws.project().migrationsDir())) {
            return s.filter(Files::isDirectory).toList();
        }
    }
}
