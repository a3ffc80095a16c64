package dev.godwit.shell.tui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The drift tree without a screen. */
class DriftModelTest {

    private static List<String> rows(DriftModel m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            out.add(m.rowLine(m.row(i)).text());
        }
        return out;
    }

    @Test
    void groupsByTableWithColumnsBeforeIndexesThenHistoryThenUnmanaged() {
        DriftModel m = new DriftModel(Drifts.report(), Drifts::script);
        String all = String.join("\n", rows(m));
        assertTrue(all.startsWith("  All differences  7 differences in 4 tables  2 may lose data"), all);
        assertTrue(all.contains("▾ + table audit  added"), all);
        assertTrue(all.contains("▾ - table legacy  removed"), all);
        assertTrue(all.contains("▾ ~ table users  changed  2 differences  may lose data"), all);
        assertTrue(all.contains("    ~ column age: type integer → bigint  may lose data"), all);
        assertTrue(all.contains("    + column nickname text"), all);
        assertTrue(all.contains("    + column id serial NOT NULL"), "a serial column reads as in its SQL: " + all);
        assertTrue(all.contains("    - index posts_user_id_idx (user_id)"), all);
        assertTrue(all.contains("~ enum Role  changed"), all);
        assertTrue(all.contains("History the replay cannot vouch for"), all);
        assertTrue(all.contains("20250105000000_add_posts  edited after apply"), all);
        assertTrue(all.indexOf("Not managed by godwit") > all.indexOf("History"), all);
        assertTrue(all.contains("· trigger users.users_audit"), all);
    }

    @Test
    void mayLoseDataFollowsTheScriptOnTheOpenTab() {
        DriftModel m = new DriftModel(Drifts.report(), Drifts::script);
        // adopting records what the database did: dropping legacy loses its rows wherever the migration runs
        assertEquals(DriftModel.Script.ADOPT, m.script());
        assertTrue(row(m, "table legacy").endsWith("removed  2 columns  may lose data"), row(m, "table legacy"));
        assertFalse(row(m, "column nickname").contains("may lose data"), row(m, "column nickname"));
        // reverting creates legacy again (nothing lost) and drops the column the database gained (its values are lost)
        m.switchScript();
        assertEquals(DriftModel.Script.REVERT, m.script());
        assertFalse(row(m, "table legacy").contains("may lose data"), row(m, "table legacy"));
        assertTrue(row(m, "+ column nickname").endsWith("  may lose data"), row(m, "column nickname"));
        assertTrue(row(m, "table audit").endsWith("may lose data"), "reverting drops the table the database gained: " + row(m, "table audit"));
        assertFalse(row(m, "table audit").contains("may lose data  "), row(m, "table audit"));
        assertTrue(row(m, "All differences").contains(m.losses(m.row(0)) + " may lose data"), row(m, "All differences"));
    }

    @Test
    void theCountOnAnObjectIsTheNumberOfLinesUnderIt() {
        DriftModel m = new DriftModel(Drifts.report(), Drifts::script);
        for (int i = 0; i < m.size(); i++) {
            DriftModel.Node n = m.row(i);
            if (n.kind() != DriftModel.Kind.OBJECT) {
                continue;
            }
            java.util.regex.Matcher count = java.util.regex.Pattern.compile("  (\\d+) (differences|columns|values)").matcher(n.label().text());
            int listed = 0;
            for (int j = i + 1; j < m.size() && m.row(j).depth() > n.depth(); j++) {
                listed++;
            }
            if (count.find()) {
                assertEquals(listed, Integer.parseInt(count.group(1)), n.label().text());
            } else {
                assertTrue(listed <= 1, "no count above " + listed + " lines: " + n.label().text());
            }
        }
        // a table the database gained, with an index on it: three lines under it, so 3, not "2 differences"
        assertTrue(row(m, "table audit").contains("added  4 differences"), row(m, "table audit"));
    }

    private static String row(DriftModel m, String containing) {
        return rows(m).stream().filter(r -> r.contains(containing)).findFirst().orElseThrow(() -> new AssertionError(containing + " in " + rows(m)));
    }

    @Test
    void expandCollapseAndMoveToTheParent() {
        DriftModel m = new DriftModel(Drifts.report(), Drifts::script);
        int before = m.size();
        int users = indexOf(m, "table users");
        m.moveBy(users);
        m.collapse();
        assertEquals(before - 2, m.size());
        assertTrue(m.rowLine(m.row(users)).text().startsWith("▸ ~ table users"));
        m.expand();
        assertEquals(before, m.size());
        m.expand();
        assertEquals(users + 1, m.selectedIndex(), "→ on an open table goes to its first detail");
        m.collapse();
        assertEquals(users, m.selectedIndex(), "← on a detail goes to its table");
        m.toggle();
        assertEquals(before - 2, m.size());
        m.toggle();
        assertEquals(before, m.size());
        m.toggleAll();
        assertTrue(rows(m).stream().noneMatch(r -> r.startsWith("    ")), "all closed: " + rows(m));
        assertTrue(m.selected().orElseThrow().key().equals("table users"), "the selection stays on the table");
        m.toggleAll();
        assertEquals(before, m.size());
    }

    @Test
    void bothScriptsForTheSelectionAndForEverything() {
        DriftModel m = new DriftModel(Drifts.report(), Drifts::script);
        assertEquals(DriftModel.Script.ADOPT, m.script());
        String whole = text(m.detail(80));
        assertTrue(whole.contains("ALTER TABLE \"users\""), whole);
        assertTrue(whole.contains("DROP INDEX \"posts_user_id_idx\""), whole);

        m.moveBy(indexOf(m, "table users"));
        String adopt = text(m.detail(80));
        assertTrue(adopt.contains("ADD COLUMN     \"nickname\" TEXT"), adopt);
        assertTrue(adopt.contains("SET DATA TYPE BIGINT"), adopt);
        assertFalse(adopt.contains("posts_user_id_idx"), adopt);
        m.switchScript();
        assertEquals(DriftModel.Script.REVERT, m.script());
        String revert = text(m.detail(80));
        assertTrue(revert.contains("DROP COLUMN \"nickname\""), revert);
        assertTrue(revert.contains("SET DATA TYPE INTEGER"), revert);

        m.moveBy(indexOf(m, "index posts_user_id_idx") - m.selectedIndex());
        assertTrue(text(m.detail(80)).contains("CREATE INDEX \"posts_user_id_idx\" ON \"posts\""), text(m.detail(80)));
        m.switchScript();
        assertTrue(text(m.detail(80)).contains("DROP INDEX \"posts_user_id_idx\""), text(m.detail(80)));

        m.moveBy(indexOf(m, "+ value admin") - m.selectedIndex());
        m.switchScript();
        assertTrue(text(m.detail(80)).contains("cannot be undone on its own"), text(m.detail(80)));

        m.end();
        assertTrue(text(m.detail(80)).contains("AFTER UPDATE ON users EXECUTE FUNCTION audit_row()"), text(m.detail(80)));
    }

    @Test
    void noDriftHasNoRows() {
        DriftModel m = new DriftModel(Drifts.none(), Drifts::script);
        assertEquals(0, m.size());
        assertTrue(text(m.detail(80)).contains("No drift"), text(m.detail(80)));
        m.moveBy(1);
        m.toggle();
        m.collapse();
    }

    static int indexOf(DriftModel m, String text) {
        for (int i = 0; i < m.size(); i++) {
            if (m.rowLine(m.row(i)).text().contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not in " + rows(m));
    }

    private static String text(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.text()).append('\n'));
        return sb.toString();
    }
}
