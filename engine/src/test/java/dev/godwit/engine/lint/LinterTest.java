package dev.godwit.engine.lint;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules on migration text, without a database (sizes unknown) and with live facts handed in. */
class LinterTest {
    private static List<LintFinding> pg(String sql) {
        return new Linter(Dialect.of(Provider.POSTGRESQL), LintSettings.DEFAULT).lint(List.of(new Linter.Source("m", sql))).get(0).findings();
    }

    private static List<LintFinding> pg(String sql, Map<String, LiveTable> tables) {
        LintContext ctx = new LintContext(new ServerFacts("PostgreSQL", 17, 0, 0), tables, true, false);
        return new Linter(Dialect.of(Provider.POSTGRESQL), LintSettings.DEFAULT).lint(List.of(new Linter.Source("m", sql)), ctx).get(0).findings();
    }

    private static List<LintFinding> my(String sql, ServerFacts server, Map<String, LiveTable> tables) {
        LintContext ctx = new LintContext(server, tables, true, false);
        return new Linter(Dialect.of(Provider.MYSQL), LintSettings.DEFAULT).lint(List.of(new Linter.Source("m", sql)), ctx).get(0).findings();
    }

    private static List<String> rules(List<LintFinding> fs) {
        return fs.stream().filter(f -> !f.ignored()).map(LintFinding::rule).toList();
    }

    private static LintFinding one(List<LintFinding> fs, String rule) {
        return fs.stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow(() -> new AssertionError(rule + " not in " + rules(fs)));
    }

    private static LiveTable big(long rows) {
        return new LiveTable(new TableSize(rows * 100, rows), Map.of("email", "text", "name", "character varying(50)"), Map.of());
    }

    @Test
    void prismaIndexOnAnExistingTableIsFlaggedWithItsSafeForm() {
        List<LintFinding> fs = pg("-- CreateIndex\nCREATE INDEX \"User_email_idx\" ON \"User\"(\"email\");\n");
        LintFinding f = one(fs, "index-not-concurrent");
        assertEquals("User", f.table());
        assertEquals("SHARE", f.lock());
        assertEquals(LintSeverity.WARNING, f.severity(), "size unknown offline");
        assertTrue(f.safe().startsWith("CREATE INDEX CONCURRENTLY \"User_email_idx\" ON \"User\"(\"email\");"), f.safe());
        assertTrue(rules(fs).contains("missing-lock-timeout"));
    }

    @Test
    void severityGrowsWithTheLiveTable() {
        String sql = "CREATE INDEX \"e_idx\" ON \"events\"(\"email\");";
        assertEquals(LintSeverity.INFO, one(pg(sql, Map.of("events", big(50))), "index-not-concurrent").severity());
        assertEquals(LintSeverity.WARNING, one(pg(sql, Map.of("events", big(50_000))), "index-not-concurrent").severity());
        LintFinding f = one(pg(sql, Map.of("events", big(12_000_000))), "index-not-concurrent");
        assertEquals(LintSeverity.ERROR, f.severity());
        assertTrue(f.message().contains("`events` (1.1 GB, ~12 M rows)"), f.message());
    }

    @Test
    void aTableCreatedInTheSameMigrationIsEmpty() {
        List<LintFinding> fs = pg("CREATE TABLE \"t\" (\"id\" INT);\nCREATE INDEX \"t_idx\" ON \"t\"(\"id\");\nALTER TABLE \"t\" ADD COLUMN \"x\" INT NOT NULL;",
                Map.of("t", big(5_000_000)));
        assertEquals(LintSeverity.INFO, one(fs, "index-not-concurrent").severity());
        assertEquals(LintSeverity.INFO, one(fs, "required-column").severity());
        assertFalse(rules(fs).contains("missing-lock-timeout"), "nothing existing is locked");
    }

    @Test
    void requiredColumnFailsOnATableWithRowsAndShowsExpandContract() {
        LintFinding f = one(pg("ALTER TABLE \"events\" ADD COLUMN \"kind\" TEXT NOT NULL;", Map.of("events", big(20))), "required-column");
        assertEquals(LintSeverity.ERROR, f.severity());
        assertTrue(f.safe().contains("NOT NULL DEFAULT <value>") && f.safe().contains("VALIDATE CONSTRAINT"), f.safe());
        assertTrue(rules(pg("ALTER TABLE \"events\" ADD COLUMN \"kind\" TEXT NOT NULL DEFAULT 'a';")).stream()
                .noneMatch(r -> r.equals("required-column") || r.equals("volatile-default")), "a constant default is instant on 11+");
    }

    /** A table in another schema (several schemas, @@schema): the safe forms name it as the statement does. */
    @Test
    void safeFormsKeepTheTablesSchema() {
        LintFinding fk = one(pg("ALTER TABLE \"Weird Name\".\"W\" ADD CONSTRAINT \"W_uid_fkey\" FOREIGN KEY (\"uid\") REFERENCES \"base\".\"User\"(\"id\");"),
                "constraint-not-valid");
        assertTrue(fk.safe().contains("ALTER TABLE \"Weird Name\".\"W\" VALIDATE CONSTRAINT \"W_uid_fkey\""), fk.safe());
        assertFalse(fk.safe().contains("ALTER TABLE \"W\""), fk.safe());
        LintFinding nn = one(pg("ALTER TABLE auth.\"User\" ALTER COLUMN \"n\" SET NOT NULL;"), "set-not-null");
        assertTrue(nn.safe().contains("ALTER TABLE \"auth\".\"User\" ADD CONSTRAINT \"User_n_not_null\""), nn.safe());
        LintFinding plain = one(pg("ALTER TABLE \"User\" ALTER COLUMN \"n\" SET NOT NULL;"), "set-not-null");
        assertTrue(plain.safe().startsWith("ALTER TABLE \"User\" ADD CONSTRAINT"), plain.safe());
    }

    @Test
    void postgresRulesCoverWhatSquawkChecks() {
        assertEquals("volatile-default", one(pg("ALTER TABLE \"a\" ADD COLUMN \"u\" UUID DEFAULT gen_random_uuid();"), "volatile-default").rule());
        assertTrue(rules(pg("ALTER TABLE \"a\" ADD COLUMN \"c\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;")).stream().noneMatch(r -> r.contains("default")));
        assertTrue(rules(pg("ALTER TABLE \"a\" ADD COLUMN \"id\" SERIAL;")).contains("rewriting-column"));
        LintFinding fk = one(pg("ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES \"User\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE;"),
                "constraint-not-valid");
        assertTrue(fk.message().contains("`User`") && fk.safe().contains("NOT VALID;\nALTER TABLE \"Post\" VALIDATE CONSTRAINT \"Post_authorId_fkey\""), fk.safe());
        assertTrue(rules(pg("ALTER TABLE \"a\" ADD CONSTRAINT \"c\" FOREIGN KEY (\"b\") REFERENCES \"b\"(\"id\") NOT VALID;")).stream().noneMatch(r -> r.equals("constraint-not-valid")));
        assertTrue(rules(pg("ALTER TABLE \"a\" ADD CONSTRAINT \"c\" CHECK (\"x\" > 0);")).contains("constraint-not-valid"));
        LintFinding u = one(pg("ALTER TABLE \"a\" ADD CONSTRAINT \"a_x_key\" UNIQUE (\"x\");"), "unique-constraint");
        assertTrue(u.safe().contains("CREATE UNIQUE INDEX CONCURRENTLY \"a_x_key\" ON \"a\" (\"x\")") && u.safe().contains("UNIQUE USING INDEX"), u.safe());
        assertTrue(rules(pg("ALTER TABLE \"a\" ALTER COLUMN \"x\" SET DATA TYPE BIGINT;")).contains("type-change"));
        assertTrue(rules(pg("ALTER TABLE \"a\" ALTER COLUMN \"x\" SET DATA TYPE TEXT;")).contains("type-change"),
                "the old type unknown: it may be a rewrite");
        assertTrue(rules(pg("ALTER TABLE \"a\" ALTER COLUMN \"x\" SET NOT NULL;")).contains("set-not-null"));
        assertTrue(rules(pg("ALTER TABLE \"a\" DROP COLUMN \"x\";")).contains("drop-column"));
        assertTrue(rules(pg("ALTER TABLE \"a\" RENAME COLUMN \"x\" TO \"y\";")).contains("rename-column"));
        assertTrue(rules(pg("ALTER TABLE \"a\" RENAME TO \"b\";")).contains("rename-table"));
        assertTrue(rules(pg("DROP TABLE \"a\";")).contains("drop-table"));
        assertTrue(rules(pg("DROP INDEX \"a_idx\";")).contains("drop-index-not-concurrent"));
        // Concurrently or not, dropping an index waits behind the table's open transactions: a lock timeout bounds it.
        assertTrue(rules(pg("DROP INDEX CONCURRENTLY \"a_idx\";")).contains("missing-lock-timeout"));
        assertFalse(rules(pg("DROP INDEX CONCURRENTLY \"a_idx\";")).contains("drop-index-not-concurrent"));
        assertTrue(rules(pg("BEGIN;\nCREATE INDEX CONCURRENTLY \"i\" ON \"a\"(\"x\");\nCOMMIT;")).contains("concurrently-in-transaction"));
        assertFalse(rules(pg("CREATE INDEX CONCURRENTLY \"i\" ON \"a\"(\"x\");")).contains("concurrently-in-transaction"));
        assertFalse(rules(pg("SET lock_timeout = '2s';\nALTER TABLE \"a\" ADD COLUMN \"b\" INT;")).contains("missing-lock-timeout"));
        LintFinding referenced = one(pg("CREATE TABLE \"t\" (\"id\" INT, \"u\" INT);\nALTER TABLE \"t\" ADD CONSTRAINT \"t_u_fkey\" FOREIGN KEY (\"u\") REFERENCES \"User\"(\"id\");"),
                "missing-lock-timeout");
        assertEquals("User", referenced.table(), "a foreign key from a new table still locks the table it references");
    }

    @Test
    void typeChangeUsesTheLiveTypeToTellAWideningFromARewrite() {
        Map<String, LiveTable> live = Map.of("a", new LiveTable(new TableSize(1 << 30, 9_000_000),
                Map.of("name", "character varying(50)", "n", "integer"), Map.of()));
        assertFalse(rules(pg("ALTER TABLE \"a\" ALTER COLUMN \"name\" SET DATA TYPE VARCHAR(100);", live)).contains("type-change"));
        assertFalse(rules(pg("ALTER TABLE \"a\" ALTER COLUMN \"name\" SET DATA TYPE TEXT;", live)).contains("type-change"));
        assertTrue(rules(pg("ALTER TABLE \"a\" ALTER COLUMN \"name\" SET DATA TYPE VARCHAR(20);", live)).contains("type-change"));
        assertEquals(LintSeverity.ERROR, one(pg("ALTER TABLE \"a\" ALTER COLUMN \"n\" SET DATA TYPE BIGINT;", live), "type-change").severity());
    }

    @Test
    void ignoresNeedAReasonAndApplyToTheNextStatement() {
        String sql = "-- godwit-lint-ignore index-not-concurrent: the table holds a few rows\nCREATE INDEX \"i\" ON \"a\"(\"x\");\n"
                + "CREATE INDEX \"j\" ON \"a\"(\"y\");\n-- godwit-lint-ignore drop-table\nDROP TABLE \"b\";";
        List<LintFinding> fs = pg(sql);
        List<LintFinding> idx = fs.stream().filter(f -> f.rule().equals("index-not-concurrent")).toList();
        assertEquals("the table holds a few rows", idx.get(0).ignoredBecause());
        assertFalse(idx.get(1).ignored());
        assertFalse(one(fs, "drop-table").ignored(), "no reason, no ignore");
        assertTrue(rules(fs).contains("ignore-without-reason"));
        LintSettings project = new LintSettings(Thresholds.DEFAULT, Map.of("drop-table", "godwit.toml"), false);
        List<LintFinding> withProject = new Linter(Dialect.of(Provider.POSTGRESQL), project).lint(List.of(new Linter.Source("m", sql))).get(0).findings();
        assertTrue(one(withProject, "drop-table").ignored());
    }

    @Test
    void unknownSyntaxNeverFails() {
        List<LintFinding> fs = pg("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nDO $$ BEGIN END $$;\nALTER TABLE;\nGRANT ALL ON x TO y;\n)(;");
        assertTrue(rules(fs).isEmpty(), rules(fs).toString());
    }

    @Test
    void mariadbOnlineDdl() {
        ServerFacts maria = new ServerFacts("MariaDB", 10, 11, 6);
        Map<String, LiveTable> live = Map.of("Post", new LiveTable(new TableSize(3L << 30, 20_000_000),
                Map.of("title", "varchar(191)", "n", "int(11)", "kind", "enum('a','b')"), Map.of("title", false, "n", true)));
        LintFinding fk = one(my("ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;",
                maria, live), "constraint-not-valid");
        assertEquals(LintSeverity.ERROR, fk.severity());
        assertTrue(fk.lock().startsWith("ALGORITHM=COPY") && fk.message().contains("MariaDB 10.11.6"), fk.message());
        assertTrue(fk.safe().contains("SET FOREIGN_KEY_CHECKS = 0;"), fk.safe());
        assertTrue(rules(my("SET FOREIGN_KEY_CHECKS = 0;\nALTER TABLE `Post` ADD CONSTRAINT `f` FOREIGN KEY (`a`) REFERENCES `User`(`id`);", maria, live))
                .stream().noneMatch(r -> r.equals("constraint-not-valid")));
        assertTrue(rules(my("ALTER TABLE `Post` ADD COLUMN `x` INTEGER NOT NULL;", maria, live)).stream().noneMatch(r -> !r.equals("missing-lock-timeout")),
                "instant on MariaDB 10.4+");
        assertTrue(rules(my("ALTER TABLE `Post` ADD COLUMN `x` INTEGER AFTER `n`;", new ServerFacts("MySQL", 8, 0, 20), live)).contains("table-rebuild"));
        LintFinding idx = one(my("CREATE INDEX `Post_title_idx` ON `Post`(`title`);", maria, live), "index-not-concurrent");
        assertEquals(LintSeverity.WARNING, idx.severity(), "online build: never an error");
        assertTrue(rules(my("ALTER TABLE `Post` MODIFY `n` BIGINT NULL;", maria, live)).contains("type-change"));
        assertTrue(rules(my("ALTER TABLE `Post` MODIFY `title` VARCHAR(191) NULL;", maria, live)).contains("set-not-null"));
        assertFalse(rules(my("ALTER TABLE `Post` MODIFY `kind` ENUM('a', 'b', 'c') NOT NULL;", maria, Map.of())).contains("drop-column"));
        assertTrue(rules(my("ALTER TABLE `Post` RENAME COLUMN `a` TO `b`;", maria, live)).contains("rename-column"));
        assertTrue(rules(my("ALTER TABLE `Post` DROP COLUMN `a`;", maria, live)).contains("drop-column"));
        assertFalse(rules(my("SET SESSION lock_wait_timeout = 5;\nALTER TABLE `Post` DROP COLUMN `a`;", maria, live)).contains("missing-lock-timeout"));
    }

    @Test
    void mysqlTypeVerdicts() {
        assertEquals("INSTANT", dev.godwit.engine.dialect.mysql.MysqlLintRulesProbe.verdict("varchar(20)", "varchar(40)"));
        assertEquals("COPY", dev.godwit.engine.dialect.mysql.MysqlLintRulesProbe.verdict("varchar(20)", "varchar(100)"));
        assertEquals("INSTANT", dev.godwit.engine.dialect.mysql.MysqlLintRulesProbe.verdict("enum('a','b')", "enum('a','b','c')"));
        assertEquals("COPY", dev.godwit.engine.dialect.mysql.MysqlLintRulesProbe.verdict("int(11)", "bigint"));
    }
}
