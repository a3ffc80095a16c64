package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
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

/** Each outcome of the baseline workflow, reached on a real PostgreSQL database. */
class BaselineWorkflowOutcomesTest {
    private static final String HEAD = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            """;
    private static final String TABLE = "CREATE TABLE \"User\" (id integer PRIMARY KEY, email text NOT NULL)";

    @TempDir
    Path dir;

    @Test
    void noChangesWhenTheDatabaseHoldsNothingToAdopt() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            BaselineOutcome o = new BaselineWorkflow(workspace(db), Listener.QUIET, Consent.NOBODY).draft(request(false));
            BaselineOutcome.NoChanges n = assertInstanceOf(BaselineOutcome.NoChanges.class, o);
            assertTrue(n.reason().contains("nothing to baseline"), n.reason());
        }
    }

    @Test
    void needsConsentBeforeRecordingAndWritesNothingWithoutIt() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute(TABLE);
            Workspace ws = workspace(db);
            BaselineWorkflow nobody = new BaselineWorkflow(ws, Listener.QUIET, Consent.NOBODY);
            BaselineWorkflow.Draft draft = assertInstanceOf(BaselineOutcome.Ready.class, nobody.draft(request(false))).draft();
            assertTrue(draft.folder().matches("\\d{14}_adopt"), draft.folder());
            assertEquals(1, draft.changes().size(), draft.changes().toString());
            assertTrue(draft.script().contains("CREATE TABLE \"User\""), draft.script());

            assertFalse(assertInstanceOf(BaselineOutcome.NeedsConsent.class, nobody.adopt(draft, request(false))).asked());
            List<String> asked = new ArrayList<>();
            BaselineOutcome no = new BaselineWorkflow(ws, Listener.QUIET, answering(false, asked)).adopt(draft, request(false));
            assertTrue(assertInstanceOf(BaselineOutcome.NeedsConsent.class, no).asked());
            assertEquals(1, asked.size());
            assertTrue(asked.get(0).contains(draft.folder()) && asked.get(0).contains("record it as applied"), asked.toString());
            assertEquals(List.of(), migrationFolders(ws), "nothing written");
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '_prisma_migrations'"));
        }
    }

    @Test
    void readyRecordsTheBaselineOnceConsentedAndASecondOneIsBlocked() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute(TABLE);
            Workspace ws = workspace(db);
            BaselineWorkflow yes = new BaselineWorkflow(ws, Listener.QUIET, answering(true, new ArrayList<>()));
            BaselineWorkflow.Draft draft = assertInstanceOf(BaselineOutcome.Ready.class, yes.draft(request(false))).draft();
            BaselineOutcome.Ready r = assertInstanceOf(BaselineOutcome.Ready.class, yes.adopt(draft, request(false)));
            assertTrue(r.recorded());
            assertEquals(List.of(draft.folder()), migrationFolders(ws).stream().map(p -> p.getFileName().toString()).toList());
            assertEquals(draft.script(), Files.readString(ws.project().migrationsDir().resolve(draft.folder()).resolve("migration.sql")));
            assertEquals(List.of(List.of(draft.folder())), db.query(
                    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL"));

            BaselineOutcome.Blocked again = assertInstanceOf(BaselineOutcome.Blocked.class, yes.draft(request(false)));
            assertEquals(ErrorKind.USAGE, again.kind());
            assertTrue(again.reason().contains("already has 1 migration(s)"), again.reason());
        }
    }

    @Test
    void blockedWhenTheDraftCannotBuildTheSchemaOnAnEmptyDatabase() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE FUNCTION next_code() RETURNS integer LANGUAGE sql AS 'SELECT 7'");
            db.execute("CREATE TABLE \"Item\" (id integer PRIMARY KEY, code integer NOT NULL DEFAULT next_code())");
            Workspace ws = workspace(db);
            List<String> asked = new ArrayList<>();
            BaselineWorkflow yes = new BaselineWorkflow(ws, Listener.QUIET, answering(true, asked));
            BaselineWorkflow.Draft draft = assertInstanceOf(BaselineOutcome.Ready.class, yes.draft(request(false))).draft();
            BaselineOutcome.Blocked b = assertInstanceOf(BaselineOutcome.Blocked.class, yes.adopt(draft, request(false)));
            assertEquals(ErrorKind.ACTION_NEEDED, b.kind());
            assertTrue(b.reason().contains("next_code"), b.reason());
            assertEquals(List.of(), asked, "refused before asking");
            assertEquals(List.of(), migrationFolders(ws), "nothing written");

            BaselineOutcome.Ready created = assertInstanceOf(BaselineOutcome.Ready.class, yes.adopt(draft, request(true)));
            assertFalse(created.recorded());
            assertEquals(1, migrationFolders(ws).size(), "--create-only writes the file");
            assertEquals("0", db.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '_prisma_migrations'"));
        }
    }

    private Workspace workspace(TestDatabase db) throws IOException {
        Files.createDirectories(dir.resolve("prisma"));
        Files.writeString(dir.resolve("prisma/schema.prisma"), HEAD);
        return Workspace.of(Project.open(dir), DatabaseUrl.parse(db.url()));
    }

    private static BaselineRequest request(boolean createOnly) {
        return new BaselineRequest("adopt", createOnly, Duration.ofSeconds(10), Instant.now());
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
        Path migrations = ws.project().migrationsDir();
        if (!Files.isDirectory(migrations)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(migrations)) {
            return s.filter(Files::isDirectory).toList();
        }
    }
}
