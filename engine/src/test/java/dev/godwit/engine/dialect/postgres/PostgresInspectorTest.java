package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.UnmanagedObject;
import dev.godwit.engine.testing.CountingConnection;
import dev.godwit.engine.testing.SchemaCorpus;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresInspectorTest {

    @Test
    void sameSchemaWrittenTwoWaysReadsTheSame() {
        try (TestDatabase a = TestDatabases.postgres(); TestDatabase b = TestDatabases.postgres()) {
            a.execute("CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN');"
                    + "CREATE TABLE \"T\" (\"id\" SERIAL PRIMARY KEY, \"n\" int4 DEFAULT '5', \"s\" character varying(10),"
                    + " \"r\" \"Role\" NOT NULL DEFAULT 'USER'::\"Role\", \"at\" timestamp(3) without time zone DEFAULT now(),"
                    + " \"f\" float8, \"b\" bool DEFAULT 'true', \"d\" decimal(10,2), \"u\" TEXT UNIQUE)");
            b.execute("CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN');"
                    + "CREATE SEQUENCE \"T_id_seq\";"
                    + "CREATE TABLE \"T\" (\"id\" integer NOT NULL DEFAULT nextval('\"T_id_seq\"'::regclass), \"n\" integer DEFAULT 5,"
                    + " \"s\" varchar(10), \"r\" \"Role\" NOT NULL DEFAULT 'USER', \"at\" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,"
                    + " \"f\" double precision, \"b\" boolean DEFAULT true, \"d\" numeric(10,2), \"u\" text,"
                    + " CONSTRAINT \"T_pkey\" PRIMARY KEY (\"id\"), CONSTRAINT \"T_u_key\" UNIQUE (\"u\"));"
                    + "ALTER SEQUENCE \"T_id_seq\" OWNED BY \"T\".\"id\"");
            Schema sa = SchemaCorpus.inspect(a);
            Schema sb = SchemaCorpus.inspect(b);
            assertEquals(sa, sb);
            Table t = sa.table("T").orElseThrow();
            assertEquals(Identity.SERIAL, t.column("id").orElseThrow().identity());
            assertEquals(null, t.column("id").orElseThrow().defaultValue());
            assertEquals(new Column("r", ColumnType.enumRef("Role"), false, "'USER'", Identity.NONE, null, null, null, java.util.Map.of()),
                    t.column("r").orElseThrow());
            assertEquals("5", t.column("n").orElseThrow().defaultValue());
            assertEquals("CURRENT_TIMESTAMP", t.column("at").orElseThrow().defaultValue());
            assertEquals(ColumnType.of("timestamp").withPrecision(3, null), t.column("at").orElseThrow().type());
            assertEquals(ColumnType.of("varchar").withLength(10), t.column("s").orElseThrow().type());
            assertEquals(List.of(), sa.sequences(), "the serial's sequence belongs to the column");
        }
    }

    @Test
    void operatorClassesAreReadOnlyWhenNotTheDefault() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE TABLE \"T\" (\"a\" TEXT, \"b\" TEXT);"
                    + "CREATE INDEX \"T_a_b_idx\" ON \"T\" (\"a\" text_pattern_ops, \"b\" text_ops)");
            var parts = SchemaCorpus.inspect(db).table("T").orElseThrow().indexes().get(0).parts();
            assertEquals("text_pattern_ops", parts.get(0).opclass());
            assertEquals(null, parts.get(1).opclass());
        }
    }

    @Test
    void historyTableIsLeftOut() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute(new dev.godwit.engine.dialect.postgres.PostgresDialect().historyTableDdl("public"));
            db.execute("CREATE TABLE \"kept\" (\"id\" INTEGER)");
            assertEquals(List.of("kept"), SchemaCorpus.inspect(db).tables().stream().map(Table::name).toList());
        }
    }

    @Test
    void queryCountDoesNotGrowWithTables() throws Exception {
        assertEquals(queriesFor(5), queriesFor(50));
    }

    private static int queriesFor(int tables) throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            StringBuilder ddl = new StringBuilder("CREATE TYPE \"E\" AS ENUM ('a');");
            for (int i = 0; i < tables; i++) {
                ddl.append("CREATE TABLE \"t").append(i).append("\" (\"id\" SERIAL PRIMARY KEY, \"e\" \"E\", \"name\" TEXT UNIQUE, \"ref\" INTEGER")
                        .append(i > 0 ? " REFERENCES \"t0\"(\"id\")" : "").append(", CHECK (\"ref\" > 0));")
                        .append("CREATE INDEX ON \"t").append(i).append("\" (\"ref\");");
            }
            db.execute(ddl.toString());
            AtomicInteger count = new AtomicInteger();
            try (Connection c = CountingConnection.wrap(db.connect(), count)) {
                Schema s = new PostgresInspector().inspect(c, "public");
                assertEquals(tables, s.tables().size());
                assertEquals(2, s.tables().get(0).indexes().size());
            }
            return count.get();
        }
    }

    @Test
    void unmanagedObjectsAreListedNotLost() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.execute("CREATE TABLE \"t\" (\"id\" INTEGER PRIMARY KEY, \"r\" int4range);"
                    + "CREATE FUNCTION \"touch\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
                    + "CREATE TRIGGER \"t_touch\" BEFORE UPDATE ON \"t\" FOR EACH ROW EXECUTE FUNCTION \"touch\"();"
                    + "ALTER TABLE \"t\" ENABLE ROW LEVEL SECURITY;"
                    + "CREATE POLICY \"own\" ON \"t\" USING (\"id\" > 0);"
                    + "ALTER TABLE \"t\" ADD CONSTRAINT \"no_overlap\" EXCLUDE USING gist (\"r\" WITH &&);"
                    + "CREATE TABLE \"log\" (\"at\" DATE NOT NULL) PARTITION BY RANGE (\"at\");"
                    + "CREATE TABLE \"log_2024\" PARTITION OF \"log\" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
                    + "CREATE DOMAIN \"positive\" AS INTEGER CHECK (VALUE > 0)");
            Schema s = SchemaCorpus.inspect(db);
            List<String> kinds = s.unmanaged().stream().map(u -> u.kind() + " " + u.name()).toList();
            for (String expected : List.of("trigger t.t_touch", "function touch()", "policy t.own", "exclusion constraint t.no_overlap",
                    "partition log_2024", "partitioned table log", "domain positive")) {
                assertTrue(kinds.contains(expected), expected + " missing from " + kinds);
            }
            assertEquals(List.of("log", "t"), s.tables().stream().map(Table::name).toList());
            assertTrue(s.table("t").orElseThrow().indexes().isEmpty(), "the exclusion constraint's index is not a plain index");
            assertTrue(s.unmanaged().stream().map(UnmanagedObject::detail).anyMatch(d -> d != null && d.contains("EXCLUDE")));
        }
    }

    /** The read turns JIT off for its own transaction only: the session's setting and autocommit are as before, a caller's transaction is left open. */
    @Test
    void readingLeavesTheSessionAndTheCallersTransactionAsTheyWere() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); Connection c = db.connect()) {
            db.execute("CREATE TABLE \"T\" (\"id\" INT PRIMARY KEY)");
            String jit;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT current_setting('jit', true)")) {
                rs.next();
                jit = rs.getString(1);
            }
            c.setAutoCommit(true);
            assertEquals(List.of("T"), new PostgresInspector().inspect(c, "public").tables().stream().map(Table::name).toList());
            assertTrue(c.getAutoCommit());
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT current_setting('jit', true)")) {
                rs.next();
                assertEquals(jit, rs.getString(1));
            }
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE \"U\" (\"id\" INT)");
            }
            assertEquals(List.of("T", "U"), new PostgresInspector().inspect(c, "public").tables().stream().map(Table::name).toList());
            assertTrue(!c.getAutoCommit());
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(List.of("T"), new PostgresInspector().inspect(c, "public").tables().stream().map(Table::name).toList(),
                    "the caller's transaction was rolled back, not committed by the read");
        }
    }
}
