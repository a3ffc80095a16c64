package dev.godwit.shell.repl;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PromptTextTest {
    @Test
    void showsEnvironmentDatabaseAndState() {
        assertEquals("godwit dev@localhost/app (2 pending)> ", new PromptText("dev", "localhost/app", false, 2, 0, true, false).plain());
        assertEquals("godwit dev@localhost/app (1 failed, 2 pending)> ", new PromptText("dev", "localhost/app", false, 2, 1, true, false).plain());
        assertEquals("godwit dev@localhost/app (up to date)> ", new PromptText("dev", "localhost/app", false, 0, 0, true, false).plain());
        assertEquals("godwit db:5433/app (unreachable)> ", new PromptText(null, "db:5433/app", false, 0, 0, false, true).plain());
        assertEquals("godwit dev@localhost/app (…)> ", new PromptText("dev", "localhost/app", false, 0, 0, false, false).plain());
    }

    @Test
    void productionCarriesARedBadge() {
        AttributedString p = new PromptText("prod", "db1/app", true, 0, 0, true, false).render();
        assertEquals("godwit  PROD  prod@db1/app (up to date)> ", p.toString());
        int at = p.toString().indexOf("PROD");
        assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.WHITE).background(AttributedStyle.RED), p.styleAt(at),
                "PROD in bold white on red");
        assertFalse(new PromptText("dev", "db1/app", false, 0, 0, true, false).plain().contains("PROD"));
    }
}
