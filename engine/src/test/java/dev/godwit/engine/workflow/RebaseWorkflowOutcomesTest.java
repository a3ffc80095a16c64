package dev.godwit.engine.workflow;

import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.MigrationFiles;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.project.Project;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each outcome of the rebase workflow, reached on a real PostgreSQL database. */
class RebaseWorkflowOutcomesTest {
    private static final String MINE = "20240102000000_mine";
    private static final String THEIRS = "20240103000000_theirs";

    @TempDir
    Path dir;

    @Test
    void rebaseMovesAnUnappliedMigrationPastTheAppliedOnesOnce() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Files.createDirectories(dir.resolve("prisma"));
            Files.writeString(dir.resolve("prisma/schema.prisma"), """
                    datasource db {
                      provider = "postgresql"
                      url      = env("DATABASE_URL")
                    }
                    """);
            Workspace ws = Workspace.of(Project.open(dir), DatabaseUrl.parse(db.url()));
            Path migrations = ws.project().migrationsDir();
            MigrationFiles.write(migrations, ws.url().provider(), "20240101000000_init", "CREATE TABLE a (id integer);\n");
            MigrationFiles.write(migrations, ws.url().provider(), THEIRS, "CREATE TABLE b (id integer);\n");
            new Migrator(ws.target()).apply(MigrationsFolder.read(migrations, ws.url().provider()), Duration.ofSeconds(10), false,
                    new ApplyListener() { });
            MigrationFiles.write(migrations, ws.url().provider(), MINE, "CREATE TABLE c (id integer);\n");
            List<String> steps = new ArrayList<>();
            RebaseWorkflow rebase = new RebaseWorkflow(ws, new Listener() {
                @Override
                public void step(String line) {
                    steps.add(line);
                }
            });
            Instant before = Instant.parse("2024-01-01T00:00:00Z");

            RebaseOutcome.Blocked missing = assertInstanceOf(RebaseOutcome.Blocked.class,
                    rebase.rebase(new RebaseRequest("20240102000000_nine", before)));
            assertTrue(missing.reason().contains("no migration folder named"), missing.reason());
            RebaseOutcome.Blocked applied = assertInstanceOf(RebaseOutcome.Blocked.class, rebase.rebase(new RebaseRequest(THEIRS, before)));
            assertTrue(applied.reason().contains("_prisma_migrations"), applied.reason());
            assertEquals(List.of(), steps, "nothing renamed while blocked");

            RebaseOutcome.Ready r = assertInstanceOf(RebaseOutcome.Ready.class, rebase.rebase(new RebaseRequest(MINE, before)));
            assertEquals(1, r.renamed().size());
            String renamed = r.renamed().get(0).to();
            assertEquals(MINE, r.renamed().get(0).from());
            assertTrue(renamed.endsWith("_mine") && renamed.compareTo(THEIRS) > 0, renamed);
            assertEquals(List.of("20240101000000_init", THEIRS, renamed), folders(migrations));
            assertEquals("CREATE TABLE c (id integer);\n", Files.readString(migrations.resolve(renamed).resolve("migration.sql")));
            assertEquals(1, steps.size(), steps.toString());

            assertEquals(new RebaseOutcome.NoChanges(renamed), rebase.rebase(new RebaseRequest(renamed, before)));
            assertEquals(List.of("20240101000000_init", THEIRS, renamed), folders(migrations), "already at the end: left alone");
        }
    }

    private static List<String> folders(Path migrations) throws Exception {
        try (Stream<Path> s = Files.list(migrations)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
