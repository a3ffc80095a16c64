package dev.godwit.engine.lint;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafePlanTest {
    private static final Dialect PG = Dialect.of(Provider.POSTGRESQL);

    @Test
    void prismaIndexAndRequiredColumnBecomeExpandConcurrentlyAndContract() {
        String script = """
                /*
                  Warnings:

                  - Added the required column `source` to the `events` table without a default value. This is not possible if the table is not empty.

                */
                -- AlterTable
                ALTER TABLE "events" ADD COLUMN     "source" TEXT NOT NULL,
                ADD COLUMN     "note" TEXT;

                -- CreateIndex
                CREATE INDEX "events_kind_idx" ON "events"("kind");

                -- AddForeignKey
                ALTER TABLE "events" ADD CONSTRAINT "events_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
                """;
        SafePlan safe = SafePlan.of(script, PG);
        assertTrue(safe.rewritten(script));
        List<SafePlan.Step> steps = safe.steps();
        assertEquals(List.of("", "_concurrently_events_kind_idx", "_validate"), steps.stream().map(SafePlan.Step::suffix).toList());
        String first = steps.get(0).script();
        assertTrue(first.startsWith("/*\n  Warnings:"), first);
        assertTrue(first.contains("-- AlterTable\nALTER TABLE \"events\" ADD COLUMN \"source\" TEXT,\nADD COLUMN \"note\" TEXT;"), first);
        assertFalse(first.contains("CREATE INDEX"), first);
        assertTrue(first.contains("ON UPDATE CASCADE NOT VALID;"), first);
        assertEquals("CREATE INDEX CONCURRENTLY \"events_kind_idx\" ON \"events\"(\"kind\");\n", steps.get(1).script());
        String last = steps.get(2).script();
        assertTrue(last.contains("ALTER TABLE \"events\" VALIDATE CONSTRAINT \"events_userId_fkey\";"), last);
        assertTrue(last.contains("-- UPDATE \"events\" SET \"source\" = <value> WHERE \"source\" IS NULL;"), last);
        assertTrue(last.contains("ALTER TABLE \"events\" ALTER COLUMN \"source\" SET NOT NULL;"), last);
        // Every step lints clean of the hazards it was rewritten for.
        for (SafePlan.Step s : steps) {
            List<String> rules = new Linter(PG, LintSettings.DEFAULT).lint(List.of(new Linter.Source("s", s.script()))).get(0).standing()
                    .stream().map(LintFinding::rule).toList();
            assertTrue(rules.stream().noneMatch(r -> r.equals("index-not-concurrent") || r.equals("constraint-not-valid")
                    || r.equals("required-column") || r.equals("set-not-null") || r.equals("concurrently-in-transaction")), s.suffix() + ": " + rules);
        }
    }

    @Test
    void newTablesAndSafeStatementsStayAsTheyAre() {
        String script = "CREATE TABLE \"t\" (\"id\" INT);\nCREATE INDEX \"t_idx\" ON \"t\"(\"id\");\nALTER TABLE \"u\" ADD COLUMN \"x\" INT;\n";
        SafePlan safe = SafePlan.of(script, PG);
        assertFalse(safe.rewritten(script), safe.steps().toString());
    }

    @Test
    void mysqlIndexesArePinnedToAnOnlineBuild() {
        String script = "-- CreateIndex\nCREATE INDEX `Post_title_idx` ON `Post`(`title`);\n";
        SafePlan safe = SafePlan.of(script, Dialect.of(Provider.MYSQL));
        assertEquals("-- CreateIndex\nCREATE INDEX `Post_title_idx` ON `Post`(`title`) ALGORITHM=INPLACE LOCK=NONE;\n", safe.steps().get(0).script());
    }
}
