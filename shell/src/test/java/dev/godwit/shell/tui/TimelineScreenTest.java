package dev.godwit.shell.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.StatusReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The timeline on Lanterna's virtual terminal: golden screens, keys, dialogs, resizes. */
class TimelineScreenTest {
    @TempDir
    Path tmp;

    private Headless every() {
        return new Headless(Histories.everyState(tmp));
    }

    @Test
    void everyStateAt80x24() {
        Headless h = every();
        Golden.check("timeline-every-state", h.text());
    }

    @Test
    void failedMigrationShowsErrorResolveReasonAndMarksTheFailingStatement() {
        Headless h = every().keys("<Down><Down><Down>");
        Golden.check("timeline-failed-selected", h.text());
        String text = h.text();
        assertTrue(text.contains("▸ ✘ 20250110080000_drop_legacy"), text);
        assertTrue(text.contains("ERROR: table \"legacy\" does not exist"), text);
        assertTrue(text.contains("resolved as rolled back by ops with godwit: lock"), text);
        assertTrue(text.contains("▶ statement 2 of 3 failed (line 4)"), text);
        assertTrue(text.contains(" ▶4 DROP TABLE legacy;"), text);
        assertFalse(text.contains("▶2 "), text);
    }

    @Test
    void theReadmeShowsTheCurrentScreen() throws Exception {
        String screen = every().keys("<Down><Down><Down>").text().stripTrailing();
        String readme = java.nio.file.Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```\n" + screen + "\n```"), "README's Screens section is out of date; paste:\n" + screen);
    }

    @Test
    void enterExpandsEveryAttemptWithTimesAndLogs() {
        Headless h = every().keys("<End><Up><Up><Up>");
        assertTrue(h.text().contains("▸ ✘ 20250110080000_drop_legacy"), h.text());
        assertFalse(h.text().contains("Attempt 1  rolled back"));
        h.keys("<Enter>");
        Golden.check("timeline-failed-expanded", h.text());
        assertTrue(h.text().contains("Attempt 1  rolled back 2025-01-10 08:30:00 (started 2025-01-10 08:00:00)"), h.text());
        h.keys("JJJJJJJJJJJJ");
        assertTrue(h.text().contains("Attempt 2  failed, started 2025-01-11 10:00:00, never finished"), h.text());
        h.keys("<Enter>");
        assertFalse(h.text().contains("Attempt 1  rolled back"), "Enter again hides the attempts");
    }

    @Test
    void editedShowsBothChecksumsAndMissingSaysThereIsNoFile() {
        Headless h = every().keys("<Down>");
        String text = h.text();
        assertTrue(text.contains("Checksums differ"), text);
        assertTrue(text.contains("recorded " + "0".repeat(64)), text);
        h.keys("<Down><Down><Down>");
        assertTrue(h.text().contains("20250112000000_hotfix  ? missing locally"), h.text());
        assertTrue(h.text().contains("No migration.sql here"), h.text());
    }

    @Test
    void filterByStateOrNameThenEscShowsAllAgain() {
        Headless h = every().keys("/fail");
        String text = h.text();
        assertTrue(text.contains("▸ ✘ 20250110080000_drop_legacy"), text);
        assertFalse(text.contains("20250101090000_init"), text);
        assertTrue(text.contains("/fail█"), text);
        assertTrue(text.contains("filter \"fail\"  1/1 of 7"), text);
        h.keys("<Enter>");
        assertFalse(h.text().contains("/fail█"), "Enter leaves the filter line and keeps the filter");
        assertTrue(h.text().contains("filter \"fail\""), h.text());

        h.keys("<Esc>");
        assertTrue(h.text().contains("20250101090000_init"), "Esc clears the filter");
        assertTrue(h.text().contains("▸ ✘ 20250110080000_drop_legacy"), "the selection stays on the same migration");
        assertFalse(h.timeline.isDone());

        h.keys("/post<Enter>");
        assertTrue(h.text().contains("20250108120000_add_posts"), h.text());
        assertFalse(h.text().contains("20250110080000_drop_legacy"), h.text());
        h.keys("/<BS><BS><BS><BS>rolled<Enter>");
        assertTrue(h.text().contains("▸ ↺ 20250114000000_backfill"), h.text());
        h.keys("/<BS><BS><BS><BS><BS><BS>zzz<Enter>");
        assertTrue(h.text().contains("No migration matches \"zzz\""), h.text());
    }

    @Test
    void moveWithArrowsPagesHomeEndAndQuitWithQ() {
        Headless h = every();
        h.keys("<End>");
        assertTrue(h.text().contains("▸ … 20250120000000_add_comments"), h.text());
        h.keys("<Home>");
        assertTrue(h.text().contains("▸ ✔ 20250101090000_init"), h.text());
        h.keys("<PgDn>");
        assertTrue(h.text().contains("▸ … 20250120000000_add_comments"), h.text());
        h.keys("<Up>k");
        assertTrue(h.text().contains("▸ ? 20250112000000_hotfix"), h.text());
        h.keys("?");
        assertTrue(h.text().contains("Any key closes this help."), h.text());
        h.keys("x");
        assertFalse(h.text().contains("Any key closes this help."), h.text());
        assertFalse(h.timeline.isDone());
        h.keys("q");
        assertTrue(h.timeline.isDone());
        assertTrue(every().keys("<Esc>").timeline.isDone(), "Esc leaves too");
    }

    @Test
    void aFailingStatementFarDownTheScriptIsScrolledIntoView() {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i < 40; i++) {
            sql.append("INSERT INTO t VALUES (").append(i).append(");\n");
        }
        sql.append("INSERT INTO t VALUES ('boom');\n");
        for (int i = 41; i <= 60; i++) {
            sql.append("INSERT INTO t VALUES (").append(i).append(");\n");
        }
        var local = Histories.local(tmp, "20250301000000_long", sql.toString());
        String logs = "Migration `20250301000000_long` failed at statement 40 of 60 (migration.sql line 40, column 1).\n\n"
                + "Database error:\nERROR: invalid input syntax for type integer: \"boom\"\n";
        var failed = new dev.godwit.engine.migrate.MigrationStatus(local.name(), dev.godwit.engine.migrate.MigrationState.FAILED,
                java.util.Optional.of(local), List.of(new dev.godwit.engine.migrate.HistoryRecord("f", local.checksum(), null,
                local.name(), logs, null, Histories.t("2025-03-01T00:00:00Z"), 0)));
        StatusReport base = Histories.everyState(tmp);
        List<dev.godwit.engine.migrate.MigrationStatus> ms = new ArrayList<>(base.migrations());
        ms.add(failed);
        Headless h = new Headless(new StatusReport("blog", "PostgreSQL 17.2", true, ms, java.util.Optional.empty(), List.of()));
        h.keys("<End>");
        String text = h.text();
        assertTrue(text.contains("▶40 INSERT INTO t VALUES ('boom');"), text);
        assertTrue(text.contains("more above: K"), text);
        h.keys("KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK");
        assertTrue(h.text().contains("20250301000000_long  ✘ failed  1 attempt"), h.text());
        assertFalse(h.text().contains("more above"), h.text());
        h.keys("<Up><Down>");
        assertTrue(h.text().contains("▶40 INSERT"), "selecting it again scrolls to the statement again");
    }

    @Test
    void resolveAsksForAReasonAndDefaultsToNo() {
        Headless h = every().keys("<Down><Down><Down>r");
        assertTrue(h.text().contains("Resolve 20250110080000_drop_legacy as rolled back"), h.text());
        h.keys("table was dropped by hand<Enter>");
        Golden.check("timeline-resolve-confirm", h.text());
        assertTrue(h.text().contains("[y/N]"), h.text());
        h.keys("<Enter>");
        assertEquals(List.of(), h.calls, "Enter means no");
        assertTrue(h.text().contains("Not resolved: nothing changed."), h.text());

        h.keys("rwhy<Esc>");
        assertEquals(List.of(), h.calls, "Esc cancels");

        h.keys("rdone by hand<Enter>y");
        assertEquals(List.of("rolled-back 20250110080000_drop_legacy (done by hand)"), h.calls);
        assertTrue(h.text().contains("Marked 20250110080000_drop_legacy as rolled back"), h.text());

        h.keys("a<Enter>y");
        assertEquals("applied 20250110080000_drop_legacy ()", h.calls.get(1));
    }

    @Test
    void resolveOnlyOnAFailedMigration() {
        Headless h = every().keys("r");
        assertTrue(h.text().contains("r resolves a failed migration; 20250101090000_init is applied."), h.text());
        assertFalse(h.text().contains("Reason"), h.text());
        assertEquals(List.of(), h.calls);
    }

    @Test
    void onProductionTheDatabaseNameMustBeTyped() {
        Headless h = new Headless(Histories.everyState(tmp), 80, 24, new TimelineScreen.Options(false, true, "blog_prod"), null);
        h.keys("<Down><Down><Down>rhotfix<Enter>");
        assertTrue(h.text().contains("This is a production database. Type its name, blog_prod, to confirm:"), h.text());
        h.keys("y<Enter>");
        assertEquals(List.of(), h.calls, "y is not the database name");
        assertTrue(h.text().contains("Not resolved: the name typed is not blog_prod."), h.text());
        h.keys("rhotfix<Enter>blog_prod<Enter>");
        assertEquals(List.of("rolled-back 20250110080000_drop_legacy (hotfix)"), h.calls);
    }

    @Test
    void aFailingResolveIsShownAndTheScreenStays() {
        StatusReport r = Histories.everyState(tmp);
        TimelineScreen.Actions failing = new TimelineScreen.Actions() {
            @Override
            public StatusReport reload() {
                return r;
            }

            @Override
            public void resolveRolledBack(String name, String reason) {
                throw new GodwitException(ErrorKind.CONNECTION, "could not take the migration lock within 10 s");
            }

            @Override
            public void resolveApplied(String name, String reason) {
                throw new AssertionError();
            }
        };
        Headless h = new Headless(r, 80, 24, new TimelineScreen.Options(false, false, "blog"), failing);
        h.keys("<Down><Down><Down>r<Enter>y");
        assertTrue(h.text().contains("could not take the migration lock within 10 s"), h.text());
        assertFalse(h.timeline.isDone());
    }

    @Test
    void followsResizesAndSaysWhenTooSmall() {
        Headless h = every().keys("<Down><Down><Down>");
        h.resize(120, 40);
        String wide = h.text();
        assertEquals(40, wide.split("\n").length);
        assertTrue(wide.lines().anyMatch(l -> l.length() > 100 && l.contains("─ 4/7 ─")), wide);
        assertTrue(wide.contains("▸ ✘ 20250110080000_drop_legacy"), wide);

        h.resize(79, 24);
        Golden.check("timeline-too-small", h.text());
        assertTrue(h.text().contains("The timeline needs at least 80×24;"), h.text());
        assertTrue(h.text().contains("this terminal is 79×24."), h.text());
        h.resize(80, 23);
        assertTrue(h.text().contains("this terminal is 80×23."), h.text());

        h.resize(80, 24);
        assertTrue(h.text().contains("▸ ✘ 20250110080000_drop_legacy"), h.text());
        h.keys("q");
        assertTrue(h.timeline.isDone(), "q works on the too-small screen as well");
    }

    @Test
    void twoThousandMigrationsDrawOnlyWhatIsVisibleAndStayQuick() {
        Headless h = new Headless(Histories.many(2000));
        long start = System.nanoTime();
        h.keys("<End>");
        assertTrue(h.text().contains("▸ ✔ 20200101001999_step_1999"), h.text());
        assertTrue(h.text().contains("2000/2000"), h.text());
        assertEquals(10, h.timeline.rowsDrawn(), "a frame formats only the rows that fit");
        for (int i = 0; i < 200; i++) {
            h.keys(i % 2 == 0 ? "<PgUp>" : "<Up>");
        }
        assertEquals(10, h.timeline.rowsDrawn());
        h.keys("<Home>");
        assertTrue(h.text().contains("▸ ✔ 20200101000000_step_0000"), h.text());
        h.keys("/step_1234<Enter>");
        assertTrue(h.text().contains("▸ ✔ 20200101001234_step_1234"), h.text());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 20_000, "200 moves and redraws over 2,000 rows took " + ms + " ms");
        assertEquals(1, h.text().lines().filter(l -> l.contains("_step_")).count() - 1, "only the filtered row and the detail title");
    }

    @Test
    void anEmptyHistorySaysSo() {
        Headless h = new Headless(new StatusReport("fresh", "PostgreSQL 17.2", false, List.of(), java.util.Optional.empty(), List.of()));
        assertTrue(h.text().contains("No migrations yet."), h.text());
        assertTrue(h.text().contains("0 migrations"), h.text());
        h.keys("<Down><End><Enter>r/x<Enter><Esc>");
        assertFalse(h.timeline.isDone());
        assertEquals(List.of(), h.calls);
        h.keys("q");
        assertTrue(h.timeline.isDone());
    }

    @Test
    void coloursByStateAndNoneWithNoColor() {
        Headless coloured = new Headless(Histories.everyState(tmp), 80, 24, new TimelineScreen.Options(true, false, "blog"), null);
        int failedRow = coloured.rowOf("20250110080000_drop_legacy");
        TextCharacter mark = coloured.at(2, failedRow);
        assertEquals("✘", mark.getCharacterString());
        assertEquals(TextColor.ANSI.RED, mark.getForegroundColor());
        assertEquals(TextColor.ANSI.GREEN, coloured.at(2, coloured.rowOf("20250101090000_init")).getForegroundColor());
        coloured.keys("<Down><Down><Down>");
        int dropRow = coloured.rowOf("▶4 DROP TABLE legacy;");
        int x = coloured.text().split("\n")[dropRow].indexOf("DROP");
        assertEquals(TextColor.ANSI.RED, coloured.at(x, dropRow).getForegroundColor(), "destructive words in red");
        int createRow = coloured.rowOf(" 2 CREATE TABLE archive");
        int c = coloured.text().split("\n")[createRow].indexOf("CREATE");
        assertEquals(TextColor.ANSI.BLUE_BRIGHT, coloured.at(c, createRow).getForegroundColor(), "keywords");
        int s = coloured.text().split("\n")[createRow].indexOf("'none'");
        assertEquals(TextColor.ANSI.GREEN, coloured.at(s, createRow).getForegroundColor(), "strings");

        Headless plain = every();
        List<TextColor> colours = new ArrayList<>();
        for (int y = 0; y < 24; y++) {
            for (int xx = 0; xx < 80; xx++) {
                TextCharacter ch = plain.at(xx, y);
                colours.add(ch.getForegroundColor());
                colours.add(ch.getBackgroundColor());
            }
        }
        assertTrue(colours.stream().allMatch(col -> col == TextColor.ANSI.DEFAULT), "no colours at all without colour");
        assertTrue(plain.at(0, plain.rowOf("▸ ✔ 20250101090000_init")).getModifiers().contains(SGR.REVERSE),
                "the selection is still visible (reverse video)");
    }

    @Test
    void dOpensTheDriftReportOnTheSameScreenAndQComesBack() {
        Headless h = every().keys("<Down><Down><Down>");
        h.keys("d");
        assertTrue(h.text().contains("The drift report is not available here."), h.text());

        DriftHeadless fake = new DriftHeadless(Drifts.report());
        h.driftActions = fake.recorder();
        fake.afterAdopt = Drifts.report();
        h.keys("d");
        assertNotNull(h.timeline.driftScreen());
        String drift = h.text();
        assertTrue(drift.contains(" Drift localhost/blog  7 differences in 4 tables"), drift);
        assertTrue(drift.contains("[Adopt as migration]"), drift);
        assertFalse(drift.contains("Timeline"), drift);
        h.keys("<Down><Tab>");
        assertTrue(h.text().contains("[Revert to history]"), "keys go to the drift report while it is open");
        h.keys("q");
        assertNull(h.timeline.driftScreen());
        assertFalse(h.timeline.isDone(), "q in the drift report goes back to the timeline, not to the shell");
        assertTrue(h.text().contains("▸ ✘ 20250110080000_drop_legacy"), "the timeline as it was: " + h.text());
        h.keys("d<Esc>");
        assertTrue(h.text().contains(" Timeline "), h.text());
        assertEquals(List.of("check", "check"), fake.calls);
        h.keys("q");
        assertTrue(h.timeline.isDone());
    }
}
