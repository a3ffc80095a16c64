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
        assertTrue(all.startsWith("  All differences  7 differences in 4 tables, 2 may lose data"), all);
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
