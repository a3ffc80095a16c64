package dev.godwit.engine.drift;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Drift of a database changed by hand, on real servers, and adopting it as a migration. */
class DriftCheckTest {
    @TempDir
    Path tmp;

    private static String q(TestDatabase db, String ident) {
        return db.kind() == TestDatabase.Kind.POSTGRESQL ? "\"" + ident + "\"" : "`" + ident + "`";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void handMadeChangesAreReportedExactlyAndAdoptingThemLeavesNoDrift(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            String user = q(db, "User");
            MigrationsDir m = new MigrationsDir(tmp, db.provider())
                    .add("20240101000000_init", "CREATE TABLE " + user + " (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL, age INTEGER);\n")
                    .add("20240102000000_idx", "CREATE INDEX " + q(db, "User_email_idx") + " ON " + user + " (email);\n");
            Migrator migrator = new Migrator(db.target());
            migrator.apply(m.read(), Duration.ofSeconds(10), false, ApplyListener.NONE);
            DatabaseUrl url = DatabaseUrl.parse(db.url());

            DriftReport clean = DriftCheck.run(db.target(), url, Optional.empty(), m.read());
            assertFalse(clean.hasDrift(), clean.toString());
            assertEquals(List.of("20240101000000_init", "20240102000000_idx"), clean.replayed());

            db.execute("ALTER TABLE " + user + " ADD COLUMN nickname VARCHAR(50)");
            db.execute(pg ? "DROP INDEX " + q(db, "User_email_idx") : "DROP INDEX " + q(db, "User_email_idx") + " ON " + user);
            db.execute(pg ? "ALTER TABLE " + user + " ALTER COLUMN age TYPE BIGINT" : "ALTER TABLE " + user + " MODIFY age BIGINT");

            DriftReport r = DriftCheck.run(db.target(), url, Optional.empty(), m.read());
            assertTrue(r.hasDrift());
            assertEquals(List.of("User"), r.tables());
            assertEquals(3, r.drift().size(), r.drift().toString());
            Change.AddColumn added = only(r.drift(), Change.AddColumn.class);
            assertEquals("nickname", added.column().name());
            assertEquals(50, added.column().type().length());
            assertEquals("User_email_idx", only(r.drift(), Change.DropIndex.class).index().name());
            Change.AlterColumn altered = only(r.drift(), Change.AlterColumn.class);
            assertEquals("age", altered.to().name());
            assertEquals(Set.of(Change.Aspect.TYPE), altered.aspects());
            assertEquals("bigint", altered.to().type().name());
            assertTrue(r.revertScript().contains("nickname") && r.revertScript().contains("User_email_idx"), r.revertScript());

            String folder = DriftAdoption.adopt(migrator, m.dir(), db.provider(), "Hotfix by hand!", r.adoptScript(),
                    Instant.parse("2025-01-02T03:04:05Z"), Duration.ofSeconds(10));
            assertEquals("20250102030405_hotfix_by_hand", folder);
            DriftReport after = DriftCheck.run(db.target(), url, Optional.empty(), m.read());
            assertFalse(after.hasDrift(), after.toString());
            assertTrue(migrator.status(m.read()).upToDate());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void editedMigrationsArePartOfTheReport(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            MigrationsDir m = new MigrationsDir(tmp, db.provider()).add("20240101000000_init", "CREATE TABLE a (id INTEGER);\n");
            new Migrator(db.target()).apply(m.read(), Duration.ofSeconds(10), false, ApplyListener.NONE);
            m.add("20240101000000_init", "CREATE TABLE a (id INTEGER, b INTEGER);\n");
            DriftReport r = DriftCheck.run(db.target(), DatabaseUrl.parse(db.url()), Optional.empty(), m.read());
            assertEquals(List.of("20240101000000_init"), r.edited());
            assertTrue(r.hasDrift());
            // The replay used the edited file, so the database lacks the column it now adds.
            assertEquals("b", only(r.drift(), Change.DropColumn.class).column().name());
        }
    }

    private static <T extends Change> T only(List<Change> changes, Class<T> type) {
        List<T> found = changes.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName() + " in " + changes);
        return found.get(0);
    }
}
