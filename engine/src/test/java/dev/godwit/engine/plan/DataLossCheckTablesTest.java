package dev.godwit.engine.plan;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.schema.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unique-index and primary-key warnings name the tables the database already has, and only
 * those, on a schema of thousands of tables (where each change once scanned every table).
 */
class DataLossCheckTablesTest {
    private static final int TABLES = 3000;

    private static Schema schema(boolean uniqueEmails, boolean newTable) {
        StringBuilder sb = new StringBuilder("datasource db {\n  provider = \"postgresql\"\n}\n");
        for (int i = 0; i < TABLES; i++) {
            sb.append("model T").append(i).append(" {\n  id Int @id\n  email String").append(uniqueEmails ? " @unique" : "").append("\n}\n");
        }
        if (newTable) {
            sb.append("model Fresh {\n  id Int @id\n  email String @unique\n}\n");
        }
        return Psl.parse("schema.prisma", sb.toString()).toSchema("public");
    }

    @Test
    void uniqueIndexesWarnOnExistingTablesOnly() {
        Schema current = schema(false, false);
        List<Change> changes = Differ.diff(current, schema(true, true));
        List<Finding> findings = DataLossCheck.check(changes, current, null);
        assertEquals(TABLES, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.message().startsWith("A unique constraint covering the columns `[email]` on the table `T")),
                findings.get(0).message());
        assertTrue(findings.stream().noneMatch(f -> f.message().contains("`Fresh`")));
        assertTrue(findings.stream().anyMatch(f -> f.message().contains("on the table `T" + (TABLES - 1) + "`")));
    }
}
