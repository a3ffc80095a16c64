package dev.godwit.engine.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.engine.Provider;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Reads history written by Prisma 7.10.1 (fixtures made with the real CLI, see
 * prisma-fixtures/README.md) and checks that godwit writes rows Prisma reads the same way.
 */
class PrismaInteropTest {
    private static final Pattern UUID_V4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    static Path fixture(String name) {
        try {
            return Path.of(PrismaInteropTest.class.getResource("/prisma-fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates the history table exactly as Prisma's pg_dump shows it and loads Prisma's rows. */
    static void loadPrismaHistory(TestDatabase db, String rowsFile) throws IOException, SQLException {
        String ddl = Files.readString(fixture("blog/prisma_migrations.ddl.sql")).lines()
                .filter(l -> !l.startsWith("\\") && !l.startsWith("--") && !l.contains("OWNER TO") && !l.startsWith("SET ") && !l.contains("set_config"))
                .collect(Collectors.joining("\n"));
        for (String st : ddl.split(";")) {
            if (!st.replaceAll("(?m)^--.*$", "").isBlank()) {
                db.execute(st);
            }
        }
        JsonNode rows = new ObjectMapper().readTree(fixture(rowsFile).toFile());
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (JsonNode r : rows) {
                ps.setString(1, r.get("id").asText());
                ps.setString(2, r.get("checksum").asText());
                ps.setTimestamp(3, ts(r.get("finished_at")));
                ps.setString(4, r.get("migration_name").asText());
                ps.setString(5, r.get("logs").isNull() ? null : r.get("logs").asText());
                ps.setTimestamp(6, ts(r.get("rolled_back_at")));
                ps.setTimestamp(7, ts(r.get("started_at")));
                ps.setInt(8, r.get("applied_steps_count").asInt());
                ps.executeUpdate();
            }
        }
    }

    private static Timestamp ts(JsonNode n) {
        return n == null || n.isNull() ? null : Timestamp.from(OffsetDateTime.parse(n.asText()).toInstant());
    }

    private static StatusReport status(TestDatabase db, String fixtureDir) {
        return new Migrator(db.target()).status(MigrationsFolder.read(fixture(fixtureDir + "/migrations"), Provider.POSTGRESQL));
    }

    @Test
    void aDatabaseMigratedByPrismaReadsAsUpToDate() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            loadPrismaHistory(db, "blog/prisma_migrations.json");
            StatusReport s = status(db, "blog");
            assertEquals(3, s.migrations().size());
            assertTrue(s.upToDate(), s.summary());
        }
    }

    @Test
    void aMigrationWrittenWithCrlfLineEndingsReadsAsApplied() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            loadPrismaHistory(db, "crlf/prisma_migrations.json");
            assertTrue(status(db, "crlf").upToDate());
        }
    }

    @Test
    void prismasFailedRowShowsAsFailedAndBlocksApply() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            loadPrismaHistory(db, "failed/prisma_migrations.json");
            StatusReport s = status(db, "failed");
            assertEquals(List.of(MigrationState.APPLIED, MigrationState.FAILED), s.migrations().stream().map(MigrationStatus::state).toList());
            assertTrue(FailureLog.summary(s.failed().get(0).failedAttempt().orElseThrow().logs()).contains("external connector error"));
        }
    }

    @Test
    void prismasResolvedRowsReadTheSameWay() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            loadPrismaHistory(db, "failed/prisma_migrations.after_rolled_back.json");
            assertEquals(MigrationState.ROLLED_BACK, status(db, "failed").migrations().get(1).state());
        }
        try (TestDatabase db = TestDatabases.postgres()) {
            loadPrismaHistory(db, "failed/prisma_migrations.after_applied.json");
            assertTrue(status(db, "failed").upToDate());
        }
    }

    @Test
    void godwitsHistoryTableHasPrismasExactColumns() throws Exception {
        String columns = "SELECT column_name, data_type, character_maximum_length, is_nullable, column_default "
                + "FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position";
        String pkey = "SELECT conname, contype FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass";
        List<List<String>> prisma;
        List<List<String>> prismaKey;
        try (TestDatabase db = TestDatabases.postgres()) {
            loadPrismaHistory(db, "blog/prisma_migrations.json");
            prisma = db.query(columns);
            prismaKey = db.query(pkey);
        }
        try (TestDatabase db = TestDatabases.postgres()) {
            new Migrator(db.target()).apply(MigrationsFolder.read(fixture("blog/migrations"), Provider.POSTGRESQL),
                    Duration.ofSeconds(10), false, ApplyListener.NONE);
            assertEquals(prisma, db.query(columns));
            assertEquals(prismaKey, db.query(pkey));
        }
    }

    @Test
    void godwitsRowsFollowPrismasRowSemantics() throws Exception {
        JsonNode prismaRows = new ObjectMapper().readTree(fixture("blog/prisma_migrations.json").toFile());
        try (TestDatabase db = TestDatabases.postgres()) {
            MigrationsFolder folder = MigrationsFolder.read(fixture("blog/migrations"), Provider.POSTGRESQL);
            new Migrator(db.target()).apply(folder, Duration.ofSeconds(10), false, ApplyListener.NONE);
            List<List<String>> rows = db.query("SELECT id, checksum, migration_name, logs, rolled_back_at, applied_steps_count, "
                    + "finished_at >= started_at FROM _prisma_migrations ORDER BY started_at");
            assertEquals(prismaRows.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                JsonNode p = prismaRows.get(i);
                assertTrue(UUID_V4.matcher(row.get(0)).matches(), row.get(0));
                assertEquals(p.get("checksum").asText(), row.get(1), "same checksum as Prisma computed for the same file");
                assertEquals(p.get("migration_name").asText(), row.get(2));
                assertNull(row.get(3));
                assertNull(row.get(4));
                assertEquals(p.get("applied_steps_count").asText(), row.get(5));
                assertEquals("t", row.get(6));
            }
        }
    }
}
