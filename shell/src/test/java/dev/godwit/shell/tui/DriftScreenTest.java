package dev.godwit.shell.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The drift report on Lanterna's virtual terminal: golden screens, keys, the adopt dialog, resizes. */
class DriftScreenTest {
    @TempDir
    Path tmp;

    @Test
    void treeAndAdoptScriptAt80x24() {
        DriftHeadless h = new DriftHeadless(Drifts.report());
        Golden.check("drift-report", h.text());
        assertTrue(h.text().contains(" Drift localhost/blog  7 differences in 4 tables, 1 edited migration(s)"), h.text());
        assertTrue(h.text().contains("[Adopt as migration]"), h.text());
    }

    @Test
    void selectAChangedTableThenTheRevertScript() {
        DriftHeadless h = new DriftHeadless(Drifts.report()).keys("<Down><Down><Down><Down><Down>");
        assertTrue(h.text().contains("▸ ▾ ~ table users  changed"), h.text());
        assertTrue(h.text().contains("ADD COLUMN     \"nickname\" TEXT"), h.text());
        h.keys("<Tab>");
        Golden.check("drift-users-revert", h.text());
        assertTrue(h.text().contains("[Revert to history]"), h.text());
        assertTrue(h.text().contains("DROP COLUMN \"nickname\""), h.text());
        assertTrue(h.text().contains("SET DATA TYPE INTEGER"), h.text());
        h.keys("s");
        assertTrue(h.text().contains("[Adopt as migration]"), "s switches back");
    }

    @Test
    void theReadmeShowsTheCurrentScreen() throws Exception {
        String text = new DriftHeadless(Drifts.report()).keys("<Down><Down><Down><Down><Down>").text();
        Golden.check("drift-users-adopt", text);
        String screen = text.stripTrailing();
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```\n" + screen + "\n```"), "README's Screens section is out of date; paste:\n" + screen);
    }

    @Test
    void foldAndUnfoldWithArrowsEnterAndC() {
        DriftHeadless h = new DriftHeadless(Drifts.report()).keys("<Down><Down><Down>");
        assertTrue(h.text().contains("▸ ▾ ~ table posts  changed"), h.text());
        assertTrue(h.text().contains("- index posts_user_id_idx (user_id)"), h.text());
        h.keys("<Left>");
        assertTrue(h.text().contains("▸ ▸ ~ table posts  changed"), h.text());
        assertFalse(h.text().contains("- index posts_user_id_idx (user_id)"), h.text());
        h.keys("<Right><Right>");
        assertTrue(h.text().contains("▸     - index posts_user_id_idx (user_id)"), "→ opens, → again goes to the first detail: " + h.text());
        assertTrue(h.text().contains("DROP INDEX \"posts_user_id_idx\""), h.text());
        h.keys("<Left>");
        assertTrue(h.text().contains("▸ ▾ ~ table posts  changed"), "← on a detail selects its table: " + h.text());
        h.keys("<Enter>");
        assertFalse(h.text().contains("posts_user_id_idx (user_id)"), h.text());
        h.keys("<Enter>c");
        assertFalse(h.text().contains("+ column nickname"), "c closes every table: " + h.text());
        assertTrue(h.text().contains("▸ Not managed by godwit"), h.text());
        h.keys("c");
        assertTrue(h.text().contains("+ column nickname"), h.text());
    }

    @Test
    void movePagesScrollsTheTreeAndHomeEnd() {
        DriftHeadless h = new DriftHeadless(Drifts.report());
        h.keys("<End>");
        assertTrue(h.text().contains("▸     · trigger users.users_audit"), h.text());
        assertTrue(h.text().contains("AFTER UPDATE ON users EXECUTE FUNCTION audit_row()"), h.text());
        assertFalse(h.text().contains("All differences"), "the tree scrolled: " + h.text());
        assertTrue(h.text().contains("21/21"), h.text());
        h.keys("<Home>");
        assertTrue(h.text().contains("▸   All differences"), h.text());
        assertTrue(h.drift.rowsDrawn() < h.drift.model().size(), "only visible rows are drawn");
        h.keys("<PgDn>jk");
        assertTrue(h.text().contains("/21"), h.text());
    }

    @Test
    void helpShowsTheKeysAndQLeaves() {
        DriftHeadless h = new DriftHeadless(Drifts.report()).keys("?");
        assertTrue(h.text().contains("w                 write the adopt script as a migration, marked applied"), h.text());
        h.keys("x");
        assertFalse(h.text().contains("Any key closes this help."), h.text());
        assertFalse(h.drift.isDone());
        h.keys("q");
        assertTrue(h.drift.isDone());
        assertTrue(new DriftHeadless(Drifts.report()).keys("<Esc>").drift.isDone(), "Esc leaves too");
    }

    @Test
    void adoptAsksForANameDefaultsToNoThenWritesAndChecksAgain() {
        DriftHeadless h = new DriftHeadless(Drifts.report()).keys("w");
        assertTrue(h.text().contains("Migration name (letters, digits, _):"), h.text());
        h.keys("<Enter>");
        assertTrue(h.text().contains("A name is needed"), h.text());
        h.keys("hotfix users<Enter>");
        Golden.check("drift-adopt-confirm", h.text().replaceAll("\\d{14}_hotfix_users", "YYYYMMDDHHMMSS_hotfix_users"));
        assertTrue(h.text().matches("(?s).*Write \\d{14}_hotfix_users and mark it applied\\? \\[y/N].*"), h.text());
        String asked = h.text().replaceAll("(?s).*Write (\\d{14}_hotfix_users) and mark.*", "$1");
        h.keys("<Enter>");
        assertTrue(h.text().contains("Nothing written."), h.text());
        assertEquals(List.of(), h.calls, "Enter at [y/N] writes nothing");

        h.keys("whotfix users<Enter>");
        String confirmed = h.text().replaceAll("(?s).*Write (\\d{14}_hotfix_users) and mark.*", "$1");
        h.keys("y");
        assertEquals(List.of("adopt hotfix users (7 changes)", "check"), h.calls);
        assertTrue(h.text().contains("Wrote " + confirmed + ", marked it applied. Drift now: none."), "the folder asked about: " + h.text());
        assertTrue(asked.matches("\\d{14}_hotfix_users"), asked);
        assertTrue(h.text().contains("No drift: the database matches its history."), h.text());
        h.keys("w");
        assertTrue(h.text().contains("No schema drift: there is nothing to write"), h.text());
    }

    @Test
    void onProductionTheDatabaseNameMustBeTyped() {
        DriftHeadless h = new DriftHeadless(Drifts.report(), 80, 24, new TimelineScreen.Options(false, true, "blog"));
        h.keys("whotfix<Enter>");
        assertTrue(h.text().contains("This is a production database. Type its name, blog, to confirm:"), h.text());
        h.keys("y<Enter>");
        assertTrue(h.text().contains("Nothing written: the name typed is not blog."), h.text());
        assertEquals(List.of(), h.calls);
        h.keys("whotfix<Enter>blog<Enter>");
        assertEquals(List.of("adopt hotfix (7 changes)", "check"), h.calls);
    }

    @Test
    void tooSmallSaysSoAndResizeDrawsAgain() {
        DriftHeadless h = new DriftHeadless(Drifts.report()).resize(60, 20);
        assertTrue(h.text().contains("The drift report needs at least 80×24;"), h.text());
        assertTrue(h.text().contains("this terminal is 60×20."), h.text());
        h.resize(120, 40);
        assertTrue(h.text().contains("[Adopt as migration]"), h.text());
        assertTrue(h.text().contains("History the replay cannot vouch for"), "a taller screen shows more of the tree: " + h.text());
    }

    @Test
    void noColorMeansDefaultColoursEverywhereAndColourOtherwise() {
        DriftHeadless plain = new DriftHeadless(Drifts.report());
        DriftHeadless colour = new DriftHeadless(Drifts.report(), 80, 24, new TimelineScreen.Options(true, false, "blog"));
        boolean coloured = false;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 80; x++) {
                TextCharacter c = plain.vt.getCharacter(x, y);
                assertEquals(TextColor.ANSI.DEFAULT, c.getForegroundColor(), "NO_COLOR at " + x + "," + y);
                assertEquals(TextColor.ANSI.DEFAULT, c.getBackgroundColor(), "NO_COLOR at " + x + "," + y);
                coloured |= colour.vt.getCharacter(x, y).getForegroundColor() != TextColor.ANSI.DEFAULT;
            }
        }
        assertTrue(coloured);
        int selected = java.util.Arrays.asList(plain.text().split("\n")).indexOf(
                java.util.Arrays.stream(plain.text().split("\n")).filter(l -> l.contains("All differences")).findFirst().orElseThrow());
        assertTrue(plain.vt.getCharacter(0, selected).getModifiers().contains(SGR.REVERSE), "the selection is reversed, not coloured");
    }

    @Test
    void noDrift() {
        DriftHeadless h = new DriftHeadless(Drifts.none());
        assertTrue(h.text().contains(" Drift localhost/blog  none"), h.text());
        assertTrue(h.text().contains("No drift: the database matches its history."), h.text());
        h.keys("<Down><Enter><Left><Right><Tab>");
        assertFalse(h.drift.isDone());
    }

    @Test
    void twoThousandDifferencesOnlyTheVisibleRowsAreDrawn() {
        List<dev.godwit.engine.schema.Table> before = new java.util.ArrayList<>();
        List<dev.godwit.engine.schema.Table> after = new java.util.ArrayList<>();
        dev.godwit.engine.schema.ColumnType text = dev.godwit.engine.schema.ColumnType.of("text");
        for (int t = 0; t < 500; t++) {
            List<dev.godwit.engine.schema.Column> cols = new java.util.ArrayList<>(List.of(
                    dev.godwit.engine.schema.Column.of("id", dev.godwit.engine.schema.ColumnType.of("integer"), false)));
            before.add(dev.godwit.engine.schema.Table.of("t" + t, List.copyOf(cols), new dev.godwit.engine.schema.PrimaryKey("t" + t + "_pkey", List.of("id"))));
            for (int c = 0; c < 4; c++) {
                cols.add(dev.godwit.engine.schema.Column.of("c" + c, text, true));
            }
            after.add(dev.godwit.engine.schema.Table.of("t" + t, cols, new dev.godwit.engine.schema.PrimaryKey("t" + t + "_pkey", List.of("id"))));
        }
        var report = Drifts.report(new dev.godwit.engine.schema.Schema("public", before, List.of(), List.of(), List.of(), List.of()),
                new dev.godwit.engine.schema.Schema("public", after, List.of(), List.of(), List.of(), List.of()), List.of());
        assertEquals(2000, report.drift().size());
        DriftHeadless h = new DriftHeadless(report);
        for (int i = 0; i < 50; i++) {
            h.keys("<PgDn><Down><Tab>");
        }
        h.keys("<End>");
        assertTrue(h.text().contains("▸     + column c3 text"), h.text());
        assertTrue(h.text().contains("2501/2501"), h.text());
        assertTrue(h.drift.rowsDrawn() <= 10, "rows drawn: " + h.drift.rowsDrawn());
    }
}
