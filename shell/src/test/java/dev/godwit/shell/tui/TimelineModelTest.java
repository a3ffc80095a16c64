package dev.godwit.shell.tui;

import dev.godwit.engine.migrate.MigrationState;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The timeline's state without a terminal. */
class TimelineModelTest {
    @TempDir
    Path tmp;

    private TimelineModel model(StatusReport r) {
        return new TimelineModel(r, Provider.POSTGRESQL, ZoneOffset.UTC);
    }

    private static String selected(TimelineModel m) {
        return m.selected().map(MigrationStatus::name).orElse(null);
    }

    @Test
    void rowsOldestFirstWithMarkStateWhenDurationAndAttempts() {
        TimelineModel m = model(Histories.everyState(tmp));
        assertEquals(7, m.size());
        assertEquals("20250101090000_init", m.row(0).name());
        String row = m.rowLine(m.row(1), 80).text();
        assertEquals("✎ 20250108120000_add_posts        edited       2025-01-08 12:00      1.5 s   1", row);
        assertEquals(78, row.length(), "the row and its selector fill 80 columns");
        assertTrue(m.rowLine(m.row(4), 80).text().contains("1 min 05 s"));
        assertEquals(TimelineModel.heading(80).indexOf("State"), 2 + row.indexOf("edited"), "columns line up with the heading (rows start at column 2)");
    }

    @Test
    void filterMatchesNameOrStateAndKeepsTheSelection() {
        TimelineModel m = model(Histories.everyState(tmp));
        m.moveBy(3);
        assertEquals(Histories.FAILED_NAME, selected(m));
        m.setFilter("ROLLED");
        assertEquals(1, m.size());
        assertEquals("20250114000000_backfill", selected(m));
        m.setFilter("out of order");
        assertEquals(MigrationState.OUT_OF_ORDER, m.row(0).state());
        m.setFilter("legacy");
        assertEquals(Histories.FAILED_NAME, selected(m));
        m.setFilter("");
        assertEquals(7, m.size());
        assertEquals(Histories.FAILED_NAME, selected(m), "clearing the filter keeps the selected migration");
        m.setFilter("nothing like this");
        assertEquals(0, m.size());
        assertTrue(m.selected().isEmpty());
        m.moveBy(1);
        m.end();
        assertTrue(m.detail(80).get(0).text().contains("No migration matches"));
    }

    @Test
    void scrollingWindowFollowsTheSelection() {
        TimelineModel m = model(Histories.many(2000));
        assertEquals(0, m.top(10));
        m.moveBy(15);
        assertEquals(6, m.top(10), "just enough to show row 15 at the bottom");
        m.moveBy(-10);
        assertEquals(5, m.top(10));
        m.end();
        assertEquals(1990, m.top(10));
        m.moveBy(-1_000_000);
        assertEquals(0, m.selectedIndex());
        assertEquals(0, m.top(10));
    }

    @Test
    void expandingIsPerMigrationAndReplaceKeepsSelectionAndFilter() {
        StatusReport r = Histories.everyState(tmp);
        TimelineModel m = model(r);
        m.moveBy(3);
        m.toggleExpanded();
        assertTrue(m.isExpanded(Histories.FAILED_NAME));
        assertTrue(m.detail(80).stream().anyMatch(l -> l.text().startsWith("Attempt 2  failed")));
        m.moveBy(1);
        assertFalse(m.isExpanded(m.selected().orElseThrow().name()));

        List<MigrationStatus> fewer = new ArrayList<>(r.migrations());
        fewer.remove(0);
        m.replace(new StatusReport(r.database(), r.serverVersion(), true, fewer, Optional.empty(), List.of()));
        assertEquals("20250112000000_hotfix", selected(m));
        assertEquals(6, m.size());
    }

    @Test
    void detailMarksEveryLineOfTheFailingStatement() {
        StatusReport r = Histories.everyState(tmp);
        MigrationStatus failed = r.migrations().get(3);
        String logs = Histories.FAILED_LOGS.replace("statement 2 of 3 (migration.sql line 4", "statement 3 of 3 (migration.sql line 5");
        MigrationStatus atThird = new MigrationStatus(failed.name(), failed.state(), failed.local(),
                List.of(new dev.godwit.engine.migrate.HistoryRecord("x", "c", null, failed.name(), logs, null,
                        Histories.t("2025-01-11T10:00:00Z"), 0)));
        List<String> lines = new TimelineDetail(atThird, false, 80, Provider.POSTGRESQL, ZoneOffset.UTC).lines()
                .stream().map(Line::text).toList();
        assertTrue(lines.contains("▶5 DROP TABLE"), lines.toString());
        assertTrue(lines.contains("▶6   legacy_2;"), "a statement over two lines is marked on both");
        assertTrue(lines.contains(" 4 DROP TABLE legacy;"), lines.toString());
    }

    @Test
    void sqlHighlightingFindsKeywordsStringsCommentsAndDestructiveWords() {
        List<Line> lines = SqlHighlight.lines("-- drop comment\nDROP TABLE t; /* a\nb */ SELECT 'it''s', $$ delete $$;\tx");
        assertEquals(3, lines.size());
        assertEquals(List.of(new Line.Span("-- drop comment", Tone.COMMENT)), lines.get(0).spans());
        assertEquals(new Line.Span("DROP", Tone.DANGER), lines.get(1).spans().get(0));
        assertEquals(new Line.Span("TABLE", Tone.KEYWORD), lines.get(1).spans().get(2));
        assertTrue(lines.get(1).spans().contains(new Line.Span("/* a", Tone.COMMENT)));
        assertEquals(new Line.Span("b */", Tone.COMMENT), lines.get(2).spans().get(0));
        assertTrue(lines.get(2).spans().contains(new Line.Span("'it''s'", Tone.STRING)));
        assertTrue(lines.get(2).spans().contains(new Line.Span("$$ delete $$", Tone.STRING)), "dollar quotes are strings");
        assertTrue(lines.get(2).text().endsWith(";    x"), "tabs become spaces");
    }

    @Test
    void problemsAreReachedWithNAndTheFirstOneFirst() {
        TimelineModel m = model(Histories.everyState(tmp));
        assertTrue(m.nextProblem(1, true));
        assertEquals("20250108120000_add_posts", selected(m), "the first problem: an edited migration");
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < m.problems(); i++) {
            m.nextProblem(1, false);
            visited.add(selected(m));
        }
        assertEquals(List.of("20250109000000_late_branch", Histories.FAILED_NAME, "20250112000000_hotfix", "20250108120000_add_posts"),
                visited, "n visits every problem in order and wraps around");
        m.nextProblem(-1, false);
        assertEquals("20250112000000_hotfix", selected(m), "N goes back");
        m.setFilter("pending");
        assertFalse(m.nextProblem(1, false), "no problem among pending migrations");
    }

    @Test
    void aMigrationThatLeavesTheFilterAfterAChangeStaysSelectedAndTheFilterGoes() {
        TimelineModel m = model(Histories.everyState(tmp));
        m.setFilter("failed");
        assertEquals(Histories.FAILED_NAME, selected(m));
        StatusReport before = Histories.everyState(tmp);
        List<MigrationStatus> resolved = new ArrayList<>();
        for (MigrationStatus s : before.migrations()) {
            resolved.add(s.name().equals(Histories.FAILED_NAME)
                    ? new MigrationStatus(s.name(), MigrationState.ROLLED_BACK, s.local(), List.of()) : s);
        }
        m.replace(new StatusReport(before.database(), before.serverVersion(), true, resolved, Optional.empty(), List.of()));
        assertEquals(Histories.FAILED_NAME, selected(m), "not \"No migration matches\"");
        assertEquals("", m.filter());
        assertEquals("failed", m.takeDroppedFilter());
        assertNull(m.takeDroppedFilter(), "said once");
    }
}
