package dev.godwit.engine.workflow;

import dev.godwit.engine.plan.MigrationWriter;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.plan.PlannedStatement;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan workflow called from plain Java, as a program that embeds godwit would (the code of the README's
 * "Using godwit from Java"): a project folder, a PostgreSQL database, each outcome handled, the migration written.
 */
class PlanWorkflowExampleTest {
    @TempDir
    Path dir;

    @Test
    void plansAndWritesTheFirstMigrationWithoutTheShell() throws Exception {
        Files.createDirectories(dir.resolve("prisma"));
        Files.writeString(dir.resolve("prisma/schema.prisma"), """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                model User {
                  id    Int    @id @default(autoincrement())
                  email String @unique
                }
                """);
        try (TestDatabase db = TestDatabases.postgres()) {
            List<String> notes = new ArrayList<>();

            // --- the README's example, from here
            Project project = Project.open(dir);
            Workspace workspace = Workspace.of(project, DatabaseUrl.parse(db.url()));
            Listener listener = new Listener() {
                @Override
                public void note(String message) {
                    notes.add(message);
                }

                @Override
                public void warn(String message) {
                    notes.add("warning: " + message);
                }
            };
            PlanWorkflow workflow = new PlanWorkflow(workspace, listener, Consent.NOBODY);

            PlanOutcome outcome = workflow.plan(PlanRequest.ofProject());
            String written = null;
            if (outcome instanceof PlanOutcome.NoChanges) {
                notes.add("the schema matches the migrations");
            } else if (outcome instanceof PlanOutcome.Blocked blocked) {
                throw new IllegalStateException("cannot plan: " + blocked.reasons());
            } else if (outcome instanceof PlanOutcome.NeedsConsent consent) {
                throw new IllegalStateException("needs a yes to: " + consent.questions());
            } else if (outcome instanceof PlanOutcome.Ready ready) {
                Plan plan = ready.plan();
                for (PlannedStatement s : plan.statements()) {
                    notes.add(String.join("\n", s.sql()) + (s.destructive() ? "  -- may lose data" : ""));
                }
                written = MigrationWriter.write(project.migrationsDir(), workspace.url().provider(), "init", Instant.now(), plan);
            }
            // --- to here

            assertTrue(written != null && written.endsWith("_init"), "outcome: " + outcome + ", notes: " + notes);
            String sql = Files.readString(project.migrationsDir().resolve(written).resolve("migration.sql"));
            assertTrue(sql.contains("CREATE TABLE \"User\""), sql);
            assertTrue(sql.contains("CREATE UNIQUE INDEX \"User_email_key\""), sql);
            Plan plan = ((PlanOutcome.Ready) outcome).plan();
            assertEquals(2, plan.statements().size(), sql);
            assertEquals("DropTable", plan.statements().get(0).reverse().get(0).getClass().getSimpleName());
            assertTrue(Files.exists(project.migrationsDir().resolve("migration_lock.toml")));
            // planned again on the written history, there is nothing left to do
            assertTrue(workflow.plan(PlanRequest.ofProject()) instanceof PlanOutcome.NoChanges n && n.migrations() == 1,
                    "second plan: " + notes);
        }
    }
}
