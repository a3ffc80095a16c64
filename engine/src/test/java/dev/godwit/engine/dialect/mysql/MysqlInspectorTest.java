package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
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

class MysqlInspectorTest {

    @Test
    void sameSchemaWrittenTwoWaysReadsTheSame() {
        try (TestDatabase a = TestDatabases.mysql(); TestDatabase b = TestDatabases.mysql()) {
            a.execute("CREATE TABLE `T` (`id` INT AUTO_INCREMENT PRIMARY KEY, `n` INT DEFAULT '5', `flag` BOOL DEFAULT 1,"
                    + " `s` ENUM('a','b') NOT NULL DEFAULT 'a', `at` DATETIME(3) DEFAULT NOW(3), `u` VARCHAR(10) UNIQUE)");
            b.execute("CREATE TABLE `T` (`id` INTEGER NOT NULL AUTO_INCREMENT, `n` INTEGER NULL DEFAULT 5, `flag` TINYINT(1) DEFAULT true,"
                    + " `s` ENUM('a','b') NOT NULL DEFAULT 'a', `at` DATETIME(3) NULL DEFAULT CURRENT_TIMESTAMP(3), `u` VARCHAR(10),"
                    + " PRIMARY KEY (`id`), UNIQUE KEY `u` (`u`))");
            Schema sa = SchemaCorpus.managed(SchemaCorpus.inspect(a));
            assertEquals(sa, SchemaCorpus.managed(SchemaCorpus.inspect(b)));
            Table t = sa.table("T").orElseThrow();
            assertEquals(Identity.AUTO_INCREMENT, t.column("id").orElseThrow().identity());
            assertEquals("CURRENT_TIMESTAMP(3)", t.column("at").orElseThrow().defaultValue());
            assertEquals("'a'", t.column("s").orElseThrow().defaultValue());
            assertEquals(List.of("a", "b"), t.column("s").orElseThrow().type().enumValues());
            assertEquals(ColumnType.of("tinyint").withLength(1), t.column("flag").orElseThrow().type());
        }
    }

    /** On MariaDB JSON becomes LONGTEXT COLLATE utf8mb4_bin with a json_valid check; it must read back as JSON. */
    @Test
    void aJsonColumnReadsBackAsJsonWhateverTheServerMadeOfIt() {
        try (TestDatabase db = TestDatabases.mysql()) {
            db.execute("CREATE TABLE `Doc` (`id` INT PRIMARY KEY, `data` JSON NOT NULL, `meta` JSON NULL, `note` LONGTEXT NULL,"
                    + " CONSTRAINT `note_is_short` CHECK (char_length(`note`) < 100)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            Table t = SchemaCorpus.inspect(db).table("Doc").orElseThrow();
            assertEquals(ColumnType.of("json"), t.column("data").orElseThrow().type());
            assertEquals(ColumnType.of("json"), t.column("meta").orElseThrow().type());
            assertEquals(null, t.column("data").orElseThrow().collation());
            assertEquals(ColumnType.of("longtext"), t.column("note").orElseThrow().type());
            assertEquals(List.of("note_is_short"), t.checks().stream().map(k -> k.name()).toList(), "other checks stay");
        }
    }

    @Test
    void queryCountDoesNotGrowWithTables() throws Exception {
        assertEquals(queriesFor(5), queriesFor(50));
    }

    private static int queriesFor(int tables) throws Exception {
        try (TestDatabase db = TestDatabases.mysql()) {
            for (int i = 0; i < tables; i++) {
                db.execute("CREATE TABLE `t" + i + "` (`id` INT PRIMARY KEY, `name` VARCHAR(20) UNIQUE, `ref` INT"
                        + (i > 0 ? ", CONSTRAINT `t" + i + "_fk` FOREIGN KEY (`ref`) REFERENCES `t0`(`id`)" : "") + ")");
            }
            AtomicInteger count = new AtomicInteger();
            try (Connection c = CountingConnection.wrap(db.connect(), count)) {
                Schema s = new MysqlInspector().inspect(c, db.schema());
                assertEquals(tables, s.tables().size());
            }
            return count.get();
        }
    }

    @Test
    void unmanagedObjectsAreListedAndHistoryTableLeftOut() {
        try (TestDatabase db = TestDatabases.mysql()) {
            db.execute(new MysqlDialect().historyTableDdl(db.schema()));
            db.execute("CREATE TABLE `t` (`id` INT PRIMARY KEY, `n` INT)");
            db.execute("CREATE TRIGGER `t_bump` BEFORE INSERT ON `t` FOR EACH ROW SET NEW.`n` = 1");
            db.execute("CREATE FUNCTION `twice`(x INT) RETURNS INT DETERMINISTIC RETURN x * 2");
            Schema s = SchemaCorpus.inspect(db);
            assertEquals(List.of("t"), s.tables().stream().map(Table::name).toList());
            List<String> kinds = s.unmanaged().stream().map(u -> u.kind() + " " + u.name()).toList();
            assertTrue(kinds.containsAll(List.of("trigger t.t_bump", "function twice")), kinds.toString());
        }
    }

    @Test
    void anExpressionDefaultReadsInParenthesesAsTheSchemaMappingWritesIt() {
        try (TestDatabase db = TestDatabases.mysql()) {
            db.execute("CREATE TABLE `t` (`id` INT PRIMARY KEY, `uid` VARCHAR(36) NOT NULL DEFAULT (uuid()), `n` INT DEFAULT 5, `s` VARCHAR(9) DEFAULT 'x')");
            Table t = SchemaCorpus.inspect(db).table("t").orElseThrow();
            assertEquals("(uuid())", t.column("uid").orElseThrow().defaultValue());
            assertEquals("5", t.column("n").orElseThrow().defaultValue());
            assertEquals("'x'", t.column("s").orElseThrow().defaultValue());
        }
    }
}
